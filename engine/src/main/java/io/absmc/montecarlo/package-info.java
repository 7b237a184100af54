/**
 * Monte Carlo: the stochastic performance driver (Vasicek or lognormal defaults, per-path
 * prepayment and recovery draws) composed with a granularity (loan, cohort, large-pool), the block
 * runner that gives identical results on any number of threads, and the run's headline statistics.
 */
package io.absmc.montecarlo;
