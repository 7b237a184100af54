package io.absmc.montecarlo;

import io.absmc.engine.PerformanceDriver;
import io.absmc.random.BinomialSampler;
import io.absmc.random.BlockStreams;
import io.absmc.random.Normal;
import io.absmc.scenario.DefaultModel;
import java.util.Arrays;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The stochastic performance driver: the model (conditional default and prepayment probabilities
 * given the path's systematic factors, per-path recoveries) composed with a {@link Granularity}
 * (the scheme that turns a probability into a number of loans).
 *
 * <p>Draws per path, from the block's systematic stream, always in this order and number, so that
 * the economy of path i is the same whatever the pool or stress: the default factor X (Vasicek: the
 * first period's factor Z_1; lognormal: the multiplier's normal), the prepayment normal, the
 * recovery normal, then one normal per later period when the factor is autocorrelated (phi &lt; 1).
 * Loan-level draws use the idiosyncratic stream. One instance per thread.
 */
final class MonteCarloDriver implements PerformanceDriver {

  private final ModelTables tables;
  private final Granularity granularity;
  private final boolean vasicek;
  private final int periods;

  private XoRoShiRo128PlusPlus idiosyncratic;
  private ZigguratSampler.NormalizedGaussian gaussian;

  /** Systematic factor of the current period (Vasicek: high Z, fewer defaults). */
  private double z;
  private double defaultMultiplier;
  private double prepaymentMultiplier;
  private final double[] recovery;
  private final double[] baseRecovery;

  // per period: last conditional probability computed for each segment
  private final double[] lastBase;
  private final double[] lastConditional;

  MonteCarloDriver(ModelTables tables, double[] baseRecovery, int periods, Granularity granularity) {
    this.tables = tables;
    this.granularity = granularity;
    this.vasicek = tables.model.defaults() == DefaultModel.VASICEK;
    this.periods = periods;
    this.baseRecovery = baseRecovery.clone();
    this.recovery = baseRecovery.clone();
    this.lastBase = new double[baseRecovery.length];
    this.lastConditional = new double[baseRecovery.length];
  }

  /** Starts a block: its two streams. */
  void useStreams(BlockStreams.Pair streams) {
    this.idiosyncratic = streams.idiosyncratic();
    this.gaussian = ZigguratSampler.NormalizedGaussian.of(streams.systematic());
  }

  @Override
  public boolean wholeLoans() {
    return granularity.wholeLoans();
  }

  @Override
  public void beginPath() {
    double x = gaussian.sample();
    double prepaymentNormal = gaussian.sample();
    double recoveryNormal = gaussian.sample();
    // the default factor, oriented so that high means more defaults
    double badness;
    if (vasicek) {
      z = x;
      badness = -x;
      defaultMultiplier = 1;
    } else {
      badness = x;
      double s = tables.defaultSigma;
      defaultMultiplier = Math.exp(s * x - 0.5 * s * s);
    }
    double c = tables.prepaymentCorrelation;
    double w = c * badness + Math.sqrt(1 - c * c) * prepaymentNormal;
    double ps = tables.prepaymentSigma;
    prepaymentMultiplier = Math.exp(ps * w - 0.5 * ps * ps);
    if (tables.recoveryQuantiles != null) {
      double l = tables.recoveryLoading;
      double u = Normal.cdf(-l * badness + Math.sqrt(1 - l * l) * recoveryNormal);
      for (int s = 0; s < recovery.length; s++) {
        recovery[s] = tables.recovery(s, u);
      }
    }
  }

  @Override
  public void beginPeriod(int period) {
    if (period > 0 && vasicek && tables.phi < 1) {
      z = tables.phi * z + tables.sqrtOneMinusPhi2 * gaussian.sample();
    }
    Arrays.fill(lastBase, -1);
  }

  @Override
  public double defaults(int segment, double loans, double probability) {
    return count(loans, conditionalDefault(segment, probability));
  }

  @Override
  public double prepayments(int segment, double loans, double probability) {
    return count(loans, Math.min(1, probability * prepaymentMultiplier));
  }

  @Override
  public double recoveryRate(int segment, double baseRate) {
    return tables.recoveryQuantiles == null ? baseRate : recovery[segment];
  }

  /** The default probability given this path's factors. */
  double conditionalDefault(int segment, double probability) {
    if (lastBase[segment] == probability) {
      return lastConditional[segment];
    }
    double p;
    if (!vasicek) {
      p = Math.min(1, probability * defaultMultiplier);
    } else if (probability <= 0 || probability >= 1) {
      p = probability;
    } else {
      p = Normal.cdf((Normal.quantile(probability) - tables.sqrtRho[segment] * z)
          / tables.sqrtOneMinusRho[segment]);
    }
    lastBase[segment] = probability;
    lastConditional[segment] = p;
    return p;
  }

  private double count(double loans, double p) {
    switch (granularity) {
      case LARGE_POOL:
        return loans * p;
      case COHORT:
        return BinomialSampler.sample(idiosyncratic, (long) loans, p);
      case LOAN: {
        long n = (long) loans;
        long hits = 0;
        for (long i = 0; i < n; i++) {
          if (idiosyncratic.nextDouble() < p) {
            hits++;
          }
        }
        return hits;
      }
      default:
        throw new IllegalStateException("unknown granularity " + granularity);
    }
  }

  int periods() {
    return periods;
  }
}
