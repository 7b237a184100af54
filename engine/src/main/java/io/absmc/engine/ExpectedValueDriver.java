package io.absmc.engine;

import io.absmc.resolve.ResolvedDeal;

/**
 * The deterministic driver: every cohort loses exactly its expected number of loans, the base-case
 * probability over its exposure times its loans. Runs the expected-value path that
 * {@code absmc cashflows} prints, the limit a Monte Carlo mean approaches as correlation goes to
 * zero. One instance per thread.
 */
public final class ExpectedValueDriver implements PerformanceDriver {

  private final double[] defaultHazard;
  private final double[] prepaymentHazard;
  private final int periods;
  private int period;

  public ExpectedValueDriver(ResolvedDeal deal) {
    this.defaultHazard = deal.defaultHazard;
    this.prepaymentHazard = deal.prepaymentHazard;
    this.periods = deal.periods;
  }

  @Override
  public void beginPeriod(int period) {
    this.period = period;
  }

  @Override
  public double defaults(int segment, int startDay, int fromDay, int toDay, double loans) {
    return loans * ResolvedDeal.probability(defaultHazard[segment * periods + period],
        toDay - fromDay);
  }

  @Override
  public double prepayments(int segment, int startDay, int fromDay, int toDay, double loans) {
    return loans * ResolvedDeal.probability(prepaymentHazard[segment * periods + period],
        toDay - fromDay);
  }
}
