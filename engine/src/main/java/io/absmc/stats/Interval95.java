package io.absmc.stats;

/**
 * The 95% interval of a Monte Carlo estimate of a non-negative quantity: estimate -/+ 1.96
 * standard errors, the lower end floored at zero. Every interval absmc prints or writes (EL, EL
 * (PV), PD, the ratings at an interval's ends, a sizing's answer) comes from here.
 */
public final class Interval95 {

  private static final double Z = 1.96;

  private Interval95() {
  }

  /** The lower end: {@code max(0, estimate - 1.96 se)}. */
  public static double low(double estimate, double se) {
    return Math.max(0, estimate - Z * se);
  }

  /** The upper end: {@code estimate + 1.96 se}. */
  public static double high(double estimate, double se) {
    return estimate + Z * se;
  }
}
