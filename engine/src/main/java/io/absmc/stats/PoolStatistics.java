package io.absmc.stats;

/**
 * The pool's statistics over a run: rates are fractions of the initial pool plus all purchases.
 *
 * @param defaultRate cumulative default rate: mean, sd, quantiles, expected shortfall
 * @param lossRate cumulative loss rate (defaults less recoveries): the same
 * @param prepaymentRateMean mean cumulative prepayment rate
 * @param guaranteeProbability share of paths where the guarantor pays anything
 * @param guaranteeMean mean guarantor payment, RMB
 * @param guaranteeQ99 99th percentile of the guarantor's payment, RMB
 * @param revolvingEndedEarly share of paths whose revolving period ended early (a trigger)
 */
public record PoolStatistics(Distribution defaultRate, Distribution lossRate,
    double prepaymentRateMean, double guaranteeProbability, double guaranteeMean,
    double guaranteeQ99, double revolvingEndedEarly) {

  /**
   * Mean (with its standard error), standard deviation, quantiles at
   * {@link RunStatistics#LOSS_LEVELS} and expected shortfall at 99% of a pool rate.
   */
  public record Distribution(double mean, double meanSe, double sd, double[] quantiles,
      double es99) {
  }
}
