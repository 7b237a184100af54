package io.absmc.montecarlo;

import io.absmc.engine.PerformanceDriver;
import io.absmc.random.BinomialSampler;
import io.absmc.random.BlockStreams;
import io.absmc.random.Normal;
import io.absmc.resolve.ResolvedDeal;
import io.absmc.scenario.DefaultModel;
import java.util.Arrays;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The stochastic performance driver: the model (conditional default and prepayment probabilities
 * given the path's systematic factors, per-path recoveries) composed with a {@link Granularity}
 * (the scheme that turns a probability into a number of loans).
 *
 * <p>Vasicek: in period t a segment's conditional probability over the whole period is p_t(Z_t) =
 * Phi((Phi^-1(p_t) - sqrt(rho) Z_t) / sqrt(1 - rho)), p_t being the base probability over the
 * period's days; a cohort exposed e of the period's d days has 1 - (1 - p_t(Z_t))^(e/d), the same
 * conditional hazard. Lognormal: the base probability over the exposure times the path's
 * multiplier (capped at 1). Prepayments: the base probability times the path's multiplier.
 *
 * <p>Draws per path, from the block's systematic stream, always in this order and number, so that
 * the economy of path i is the same whatever the pool or stress: the default factor X (Vasicek: the
 * first period's factor Z_1; lognormal: the multiplier's normal), the prepayment normal, the
 * recovery normal, then one normal per later period when the factor is autocorrelated (phi &lt; 1).
 * Loan-level draws use the idiosyncratic stream. One instance per thread.
 *
 * <p>Importance sampling (Glasserman and Li, "Importance sampling for portfolio credit risk",
 * Management Science 51(11), 2005): the default factor X, N(0, 1), is drawn from N(mu, 1) instead,
 * and the path carries the likelihood ratio w = phi(X) / phi(X - mu) = exp(-mu X + mu^2 / 2), so
 * every weighted statistic stays unbiased. The later innovations of an autocorrelated factor are
 * not shifted.
 */
final class MonteCarloDriver implements PerformanceDriver {

  private final ModelTables tables;
  private final Granularity granularity;
  private final boolean vasicek;
  private final int periods;
  private final int[] periodDays;
  private final double[] defaultHazard;
  private final double[] prepaymentHazard;

  private XoRoShiRo128PlusPlus idiosyncratic;
  private ZigguratSampler.NormalizedGaussian gaussian;

  private int period;
  /** Importance-sampling shift of the default factor, and this path's likelihood ratio. */
  private final double shift;
  private double weight = 1;
  /** Systematic factor of the current period (Vasicek: high Z, fewer defaults). */
  private double z;
  private double defaultMultiplier;
  private double prepaymentMultiplier;
  private final double[] recovery;

  // Vasicek: conditional daily hazard by segment, valid for the period whose stamp it carries
  private final double[] conditionalHazard;
  private final int[] hazardStamp;
  private int stamp;
  // probabilities (and for defaults log(1 - p), NaN when not known) by segment and days of
  // exposure (index segment * (longest + 1) + days): cohorts of a segment share a handful of
  // exposures in a period (the whole period, from a purchase batch, to a maturity); valid for the
  // period whose stamp the entry carries
  private final int exposures;
  private final int[] defaultStamp;
  private final double[] defaultProbability;
  private final double[] defaultLog1mp;
  private final int[] prepaymentStamp;
  private final double[] prepaymentProbability;

  MonteCarloDriver(ResolvedDeal deal, ModelTables tables, Granularity granularity, double shift) {
    this.tables = tables;
    this.shift = shift;
    this.granularity = granularity;
    this.vasicek = tables.model.defaults() == DefaultModel.VASICEK;
    this.periods = deal.periods;
    this.periodDays = deal.periodDays;
    this.defaultHazard = deal.defaultHazard;
    this.prepaymentHazard = deal.prepaymentHazard;
    this.recovery = deal.recoveryRate.clone();
    this.conditionalHazard = new double[deal.segments];
    this.hazardStamp = new int[deal.segments];
    int longest = 0;
    for (int d : deal.periodDays) {
      longest = Math.max(longest, d);
    }
    this.exposures = longest + 1;
    int cells = deal.segments * exposures;
    this.defaultStamp = new int[cells];
    this.defaultProbability = new double[cells];
    this.defaultLog1mp = new double[cells];
    this.prepaymentStamp = new int[cells];
    this.prepaymentProbability = new double[cells];
  }

  /** Starts a block: its two streams. */
  void useStreams(BlockStreams.Pair streams) {
    this.idiosyncratic = streams.idiosyncratic();
    this.gaussian = ZigguratSampler.NormalizedGaussian.of(streams.systematic());
  }

  /** The likelihood ratio of the current path (1 without importance sampling). */
  double weight() {
    return weight;
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
    // the default factor, oriented so that high means more defaults, shifted by mu when sampling
    // by importance
    double badness;
    if (vasicek) {
      z = x - shift;
      badness = -z;
      defaultMultiplier = 1;
    } else {
      badness = x + shift;
      double s = tables.defaultSigma;
      defaultMultiplier = Math.exp(s * badness - 0.5 * s * s);
    }
    weight = shift == 0 ? 1 : Math.exp(-shift * badness + 0.5 * shift * shift);
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
    this.period = period;
    if (period > 0 && vasicek && tables.phi < 1) {
      z = tables.phi * z + tables.sqrtOneMinusPhi2 * gaussian.sample();
    }
    if (++stamp == Integer.MAX_VALUE) {
      Arrays.fill(hazardStamp, 0);
      Arrays.fill(defaultStamp, 0);
      Arrays.fill(prepaymentStamp, 0);
      stamp = 1;
    }
  }

  @Override
  public double defaults(int segment, double loans, int exposureDays) {
    int e = segment * exposures + exposureDays;
    if (defaultStamp[e] != stamp) {
      defaultStamp[e] = stamp;
      double p;
      if (vasicek) {
        double h = conditionalHazard(segment);
        p = ResolvedDeal.probability(h, exposureDays);
        defaultLog1mp[e] = -h * exposureDays;
      } else {
        p = Math.min(1, defaultMultiplier
            * ResolvedDeal.probability(defaultHazard[segment * periods + period], exposureDays));
        defaultLog1mp[e] = Double.NaN;
      }
      defaultProbability[e] = p;
    }
    return count(loans, defaultProbability[e], defaultLog1mp[e]);
  }

  /** The Vasicek conditional daily hazard of a segment in the current period, computed once. */
  private double conditionalHazard(int segment) {
    if (hazardStamp[segment] != stamp) {
      conditionalHazard[segment] = ConditionalDefault.hazard(
          tables.defaultQuantile[segment * periods + period], tables.sqrtRho[segment],
          tables.sqrtOneMinusRho[segment], z, periodDays[period]);
      hazardStamp[segment] = stamp;
    }
    return conditionalHazard[segment];
  }

  @Override
  public double prepayments(int segment, double loans, int exposureDays) {
    int e = segment * exposures + exposureDays;
    if (prepaymentStamp[e] != stamp) {
      prepaymentStamp[e] = stamp;
      double q = Math.min(1, prepaymentMultiplier
          * ResolvedDeal.probability(prepaymentHazard[segment * periods + period], exposureDays));
      prepaymentProbability[e] = q;
    }
    return count(loans, prepaymentProbability[e], Double.NaN);
  }

  @Override
  public double recoveryRate(int segment, double baseRate) {
    return tables.recoveryQuantiles == null ? baseRate : recovery[segment];
  }

  private double count(double loans, double p, double log1mp) {
    switch (granularity) {
      case LARGE_POOL:
        return loans * p;
      case COHORT:
        return BinomialSampler.sample(idiosyncratic, (long) loans, p, log1mp);
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
}
