package io.absmc.engine;

import io.absmc.resolve.ResolvedDeal;

/**
 * The deterministic driver: every cohort loses exactly its expected number of loans, the base-case
 * probability over its exposure times its loans. Runs the expected-value path that
 * {@code absmc cashflows} prints, the limit a Monte Carlo mean approaches as correlation goes to
 * zero. One instance per thread.
 */
public final class ExpectedValueDriver implements PerformanceDriver {

  private final ResolvedDeal deal;

  public ExpectedValueDriver(ResolvedDeal deal) {
    this.deal = deal;
  }

  @Override
  public double defaults(int segment, int startDay, int fromDay, int toDay, double loans) {
    return loans * ResolvedDeal.probability(
        deal.defaults.overScaled(segment, deal.originDay(segment, startDay), startDay, fromDay,
            toDay));
  }

  @Override
  public double prepayments(int segment, int startDay, int fromDay, int toDay, double loans) {
    return loans * ResolvedDeal.probability(
        deal.prepayments.over(segment, deal.originDay(segment, startDay), fromDay, toDay));
  }
}
