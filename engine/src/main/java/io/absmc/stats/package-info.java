/**
 * Run statistics: accumulators fed with a run's blocks in path order (moments, exact quantiles
 * from compact samples, histogram sketches with a stated resolution), and the per-tranche, pool and
 * trigger statistics with model-indicated ratings.
 */
package io.absmc.stats;
