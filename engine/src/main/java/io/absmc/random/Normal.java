package io.absmc.random;

import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.numbers.gamma.InverseErfc;

/**
 * The standard normal distribution's CDF and quantile, through Commons Numbers' complementary error
 * function and its inverse (accurate to a few ulp in the tails). Stateless and thread-safe.
 */
public final class Normal {

  private static final double SQRT2 = Math.sqrt(2);

  private Normal() {
  }

  /** Phi(x) = P(Z <= x). */
  public static double cdf(double x) {
    return 0.5 * Erfc.value(-x / SQRT2);
  }

  /** Phi^-1(p) for 0 < p < 1 (-inf at 0, +inf at 1). */
  public static double quantile(double p) {
    return -SQRT2 * InverseErfc.value(2 * p);
  }

  /** The standard normal density. */
  public static double pdf(double x) {
    return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
  }
}
