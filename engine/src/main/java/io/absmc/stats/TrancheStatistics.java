package io.absmc.stats;

/**
 * A tranche's statistics over a run. Losses are fractions of the original balance; times in years
 * from closing; money in RMB.
 *
 * @param name tranche
 * @param pd probability of default: share of paths with any shortfall of promised interest or
 *     principal after the tranche's legal final date
 * @param pdSe its standard error
 * @param el expected loss (shortfall over original balance), undiscounted
 * @param elSe its standard error
 * @param elPv expected loss with each path's shortfall discounted at the coupon from the legal
 *     final date (Moody's convention)
 * @param elPvSe its standard error
 * @param lgd loss given default: EL / PD
 * @param walYears mean WAL of the principal repaid
 * @param walSd standard deviation of WAL
 * @param walQ05 5th percentile of WAL
 * @param walQ50 median WAL
 * @param walQ95 95th percentile of WAL
 * @param lossQuantiles loss at {@link RunStatistics#LOSS_LEVELS}
 * @param es99 expected shortfall at 99%: mean loss of the worst 1% of paths
 * @param irrMean mean IRR
 * @param irrQ01 1st percentile of IRR
 * @param irrQ05 5th percentile of IRR
 * @param firstLossYears mean time to first loss over the paths that lose (NaN: none)
 * @param guaranteeProbability share of paths where the guarantor pays the tranche
 * @param guaranteeMean mean guarantor payment to the tranche, RMB
 * @param guaranteeQ99 99th percentile of it, RMB
 * @param ratingEl model-indicated rating from EL at the mean WAL (at the legal final date when
 *     no path repaid any principal), with the ratings at its 95% interval's ends
 * @param ratingPd model-indicated rating from PD at the mean WAL, likewise
 * @param losingPaths number of paths with a loss (unweighted)
 * @param pdInterval 95% interval of PD ({@link Interval95#proportion})
 * @param elInterval 95% interval of EL ({@link Interval95#expectedLoss})
 * @param elPvInterval 95% interval of EL (PV)
 * @param lossQ999Interval 95% interval of the 99.9% loss quantile ({@link Distribution#quantileInterval})
 * @param lossSd standard deviation of the loss
 */
public record TrancheStatistics(String name, long paths, double pd, double pdSe, double el,
    double elSe, double elPv, double elPvSe, double lgd, double walYears, double walSd,
    double walQ05, double walQ50, double walQ95, double[] lossQuantiles, double es99,
    double irrMean, double irrQ01, double irrQ05, double firstLossYears,
    double guaranteeProbability, double guaranteeMean, double guaranteeQ99, ImpliedRating ratingEl,
    ImpliedRating ratingPd, long losingPaths, Interval95.Interval pdInterval,
    Interval95.Interval elInterval, Interval95.Interval elPvInterval,
    Interval95.Interval lossQ999Interval, double lossSd) {

  /** The lower end of the 95% interval of EL. */
  public double elLow() {
    return elInterval.low();
  }

  /** The upper end of the 95% interval of EL. */
  public double elHigh() {
    return elInterval.high();
  }

  /** The lower end of the 95% interval of EL (PV). */
  public double elPvLow() {
    return elPvInterval.low();
  }

  /** The upper end of the 95% interval of EL (PV). */
  public double elPvHigh() {
    return elPvInterval.high();
  }

  /** The lower end of the 95% interval of PD. */
  public double pdLow() {
    return pdInterval.low();
  }

  /** The upper end of the 95% interval of PD. */
  public double pdHigh() {
    return pdInterval.high();
  }

  /** The loss at a level of {@link RunStatistics#LOSS_LEVELS}. */
  public double lossQuantile(double level) {
    for (int i = 0; i < RunStatistics.LOSS_LEVELS.length; i++) {
      if (RunStatistics.LOSS_LEVELS[i] == level) {
        return lossQuantiles[i];
      }
    }
    throw new IllegalArgumentException("no loss quantile at " + level);
  }
}
