package io.absmc.montecarlo;

import io.absmc.cashflow.BreakEven;
import io.absmc.random.Normal;
import io.absmc.resolve.ResolvedDeal;
import io.absmc.scenario.DefaultModel;

/**
 * Chooses the importance-sampling shift of the default factor for a deal: the factor value at
 * which the pool's default rates reach the senior (first) tranche's break-even, so that the paths
 * that decide its losses are common instead of rare (after Glasserman and Li 2005, who shift to
 * the most likely loss-causing factor value).
 *
 * <p>Vasicek: with m* the senior's break-even multiplier of the default rates, p the balance-weighted
 * base probability over a month and rho the balance-weighted correlation, the shift is the
 * factor value x at which the conditional probability is m* p: x = (sqrt(1 - rho) Phi^-1(m* p) -
 * Phi^-1(p)) / sqrt(rho). Lognormal: the normal at which the multiplier is m*, (ln m* + s^2/2) / s.
 * Capped at 6; 0 when the senior never loses on the expected path.
 */
public final class ImportanceShift {

  /** The largest shift chosen. */
  static final double MAX = 6;

  private ImportanceShift() {
  }

  /** The automatic shift for a resolved deal (its stress included). */
  public static double auto(ResolvedDeal deal) {
    BreakEven.Result r = BreakEven.of(deal.scenario, deal.stress, 0);
    if (r.neverLoses() || r.criticalMultiplier() <= 1) {
      return r.neverLoses() ? 0 : 0.5;
    }
    double m = r.criticalMultiplier();
    if (deal.model.defaults() == DefaultModel.LOGNORMAL) {
      double s = Math.sqrt(Math.log1p(deal.model.defaultCv() * deal.model.defaultCv()));
      return Math.min(MAX, (Math.log(m) + s * s / 2) / s);
    }
    double weight = 0;
    double p = 0;
    double rho = 0;
    for (int s = 0; s < deal.initialSegments; s++) {
      double b = deal.initialBalance[s];
      weight += b;
      p += b * ResolvedDeal.probability(deal.defaultHazard[s * deal.periods], 30);
      rho += b * deal.assetCorrelation[s];
    }
    p /= weight;
    rho /= weight;
    if (!(p > 0) || !(rho > 0)) {
      return 0;
    }
    double target = Math.min(0.999, m * p);
    double x = (Math.sqrt(1 - rho) * Normal.quantile(target) - Normal.quantile(p)) / Math.sqrt(rho);
    return Math.max(0, Math.min(MAX, x));
  }
}
