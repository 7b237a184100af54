package io.absmc.engine;

/**
 * Supplies how many loans of a cohort default and prepay over an exposure window: the only place
 * where a path's randomness (or its absence) enters the engine. A driver is told the cohort's
 * segment, the day its loans started (closing for the initial pool, the purchase day for loans
 * bought while revolving), the window (from, to] in days from closing and the loans alive at its
 * start. A window never spans a payment date. The base-case probability over the window is {@code
 * 1 - exp(-H)} = {@code ResolvedDeal.probability(H)} with H the cumulative hazard of its days
 * ({@code deal.defaults.over(...)}), by period or by the loan's month on book. The expected-value driver returns the expectation; Monte Carlo drivers draw, with
 * conditional probabilities that depend on the cohort's start and the window's ends, never on how
 * the deal's periods are cut.
 *
 * <p>Calls per path: {@link #beginPath()}, then for each period {@link #beginPeriod(int)} followed
 * by any number of cohort calls, each cohort's windows in order. A driver instance belongs to one
 * thread.
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
   * Number of loans, of {@code loans} alive at {@code fromDay}, that default by {@code toDay}.
   *
   * @param segment the cohort's segment index (its default hazard in the period is positive)
   * @param startDay the day the cohort's loans started (0 for the initial pool)
   * @param fromDay start of the window (exclusive), at or after {@code startDay}
   * @param toDay end of the window (inclusive), after {@code fromDay}
   * @param loans loans alive at the start of the window (may be fractional in expected-value runs)
   * @return between 0 and {@code loans}
   */
  double defaults(int segment, int startDay, int fromDay, int toDay, double loans);

  /**
   * Number of loans, of {@code loans} that survived the window's defaults, that prepay in full
   * over the same window.
   *
   * @return between 0 and {@code loans}
   */
  double prepayments(int segment, int startDay, int fromDay, int toDay, double loans);

  /**
   * Defaults over a window and then full prepayments of the loans that did not default: {@code
   * out[0]} and {@code out[1]}, with the joint distribution of {@link #defaults} followed by
   * {@link #prepayments} of the survivors. A driver that draws loan by loan may decide both with
   * one uniform a loan; by default the two in turn.
   */
  default void defaultsAndPrepayments(int segment, int startDay, int fromDay, int toDay,
      double loans, double[] out) {
    out[0] = defaults(segment, startDay, fromDay, toDay, loans);
    double survivors = loans - out[0];
    out[1] = survivors > 0 ? prepayments(segment, startDay, fromDay, toDay, survivors) : 0;
  }

  /**
   * For a roll-rate segment: the probability, given this path's systematic factor of the cohort's
   * vintage, that a current loan falls past due at the {@code step}-th due date since the
   * vintage's start, when the base probability at each due date is {@code base} (in (0, 1)). Over
   * the factor, the probability of a first fall by the t-th due date, 1 - (1 - base)^t, keeps its
   * mean.
   */
  default double worsening(int segment, int startDay, int step, double base) {
    return base;
  }

  /**
   * Splits {@code loans} among {@code k} outcomes of probabilities {@code p[0..k)} (summing to 1)
   * into {@code out[0..k)}: the expected numbers, or whole loans drawn.
   */
  default void split(double loans, double[] p, int k, double[] out) {
    for (int j = 0; j < k; j++) {
      out[j] = loans * p[j];
    }
  }

  /**
   * The recovery rate of this path for a default of a segment whose base rate, at its curve index
   * {@code index} (period or month on book), is given.
   */
  default double recoveryRate(int segment, int index, double baseRate) {
    return baseRate;
  }
}
