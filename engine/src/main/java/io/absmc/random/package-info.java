/**
 * Randomness: block-indexed random streams from one master seed, the normal CDF and quantile, and
 * a binomial sampler (BTRD) fast when the probability changes at every draw. The engine never
 * creates a generator of its own; it is handed one per block.
 */
package io.absmc.random;
