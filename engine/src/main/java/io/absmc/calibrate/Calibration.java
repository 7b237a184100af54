package io.absmc.calibrate;

import io.absmc.random.Normal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;

/**
 * A base case from static-pool data ({@code docs/calibration.md}):
 * <ul>
 *   <li>the default and prepayment curves by month on book, pooled over the vintages observed in
 *       each month: defaults of month m over the balance performing at its start, prepayments over
 *       what did not default, annualised as 1 - (1 - q)^12;
 *   <li>the recovery rate and lag: the lag that best explains cumulative recoveries as a share of
 *       the defaults that many months earlier (least squares over every row), and that share;
 *   <li>each vintage's lifetime default rate, immature vintages developed to the full term by the
 *       chain ladder on cumulative defaults (or along the logistic curve fitted to its timing),
 *       the timing curve W(m) being the share of lifetime defaults by month m;
 *   <li>their dispersion: mean, coefficient of variation, and the Vasicek parameters by maximum
 *       likelihood (closed form: Phi^-1 of a Vasicek variable is normal);
 *   <li>when the data have past-due buckets, the roll rates' flow rates ({@link #flows});
 * </ul>
 * each with a 95% interval and a standard error from a bootstrap over the vintages.
 */
public final class Calibration {

  /** Bootstrap resamples of the vintages. */
  static final int RESAMPLES = 400;
  /** A vintage whose timing share at its last month is below this is too young to develop. */
  static final double MATURE_SHARE = 0.5;

  /** An estimate with its bootstrap standard error and 95% percentile interval. */
  public record Estimate(double value, double se, double low, double high) {
  }

  /** The point estimates of one sample of vintages. */
  record Point(double[] annualDefault, double[] annualPrepayment, double recoveryRate,
      int recoveryLag, double[] timing, double[] lifetime, boolean[] developed, double mean,
      double cv, double vasicekPd, double vasicekRho, double timingCentre, double timingWidth,
      double vasicekRhoMoments, double[] flows) {
  }

  /**
   * The roll rates' flow rates, in order: current to 1-30 days past due, 1-30 to 31-60, 31-60 to
   * 61-90, 61-90 to 91+, 91+ to charged off.
   */
  public static final List<String> FLOWS = List.of("current_to_dpd_1_30",
      "dpd_1_30_to_dpd_31_60", "dpd_31_60_to_dpd_61_90", "dpd_61_90_to_dpd_91_plus",
      "dpd_91_plus_to_charged_off");

  /**
   * The calibration: estimates with intervals, and the vintages' lifetime rates.
   *
   * @param lifetime each vintage's lifetime default rate (NaN: too young to develop)
   * @param used vintages in the dispersion estimates
   * @param flows the roll rates' flow rates ({@link #FLOWS}) when the data have past-due
   *     buckets, else null
   */
  public record Result(List<String> vintages, int term, Estimate[] annualDefault,
      Estimate[] annualPrepayment, Estimate recoveryRate, int recoveryLag, Estimate[] timing,
      double[] lifetime, int used, Estimate meanLifetime, Estimate cv, Estimate vasicekPd,
      Estimate vasicekRho, Estimate timingCentre, Estimate timingWidth,
      Estimate vasicekRhoMoments, Estimate[] flows) {
  }

  private Calibration() {
  }

  /** How immature vintages are developed to the term. */
  public enum Development implements io.absmc.scenario.yaml.Labelled {
    /** By the chain ladder's development factors. */
    CHAIN_LADDER("chain-ladder"),
    /** Along the logistic timing curve fitted to the chain ladder's. */
    LOGISTIC("logistic");

    private final String label;

    Development(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** Calibrates with the chain ladder, the bootstrap drawn with {@code seed}. */
  public static Result fit(List<Vintage> vintages, long seed) {
    return fit(vintages, seed, Development.CHAIN_LADDER);
  }

  /**
   * Calibrates, immature vintages developed by {@code development}, the bootstrap drawn with
   * {@code seed}.
   */
  public static Result fit(List<Vintage> vintages, long seed, Development development) {
    int term = term(vintages);
    Point p = point(vintages, term, development);
    int n = vintages.size();
    Point[] boot = new Point[RESAMPLES];
    UniformRandomProvider rng = new XoRoShiRo128PlusPlus(new long[] {seed, 0xD1B54A32D192ED03L});
    for (int b = 0; b < RESAMPLES; b++) {
      List<Vintage> sample = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        sample.add(vintages.get(rng.nextInt(n)));
      }
      boot[b] = point(sample, term, development);
    }
    Estimate[] def = new Estimate[term];
    Estimate[] pre = new Estimate[term];
    Estimate[] timing = new Estimate[term];
    for (int m = 0; m < term; m++) {
      int k = m;
      def[m] = estimate(p.annualDefault()[m], boot, x -> x.annualDefault()[k]);
      pre[m] = estimate(p.annualPrepayment()[m], boot, x -> x.annualPrepayment()[k]);
      timing[m] = estimate(p.timing()[m], boot, x -> x.timing()[k]);
    }
    Estimate[] flows = null;
    if (p.flows() != null) {
      flows = new Estimate[FLOWS.size()];
      for (int k = 0; k < flows.length; k++) {
        int j = k;
        flows[k] = estimate(p.flows()[k], boot, x -> x.flows()[j]);
      }
    }
    int used = 0;
    double[] lifetime = new double[n];
    for (int i = 0; i < n; i++) {
      lifetime[i] = p.developed()[i] ? p.lifetime()[i] : Double.NaN;
      used += p.developed()[i] ? 1 : 0;
    }
    return new Result(vintages.stream().map(Vintage::name).toList(), term, def, pre,
        estimate(p.recoveryRate(), boot, Point::recoveryRate), p.recoveryLag(), timing,
        lifetime, used, estimate(p.mean(), boot, Point::mean), estimate(p.cv(), boot, Point::cv),
        estimate(p.vasicekPd(), boot, Point::vasicekPd),
        estimate(p.vasicekRho(), boot, Point::vasicekRho),
        estimate(p.timingCentre(), boot, Point::timingCentre),
        estimate(p.timingWidth(), boot, Point::timingWidth),
        estimate(p.vasicekRhoMoments(), boot, Point::vasicekRhoMoments), flows);
  }

  /**
   * The share of the defaults (charge-offs) of vintages with past-due buckets that come in months
   * after the vintage's last current balance, when only past-due loans are left: a default curve
   * by month on book charges off a loan by its term, so these are the defaults it cannot place
   * where the data have them. 0 without buckets.
   */
  public static double defaultsAfterTerm(List<Vintage> vintages) {
    double after = 0;
    double all = 0;
    for (Vintage v : vintages) {
      if (v.pastDue() == null) {
        return 0;
      }
      for (int m = 1; m <= v.months(); m++) {
        all += v.defaultedIn(m);
        if (v.current(m - 1) <= 0.005) {
          after += v.defaultedIn(m);
        }
      }
    }
    return all > 0 ? after / all : 0;
  }

  /**
   * Flow rates from past-due buckets, pooled over every vintage and month m to m + 1 observed
   * (balances): falling past due, the 1-30 bucket at m + 1 over the current balance at m less
   * the prepayments of m + 1; rolling on, each bucket at m + 1 over the one before it at m (for
   * 91+, less what stayed in it: its balance at m less the charge-offs of m + 1); charge-off, the
   * defaults of m + 1 over the 91+ bucket at m. Null when the vintages have no
   * buckets. What does not roll on from 1-30, 31-60 and 61-90 cures; what is not charged off from
   * 91+ stays (docs/calibration.md).
   */
  static double[] flows(List<Vintage> vintages) {
    double[] num = new double[FLOWS.size()];
    double[] den = new double[FLOWS.size()];
    for (Vintage v : vintages) {
      if (v.pastDue() == null) {
        return null;
      }
      for (int m = 0; m < v.months(); m++) {
        num[0] += v.pastDue(0, m + 1);
        den[0] += v.current(m) - v.prepaidIn(m + 1);
        for (int k = 1; k < 4; k++) {
          num[k] += v.pastDue(k, m + 1);
          den[k] += v.pastDue(k - 1, m);
        }
        // 91+ at m + 1 also holds what stayed there: 91+ at m less what was charged off
        num[3] -= v.pastDue(3, m) - v.defaultedIn(m + 1);
        num[4] += v.defaultedIn(m + 1);
        den[4] += v.pastDue(3, m);
      }
    }
    double[] rate = new double[num.length];
    for (int k = 0; k < rate.length; k++) {
      rate[k] = den[k] > 0 ? Math.min(1, num[k] / den[k]) : Double.NaN;
    }
    return rate;
  }

  /**
   * A logistic timing curve fitted to the chain ladder's by least squares (Levenberg-Marquardt,
   * Commons Math): W(m) = (G(m) - G(0)) / (G(T) - G(0)), G(m) = 1 / (1 + exp(-(m - centre) /
   * width)), the smooth S-curve of when a vintage's defaults come.
   *
   * @return {centre, width}, NaN when the fit does not converge
   */
  static double[] logisticTiming(double[] timing) {
    int term = timing.length;
    org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction model = point -> {
      double c = point.getEntry(0);
      double w = Math.max(1e-6, point.getEntry(1));
      double g0 = logistic(0, c, w);
      double gt = logistic(term, c, w);
      org.apache.commons.math3.linear.RealVector value =
          new org.apache.commons.math3.linear.ArrayRealVector(term);
      org.apache.commons.math3.linear.RealMatrix jacobian =
          new org.apache.commons.math3.linear.Array2DRowRealMatrix(term, 2);
      double h = 1e-7;
      for (int m = 1; m <= term; m++) {
        value.setEntry(m - 1, (logistic(m, c, w) - g0) / (gt - g0));
        jacobian.setEntry(m - 1, 0, (shape(m, c + h, w, term) - shape(m, c - h, w, term)) / (2 * h));
        jacobian.setEntry(m - 1, 1, (shape(m, c, w + h, term) - shape(m, c, w - h, term)) / (2 * h));
      }
      return new org.apache.commons.math3.util.Pair<>(value, jacobian);
    };
    try {
      var problem = new org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder()
          .start(new double[] {term / 2.0, Math.max(1, term / 6.0)}).model(model)
          .target(timing).maxEvaluations(1000).maxIterations(1000).build();
      var optimum = new org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer()
          .optimize(problem);
      return new double[] {optimum.getPoint().getEntry(0),
          Math.abs(optimum.getPoint().getEntry(1))};
    } catch (org.apache.commons.math3.exception.MathIllegalStateException e) {
      return new double[] {Double.NaN, Double.NaN};
    }
  }

  /** The fitted logistic timing curve at month m of a term. */
  public static double shape(double m, double centre, double width, int term) {
    double g0 = logistic(0, centre, width);
    return (logistic(m, centre, width) - g0) / (logistic(term, centre, width) - g0);
  }

  private static double logistic(double m, double centre, double width) {
    return 1 / (1 + Math.exp(-(m - centre) / width));
  }

  /** Gauss-Hermite rule for integrals against the standard normal density (Commons Math). */
  private static final org.apache.commons.math3.analysis.integration.gauss.HermiteRuleFactory
      HERMITE = new org.apache.commons.math3.analysis.integration.gauss.HermiteRuleFactory();

  /**
   * The Vasicek correlation matching a mean p and variance v of lifetime default rates (method of
   * moments): Var L = E[Phi((Phi^-1(p) + sqrt(rho) X) / sqrt(1 - rho))^2] - p^2, the expectation
   * over X ~ N(0, 1) by 64-point Gauss-Hermite quadrature, solved for rho by Brent's method; NaN
   * when no rho in (0, 0.999) matches.
   */
  static double vasicekRhoByMoments(double p, double v) {
    if (!(p > 0 && p < 1 && v > 0)) {
      return Double.NaN;
    }
    double c = Normal.quantile(p);
    var rule = HERMITE.getRule(64);
    org.apache.commons.math3.analysis.UnivariateFunction excess = rho -> {
      double second = 0;
      for (int i = 0; i < rule.getFirst().length; i++) {
        double x = Math.sqrt(2) * rule.getFirst()[i];
        double l = Normal.cdf((c + Math.sqrt(rho) * x) / Math.sqrt(1 - rho));
        second += rule.getSecond()[i] * l * l;
      }
      return second / Math.sqrt(Math.PI) - p * p - v;
    };
    double lo = 1e-6;
    double hi = 0.999;
    if (excess.value(lo) > 0 || excess.value(hi) < 0) {
      return Double.NaN;
    }
    return new org.apache.commons.math3.analysis.solvers.BrentSolver(1e-10)
        .solve(200, excess, lo, hi);
  }

  /** The months on book with performing loans at their start in some vintage. */
  static int term(List<Vintage> vintages) {
    int term = 0;
    for (Vintage v : vintages) {
      for (int m = 1; m <= v.months(); m++) {
        if (v.opening(m) > 0) {
          term = Math.max(term, m);
        }
      }
    }
    return term;
  }

  private static Estimate estimate(double value, Point[] boot,
      java.util.function.ToDoubleFunction<Point> f) {
    double[] x = Arrays.stream(boot).mapToDouble(f).filter(v -> !Double.isNaN(v)).sorted()
        .toArray();
    if (x.length < 2) {
      return new Estimate(value, Double.NaN, Double.NaN, Double.NaN);
    }
    double mean = Arrays.stream(x).average().orElse(Double.NaN);
    double ss = 0;
    for (double v : x) {
      ss += (v - mean) * (v - mean);
    }
    return new Estimate(value, Math.sqrt(ss / (x.length - 1)), quantile(x, 0.025),
        quantile(x, 0.975));
  }

  private static double quantile(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int i = (int) Math.floor(h);
    return i + 1 < sorted.length ? sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]) : sorted[i];
  }

  static Point point(List<Vintage> vintages, int term, Development development) {
    double[] annualDefault = new double[term];
    double[] annualPrepayment = new double[term];
    for (int m = 1; m <= term; m++) {
      double opening = 0;
      double defaulted = 0;
      double prepaid = 0;
      for (Vintage v : vintages) {
        if (v.months() >= m) {
          opening += v.opening(m);
          defaulted += v.defaultedIn(m);
          prepaid += v.prepaidIn(m);
        }
      }
      double q = opening > 0 ? defaulted / opening : Double.NaN;
      double p = opening - defaulted > 0 ? prepaid / (opening - defaulted) : Double.NaN;
      annualDefault[m - 1] = 1 - Math.pow(1 - q, 12);
      annualPrepayment[m - 1] = 1 - Math.pow(1 - p, 12);
    }

    // recoveries: the lag whose share explains cumulative recoveries best
    int bestLag = 0;
    double bestRate = 0;
    double bestError = Double.POSITIVE_INFINITY;
    for (int lag = 0; lag <= 24; lag++) {
      double rec = 0;
      double def = 0;
      for (Vintage v : vintages) {
        for (int m = 1; m <= v.months(); m++) {
          double d = m - lag >= 1 ? v.defaults()[m - lag - 1] : 0;
          rec += v.recoveries()[m - 1] * d;
          def += d * d;
        }
      }
      double rate = def > 0 ? rec / def : 0;
      double error = 0;
      for (Vintage v : vintages) {
        for (int m = 1; m <= v.months(); m++) {
          double d = m - lag >= 1 ? v.defaults()[m - lag - 1] : 0;
          double e = v.recoveries()[m - 1] - rate * d;
          error += e * e;
        }
      }
      if (error < bestError * (1 - 1e-12)) {
        bestError = error;
        bestLag = lag;
        bestRate = rate;
      }
    }

    // chain ladder on cumulative defaults: development factors, then the timing curve
    double[] timing = new double[term + 1];
    timing[term] = 1;
    for (int m = term - 1; m >= 1; m--) {
      double next = 0;
      double now = 0;
      for (Vintage v : vintages) {
        if (v.months() >= m + 1) {
          next += v.defaults()[m];
          now += v.defaults()[m - 1];
        }
      }
      timing[m] = next > 0 ? timing[m + 1] * now / next : 0;
    }
    double[] logistic = logisticTiming(Arrays.copyOfRange(timing, 1, term + 1));
    if (development == Development.LOGISTIC) {
      // develop along the fitted curve instead (nothing is developed when the fit failed)
      for (int m = 1; m < term; m++) {
        timing[m] = Double.isNaN(logistic[0]) ? Double.NaN
            : shape(m, logistic[0], logistic[1], term);
      }
    }
    int n = vintages.size();
    double[] lifetime = new double[n];
    boolean[] developed = new boolean[n];
    List<Double> rates = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Vintage v = vintages.get(i);
      int seen = Math.min(v.months(), term);
      developed[i] = timing[seen] >= MATURE_SHARE;
      lifetime[i] = developed[i] ? v.defaults()[seen - 1] / v.originalBalance() / timing[seen]
          : Double.NaN;
      if (developed[i]) {
        rates.add(lifetime[i]);
      }
    }
    double mean = rates.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    double ss = 0;
    for (double r : rates) {
      ss += (r - mean) * (r - mean);
    }
    double cv = rates.size() > 1 ? Math.sqrt(ss / (rates.size() - 1)) / mean : Double.NaN;

    // Vasicek by maximum likelihood: z = Phi^-1(L) is normal with mean Phi^-1(p) / sqrt(1 - rho)
    // and variance rho / (1 - rho)
    double zMean = 0;
    int k = 0;
    for (double r : rates) {
      if (r > 0 && r < 1) {
        zMean += Normal.quantile(r);
        k++;
      }
    }
    double pd = Double.NaN;
    double rho = Double.NaN;
    if (k > 1) {
      zMean /= k;
      double zVar = 0;
      for (double r : rates) {
        if (r > 0 && r < 1) {
          double z = Normal.quantile(r) - zMean;
          zVar += z * z;
        }
      }
      zVar /= k;
      rho = zVar / (1 + zVar);
      pd = Normal.cdf(zMean * Math.sqrt(1 - rho));
    }
    double[] w = Arrays.copyOfRange(timing, 1, term + 1);
    double variance = rates.size() > 1 ? ss / (rates.size() - 1) : Double.NaN;
    return new Point(annualDefault, annualPrepayment, bestRate, bestLag, w, lifetime, developed,
        mean, cv, pd, rho, logistic[0], logistic[1], vasicekRhoByMoments(mean, variance),
        flows(vintages));
  }
}
