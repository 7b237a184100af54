package io.absmc.montecarlo;

import io.absmc.random.Normal;

/**
 * The Vasicek one-factor model's default probability given the systematic factor: with base
 * probability p over a period, q = Phi^-1(p) (computed once per segment and period, {@link
 * ModelTables}), asset correlation rho and factor Z (high Z, fewer defaults), p(Z) = Phi((q -
 * sqrt(rho) Z) / sqrt(1 - rho)); as a daily hazard over the period's d days, -log(1 - p(Z)) / d.
 */
public final class ConditionalDefault {

  private ConditionalDefault() {
  }

  /**
   * The conditional daily hazard.
   *
   * @param quantile Phi^-1 of the base probability over the period (may be infinite)
   * @param sqrtRho square root of the asset correlation
   * @param sqrtOneMinusRho square root of one minus it
   * @param z the period's systematic factor
   * @param days the period's days
   */
  public static double hazard(double quantile, double sqrtRho, double sqrtOneMinusRho, double z,
      int days) {
    if (quantile == Double.NEGATIVE_INFINITY) {
      return 0;
    }
    if (quantile == Double.POSITIVE_INFINITY) {
      return Double.POSITIVE_INFINITY;
    }
    double p = Normal.cdf((quantile - sqrtRho * z) / sqrtOneMinusRho);
    return -Math.log1p(-p) / days;
  }
}
