/**
 * Stress batches: a deal run under every stress of a set with common random numbers, partitioned
 * results, a combined summary, and a manifest that lets a killed batch resume.
 */
package io.absmc.batch;
