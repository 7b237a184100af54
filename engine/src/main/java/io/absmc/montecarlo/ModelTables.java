package io.absmc.montecarlo;

import io.absmc.resolve.ResolvedDeal;
import io.absmc.scenario.CreditModel;
import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * Per-run constants of the Monte Carlo model, computed once and shared read-only by all threads:
 * sqrt(rho) and sqrt(1 - rho) per segment, the lognormal parameters, and a quantile table of each
 * segment's Beta recovery distribution (so a path's recovery costs an interpolation, not a root
 * search).
 */
final class ModelTables {

  /** Points of the Beta quantile tables (linear interpolation between them). */
  static final int BETA_POINTS = 4096;

  final CreditModel model;
  final double[] sqrtRho;
  final double[] sqrtOneMinusRho;
  final double phi;
  final double sqrtOneMinusPhi2;
  /** sigma of the lognormal default multiplier: ln(1 + cv^2)^0.5. */
  final double defaultSigma;
  final double prepaymentSigma;
  final double prepaymentCorrelation;
  final double recoveryLoading;
  /** Beta quantiles by segment at u = i / (BETA_POINTS - 1); null when recoveries are fixed. */
  final double[][] recoveryQuantiles;
  /**
   * Phi^-1 of each segment's base default probability over a whole period, at
   * {@code segment * periods + period}; -inf where it is 0, +inf where it is 1.
   */
  final double[] defaultQuantile;

  ModelTables(ResolvedDeal deal) {
    this.model = deal.model;
    defaultQuantile = new double[deal.segments * deal.periods];
    for (int i = 0; i < defaultQuantile.length; i++) {
      double p = ResolvedDeal.probability(deal.defaultHazard[i], deal.periodDays[i % deal.periods]);
      defaultQuantile[i] = p <= 0 ? Double.NEGATIVE_INFINITY
          : p >= 1 ? Double.POSITIVE_INFINITY : io.absmc.random.Normal.quantile(p);
    }
    int s = deal.segments;
    sqrtRho = new double[s];
    sqrtOneMinusRho = new double[s];
    for (int i = 0; i < s; i++) {
      sqrtRho[i] = Math.sqrt(deal.assetCorrelation[i]);
      sqrtOneMinusRho[i] = Math.sqrt(1 - deal.assetCorrelation[i]);
    }
    phi = model.factorAutocorrelation();
    sqrtOneMinusPhi2 = Math.sqrt(1 - phi * phi);
    defaultSigma = Math.sqrt(Math.log1p(model.defaultCv() * model.defaultCv()));
    prepaymentSigma = model.prepaymentVolatility();
    prepaymentCorrelation = model.prepaymentCorrelation();
    recoveryLoading = model.recoveryLoading();
    if (model.recoverySd() > 0) {
      recoveryQuantiles = new double[s][];
      for (int i = 0; i < s; i++) {
        recoveryQuantiles[i] = betaTable(deal.recoveryRate[i], model.recoverySd());
      }
    } else {
      recoveryQuantiles = null;
    }
  }

  /** Quantiles of the Beta distribution with this mean and standard deviation. */
  static double[] betaTable(double mean, double sd) {
    double[] q = new double[BETA_POINTS];
    if (mean <= 0 || mean >= 1) {
      java.util.Arrays.fill(q, Math.max(0, Math.min(1, mean)));
      return q;
    }
    double nu = mean * (1 - mean) / (sd * sd) - 1;
    BetaDistribution beta = BetaDistribution.of(mean * nu, (1 - mean) * nu);
    for (int i = 0; i < BETA_POINTS; i++) {
      q[i] = beta.inverseCumulativeProbability(i / (double) (BETA_POINTS - 1));
    }
    return q;
  }

  /** The recovery of segment {@code s} at probability {@code u}. */
  double recovery(int s, double u) {
    double[] q = recoveryQuantiles[s];
    double x = u * (BETA_POINTS - 1);
    int i = Math.min((int) x, BETA_POINTS - 2);
    double w = x - i;
    return q[i] + w * (q[i + 1] - q[i]);
  }
}
