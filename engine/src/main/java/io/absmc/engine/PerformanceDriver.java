package io.absmc.engine;

/**
 * Supplies how many loans of a cohort default and prepay in a period: the only place where a
 * path's randomness (or its absence) enters the engine. A driver is told the cohort's segment, its
 * loans and the days it was exposed in the period; the base-case probability over those days is
 * {@code 1 - (1 - r)^(d/365)} = {@code ResolvedDeal.probability(hazard, d)}. The expected-value
 * driver returns the expectation; Monte Carlo drivers draw.
 *
 * <p>Calls per path: {@link #beginPath()}, then for each period {@link #beginPeriod(int)} followed
 * by any number of cohort calls. A driver instance belongs to one thread.
 */
public interface PerformanceDriver {

  /**
   * Whether loan counts must stay whole numbers (drivers that draw loans); the expected-value
   * driver works with fractional expected counts.
   */
  default boolean wholeLoans() {
    return false;
  }

  /** Starts a new path (draws per-path factors). */
  default void beginPath() {
  }

  /** Starts a period (0-based), before any cohort of it is stepped. */
  default void beginPeriod(int period) {
  }

  /**
   * Number of loans, of {@code loans} alive, that default.
   *
   * @param segment the cohort's segment index (its default hazard is positive)
   * @param loans loans alive at the start of the exposure (may be fractional in expected-value runs)
   * @param exposureDays days the cohort was exposed in this period (at least 1)
   * @return between 0 and {@code loans}
   */
  double defaults(int segment, double loans, int exposureDays);

  /**
   * Number of loans, of {@code loans} that survived defaults, that prepay in full.
   *
   * @return between 0 and {@code loans}
   */
  double prepayments(int segment, double loans, int exposureDays);

  /** The recovery rate of this path for a segment whose base rate is given. */
  default double recoveryRate(int segment, double baseRate) {
    return baseRate;
  }
}
