/**
 * From static-pool (vintage) data to a base case: reading vintage tables, the pooled default,
 * prepayment and recovery curves by months on book, chain-ladder lifetime default rates, and their
 * dispersion across vintages (lognormal coefficient of variation, Vasicek correlation by maximum
 * likelihood), each with a bootstrap interval. The method is in {@code docs/calibration.md}.
 * Depends on {@code output} (to write its files); the command line depends on it.
 */
package io.absmc.calibrate;
