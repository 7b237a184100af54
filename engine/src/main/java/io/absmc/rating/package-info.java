/**
 * Rating-style mapping: idealized tables by rating and horizon, and the model-indicated rating of
 * a tranche's expected loss or default probability at its WAL.
 */
package io.absmc.rating;
