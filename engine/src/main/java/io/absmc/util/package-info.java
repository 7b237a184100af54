/**
 * Small helpers shared by every stage: the argument checker that names argument, rule and value,
 * and name matching for "did you mean" hints.
 */
package io.absmc.util;
