package io.absmc.montecarlo;

import io.absmc.random.Normal;
import io.absmc.resolve.Hazards;
import io.absmc.resolve.ResolvedDeal;
import io.absmc.scenario.CreditModel;
import io.absmc.scenario.DefaultModel;
import io.absmc.scenario.ScenarioException;
import io.absmc.util.Check;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * Per-run constants of the Monte Carlo model, computed once and shared read-only by all threads:
 * the vintages and the autoregression of their factors, each (segment, vintage)'s base cumulative
 * default curve by loan age and its normal quantiles with sqrt(rho) and sqrt(1 - rho), the lognormal
 * parameters, and a quantile table of each segment's Beta recovery distribution (so a path's
 * recovery costs an interpolation, not a root search). The model itself is in
 * {@link MonteCarloDriver} and {@code docs/model.md}.
 */
final class ModelTables {

  /** Points of the Beta quantile tables (linear interpolation between them). */
  static final int BETA_POINTS = 4096;

  final CreditModel model;
  final boolean vasicek;
  final double[] sqrtRho;
  final double[] sqrtOneMinusRho;

  // ---- vintages: the days loans can start, and their factors' autoregression
  /** Number of vintages K (the deal's {@code vintageDays}). */
  final int vintages;
  /** Vintage index of a day ({@code -1}: no loan starts that day). */
  final int[] vintageOfDay;
  /**
   * Number of independent innovations a path draws for the default factors: 1 when every vintage
   * shares one factor (phi = 1, or a single vintage), else K.
   */
  final int innovations;
  /** c_k = phi^((d_k - d_(k-1)) / 365): the factor of vintage k carried from vintage k-1. */
  final double[] carry;
  /** sqrt(1 - c_k^2): the weight of vintage k's own innovation (1 for vintage 0). */
  final double[] fresh;

  // ---- base curves by (segment, vintage) at segment * vintages + vintage, indexed by age in days
  /** Base cumulative default probability F(age) from the vintage's start; null: never occurs. */
  final double[][] defaultCurve;
  /**
   * Vasicek only: the point of each (segment, vintage, age), an index into the three point arrays.
   * Curves and segments that agree share their points, so that a path with one factor computes
   * each conditional probability once however many vintages reach it.
   */
  final int[][] defaultPoint;
  /** By point: Phi^-1(F(age)) (-inf where F = 0, +inf where F = 1), sqrt(rho), sqrt(1 - rho). */
  final double[] pointQuantile;
  final double[] pointSqrtRho;
  final double[] pointSqrtOneMinusRho;
  /** Base cumulative prepayment probability by age (only with a prepayment volatility). */
  final double[][] prepaymentCurve;

  /** sigma of the lognormal default multiplier: ln(1 + cv^2)^0.5. */
  final double defaultSigma;
  final double prepaymentSigma;
  final double prepaymentCorrelation;
  final double recoveryLoading;
  /**
   * Beta quantiles by segment and recovery-curve index at u = i / (BETA_POINTS - 1) (one table
   * shared by equal rates); null when recoveries are fixed.
   */
  final double[][][] recoveryQuantiles;

  ModelTables(ResolvedDeal deal) {
    checkRecoveries(deal);
    this.model = deal.model;
    this.vasicek = model.defaults() == DefaultModel.VASICEK;
    int s = deal.segments;
    sqrtRho = new double[s];
    sqrtOneMinusRho = new double[s];
    for (int i = 0; i < s; i++) {
      sqrtRho[i] = Math.sqrt(deal.assetCorrelation[i]);
      sqrtOneMinusRho[i] = Math.sqrt(1 - deal.assetCorrelation[i]);
    }

    int[] days = deal.vintageDays;
    vintages = days.length;
    vintageOfDay = new int[deal.lastDay() + 1];
    Arrays.fill(vintageOfDay, -1);
    for (int k = 0; k < vintages; k++) {
      vintageOfDay[days[k]] = k;
    }
    double phi = model.annualFactorAutocorrelation();
    innovations = phi == 1 || vintages == 1 ? 1 : vintages;
    carry = new double[vintages];
    fresh = new double[vintages];
    fresh[0] = 1;
    for (int k = 1; k < vintages; k++) {
      carry[k] = phi == 1 ? 1 : Math.pow(phi, (days[k] - days[k - 1]) / 365.0);
      fresh[k] = Math.sqrt(Math.max(0, 1 - carry[k] * carry[k]));
    }

    defaultSigma = Math.sqrt(Math.log1p(model.defaultCv() * model.defaultCv()));
    prepaymentSigma = model.prepaymentVolatility();
    prepaymentCorrelation = model.prepaymentCorrelation();
    recoveryLoading = model.recoveryLoading();

    defaultCurve = new double[s * vintages][];
    defaultPoint = vasicek ? new int[s * vintages][] : null;
    Points points = new Points();
    prepaymentCurve = prepaymentSigma > 0 ? new double[s * vintages][] : null;
    for (int seg = 0; seg < s; seg++) {
      boolean bought = seg >= deal.initialSegments;
      for (int k = bought ? 1 : 0; k < (bought ? vintages : 1); k++) {
        int id = seg * vintages + k;
        defaultCurve[id] = curve(deal, deal.defaults, seg, days[k]);
        for (int a = 0; a < defaultCurve[id].length; a++) {
          // a stress on lifetime default rates scales the curve, its timing kept
          defaultCurve[id][a] = deal.defaults.lifetime(defaultCurve[id][a]);
        }
        if (vasicek) {
          double[] f = defaultCurve[id];
          defaultPoint[id] = new int[f.length];
          for (int a = 0; a < f.length; a++) {
            double q = f[a] <= 0 ? Double.NEGATIVE_INFINITY
                : f[a] >= 1 ? Double.POSITIVE_INFINITY : Normal.quantile(f[a]);
            defaultPoint[id][a] = points.of(q, sqrtRho[seg], sqrtOneMinusRho[seg]);
          }
        }
        if (prepaymentCurve != null) {
          prepaymentCurve[id] = curve(deal, deal.prepayments, seg, days[k]);
        }
      }
    }
    pointQuantile = points.column(0);
    pointSqrtRho = points.column(1);
    pointSqrtOneMinusRho = points.column(2);

    if (model.recoverySd() > 0) {
      recoveryQuantiles = new double[s][][];
      java.util.Map<Double, double[]> byRate = new java.util.HashMap<>();
      for (int i = 0; i < s; i++) {
        double[] rates = deal.recoveryRates[i];
        recoveryQuantiles[i] = new double[rates.length][];
        for (int k = 0; k < rates.length; k++) {
          recoveryQuantiles[i][k] = byRate.computeIfAbsent(rates[k],
              m -> betaTable(m, model.recoverySd()));
        }
      }
    } else {
      recoveryQuantiles = null;
    }
  }

  /**
   * The base cumulative probability of a segment's loans that start their exposure on
   * {@code start}, by age in days up to the loan's term or the deal's last day: 1 - exp(-(sum of
   * the daily hazards of the days start+1 .. start+age)), each day's hazard that of its period or
   * of the loan's month on book (a seasoned loan's months counted from its origination, so its
   * curve is the base curve conditional on its surviving to closing). Accumulated from the start,
   * so an infinite hazard (a rate of 100%) gives 1 from its day on.
   */
  private static double[] curve(ResolvedDeal deal, Hazards hazards, int seg, int start) {
    int length = Math.min(deal.maxTermDays[seg], deal.lastDay() - start) + 1;
    int origin = deal.originDay(seg, start);
    double[] f = new double[length];
    double cumulative = 0;
    for (int a = 1; a < length; a++) {
      cumulative += hazards.daily(seg, origin, start + a);
      f[a] = ResolvedDeal.probability(cumulative);
    }
    return f;
  }

  /** The distinct (quantile, sqrt(rho), sqrt(1 - rho)) triples, numbered as first seen. */
  private static final class Points {
    private final java.util.Map<List<Long>, Integer> index = new java.util.HashMap<>();
    private final List<double[]> rows = new ArrayList<>();

    int of(double q, double sqrtRho, double sqrtOneMinusRho) {
      return index.computeIfAbsent(
          List.of(Double.doubleToLongBits(q), Double.doubleToLongBits(sqrtRho)), key -> {
            rows.add(new double[] {q, sqrtRho, sqrtOneMinusRho});
            return rows.size() - 1;
          });
    }

    double[] column(int c) {
      double[] v = new double[rows.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = rows.get(i)[c];
      }
      return v;
    }
  }

  /**
   * A Beta distribution with mean m has a standard deviation below sqrt(m (1 - m)): a stress that
   * lowers a segment's recovery rate can leave none with the model's {@code recovery_sd}, which is
   * an input error naming the segment ({@link ScenarioException}).
   */
  static void checkRecoveries(ResolvedDeal deal) {
    double sd = deal.model.recoverySd();
    if (sd == 0) {
      return;
    }
    List<String> problems = new ArrayList<>();
    // loans bought while revolving ("revolving:NAME") recover as their kind: one line per kind
    java.util.Set<String> named = new java.util.HashSet<>();
    for (int i = 0; i < deal.segments; i++) {
      String name = deal.segmentNames[i].replaceFirst("^revolving:", "");
      for (double m : deal.recoveryRates[i]) {
        if (m > 0 && m < 1 && sd >= Math.sqrt(m * (1 - m)) && named.add(name)) {
          problems.add("stress " + deal.stress + ": segment '" + name
              + "': its recovery rate " + Check.fmt(m) + " leaves no Beta distribution with"
              + " recovery_sd " + Check.fmt(sd) + " (that needs recovery_sd below sqrt(m (1 - m)) = "
              + String.format(Locale.ROOT, "%.4f", Math.sqrt(m * (1 - m)))
              + "); lower recovery_sd or the recovery stress");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ScenarioException(problems);
    }
  }

  /** Quantiles of the Beta distribution with this mean and standard deviation. */
  static double[] betaTable(double mean, double sd) {
    double[] q = new double[BETA_POINTS];
    if (mean <= 0 || mean >= 1) {
      Arrays.fill(q, Math.max(0, Math.min(1, mean)));
      return q;
    }
    double nu = mean * (1 - mean) / (sd * sd) - 1;
    BetaDistribution beta = BetaDistribution.of(mean * nu, (1 - mean) * nu);
    for (int i = 0; i < BETA_POINTS; i++) {
      q[i] = beta.inverseCumulativeProbability(i / (double) (BETA_POINTS - 1));
    }
    return q;
  }

  /** The recovery of segment {@code s} at curve index {@code k} and probability {@code u}. */
  double recovery(int s, int k, double u) {
    double[][] bySegment = recoveryQuantiles[s];
    double[] q = bySegment[Math.min(k, bySegment.length - 1)];
    double x = u * (BETA_POINTS - 1);
    int i = Math.min((int) x, BETA_POINTS - 2);
    double w = x - i;
    return q[i] + w * (q[i + 1] - q[i]);
  }
}
