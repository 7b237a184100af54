package io.absmc.montecarlo;

import io.absmc.engine.PerformanceDriver;
import io.absmc.random.BinomialSampler;
import io.absmc.random.BlockStreams;
import io.absmc.random.Normal;
import io.absmc.resolve.ResolvedDeal;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The stochastic performance driver: the model (conditional default and prepayment probabilities
 * given the path's systematic factors, per-path recoveries) composed with a {@link Granularity}
 * (the scheme that turns a probability into a number of loans). The model is written down, with
 * its sources and the proof of its defining property, in {@code docs/model.md}.
 *
 * <p>Vintages and their factors: loans that start on the same day (closing for the initial pool, a
 * purchase day while revolving) form a vintage k with a systematic factor X_k ~ N(0, 1), high
 * meaning more defaults. Factors of vintages d days apart have correlation phi^(d/365) (a Gaussian
 * AR(1) sampled at the vintage days; phi = 1: one factor for the deal).
 *
 * <p>Defaults, Vasicek: a loan of vintage k has the one-factor Gaussian copula of default times
 * (Li 2000), its conditional cumulative default probability to age a being C(a) = Phi((Phi^-1(F(a))
 * + sqrt(rho) X_k) / sqrt(1 - rho)), F the base cumulative curve from the vintage's start. Over a
 * window (u, t] a survivor defaults with (C(t) - C(u)) / (1 - C(u)). E[C(a)] = F(a) for every a,
 * and C depends on the loan's own dates only, so neither the mean curve nor the distribution of
 * defaults depends on where the payment dates fall. Lognormal: C(a) = min(1, M_k F(a)), M_k =
 * exp(s X_k - s^2 / 2). Prepayments likewise with the base prepayment curve and a multiplier
 * exp(s_p W_k - s_p^2 / 2), W_k = c X_k + sqrt(1 - c^2) N_p; with no prepayment volatility, the
 * base probability of the window.
 *
 * <p>Draws per path, from the block's systematic stream, always in this order and number, so that
 * the economy of path i is the same whatever the pool or stress: under importance sampling a
 * uniform choosing the mixture's component, then the first factor innovation e_0, the prepayment
 * normal N_p, the recovery normal, then e_1 .. e_(K-1) when vintages have factors of their own.
 * Loan-level draws use the idiosyncratic stream. One instance per thread.
 */
final class MonteCarloDriver implements PerformanceDriver {

  private final ModelTables tables;
  private final Granularity granularity;
  private final boolean vasicek;
  private final ResolvedDeal deal;
  private final int vintages;
  private final int innovations;

  // importance sampling
  private final double[] shift;
  private final double halfShift2;
  private final double defensive;
  private final boolean sampling;

  private XoRoShiRo128PlusPlus idiosyncratic;
  private UniformRandomProvider systematic;
  private ZigguratSampler.NormalizedGaussian gaussian;
  /** Innovations to use instead of drawing (prepayment and recovery normals 0), or null. */
  private double[] fixed;

  private double weight = 1;
  private final double[] innovation;
  /** X by innovation index: one per vintage, or a single one shared by all. */
  private final double[] factor;
  private final double[] defaultMultiplier;
  private final double[] prepaymentMultiplier;
  /** This path's recovery probability u (Beta quantiles are read at it). */
  private double recoveryU;

  // the conditional cumulative default and prepayment probabilities of each (segment, vintage) at
  // the end of its last window on this path (a window's start is the previous window's end), and
  // a roll-rate (segment, vintage)'s probability of a first fall past due by its last due date
  private int pathStamp;
  private final LastValue defaultsBy;
  private final LastValue prepaymentsBy;
  private final LastValue fallsBy;
  // without a prepayment volatility, the base probability 1 - exp(-H) of the last window of each
  // segment and length (at segment * (longest period + 1) + days) and the hazard H it is of:
  // windows of a flat rate have the same H period after period
  private final int windowLengths;
  private final double[] baseHazard;
  private final double[] basePrepayment;

  // Vasicek with one factor for the deal: each point's conditional cumulative default probability
  // C and (in cohort mode, for inversion) its log(1 - C) on this path, valid when their stamps
  // are the path's; null otherwise
  private final int[] pointStamp;
  private final double[] pointCumulative;
  private final int[] logStamp;
  private final double[] logSurvival;
  /** log(1 - p) of the probability the last window returned, or NaN when not known. */
  private double windowLog;

  MonteCarloDriver(ResolvedDeal deal, ModelTables tables, Granularity granularity,
      ImportanceSampling importance) {
    this.tables = tables;
    this.granularity = granularity;
    this.vasicek = tables.vasicek;
    this.deal = deal;
    this.vintages = tables.vintages;
    this.innovations = tables.innovations;
    this.sampling = importance.on();
    if (sampling && importance.shift().length != innovations) {
      throw new IllegalArgumentException("the importance-sampling shift has "
          + importance.shift().length + " entries but this deal's default factors have "
          + innovations + " innovations");
    }
    this.shift = sampling ? importance.shift() : new double[innovations];
    double n2 = 0;
    for (double m : shift) {
      n2 += m * m;
    }
    this.halfShift2 = 0.5 * n2;
    this.defensive = importance.defensiveShare();
    this.innovation = new double[innovations];
    this.factor = new double[innovations];
    this.defaultMultiplier = new double[innovations];
    this.prepaymentMultiplier = new double[innovations];
    int cells = deal.segments * vintages;
    defaultsBy = new LastValue(cells);
    prepaymentsBy = new LastValue(cells);
    fallsBy = new LastValue(cells);
    int longest = 0;
    for (int d : deal.periodDays) {
      longest = Math.max(longest, d);
    }
    windowLengths = longest + 1;
    baseHazard = new double[deal.segments * windowLengths];
    java.util.Arrays.fill(baseHazard, Double.NaN);
    basePrepayment = new double[deal.segments * windowLengths];
    boolean shared = vasicek && innovations == 1;
    int points = shared ? tables.pointQuantile.length : 0;
    pointStamp = shared ? new int[points] : null;
    pointCumulative = shared ? new double[points] : null;
    // only binomial draws (by inversion) use log(1 - p)
    boolean logs = shared && granularity == Granularity.COHORT;
    logStamp = logs ? new int[points] : null;
    logSurvival = logs ? new double[points] : null;
  }

  /** Starts a block: its two streams. */
  void useStreams(BlockStreams.Pair streams) {
    this.idiosyncratic = streams.idiosyncratic();
    this.systematic = streams.systematic();
    this.gaussian = ZigguratSampler.NormalizedGaussian.of(systematic);
  }

  /**
   * Makes every later path use these factor innovations (and zero prepayment and recovery
   * normals, weight 1) instead of drawing them: the deterministic paths on which the
   * importance-sampling shift is chosen.
   */
  void fixInnovations(double[] e) {
    if (e.length != innovations) {
      throw new IllegalArgumentException("expected " + innovations + " innovations");
    }
    this.fixed = e.clone();
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
    if (++pathStamp == Integer.MAX_VALUE) {
      defaultsBy.clear();
      prepaymentsBy.clear();
      fallsBy.clear();
      if (pointStamp != null) {
        java.util.Arrays.fill(pointStamp, 0);
      }
      if (logStamp != null) {
        java.util.Arrays.fill(logStamp, 0);
      }
      pathStamp = 1;
    }
    double prepaymentNormal;
    double recoveryNormal;
    if (fixed != null) {
      System.arraycopy(fixed, 0, innovation, 0, innovations);
      prepaymentNormal = 0;
      recoveryNormal = 0;
      weight = 1;
    } else {
      boolean shifted = sampling && systematic.nextDouble() >= defensive;
      innovation[0] = gaussian.sample();
      prepaymentNormal = gaussian.sample();
      recoveryNormal = gaussian.sample();
      for (int k = 1; k < innovations; k++) {
        innovation[k] = gaussian.sample();
      }
      if (sampling) {
        double dot = 0;
        for (int k = 0; k < innovations; k++) {
          if (shifted) {
            innovation[k] += shift[k];
          }
          dot += shift[k] * innovation[k];
        }
        weight = 1 / (defensive + (1 - defensive) * Math.exp(dot - halfShift2));
      } else {
        weight = 1;
      }
    }
    factor[0] = innovation[0];
    for (int k = 1; k < innovations; k++) {
      factor[k] = tables.carry[k] * factor[k - 1] + tables.fresh[k] * innovation[k];
    }
    double s = tables.defaultSigma;
    double ps = tables.prepaymentSigma;
    double c = tables.prepaymentCorrelation;
    double idiosyncraticShare = Math.sqrt(1 - c * c);
    for (int k = 0; k < innovations; k++) {
      if (!vasicek) {
        defaultMultiplier[k] = Math.exp(s * factor[k] - 0.5 * s * s);
      }
      if (ps > 0) {
        double w = c * factor[k] + idiosyncraticShare * prepaymentNormal;
        prepaymentMultiplier[k] = Math.exp(ps * w - 0.5 * ps * ps);
      }
    }
    if (tables.recoveryQuantiles != null) {
      double l = tables.recoveryLoading;
      recoveryU = Normal.cdf(-l * factor[0] + Math.sqrt(1 - l * l) * recoveryNormal);
    }
  }

  @Override
  public double defaults(int segment, int startDay, int fromDay, int toDay, double loans) {
    double p = window(false, segment, startDay, fromDay, toDay);
    return count(loans, p, windowLog);
  }

  @Override
  public double prepayments(int segment, int startDay, int fromDay, int toDay, double loans) {
    double p = prepaymentProbability(segment, startDay, fromDay, toDay);
    return count(loans, p, windowLog);
  }

  /**
   * Loan by loan, one uniform a loan decides both: below p_d it defaults, else below p_d + (1 -
   * p_d) p_p it prepays, which is the joint distribution of defaults followed by prepayments of
   * the survivors with half the draws. Otherwise the two in turn.
   */
  @Override
  public void defaultsAndPrepayments(int segment, int startDay, int fromDay, int toDay,
      double loans, double[] out) {
    if (granularity != Granularity.LOAN) {
      PerformanceDriver.super.defaultsAndPrepayments(segment, startDay, fromDay, toDay, loans, out);
      return;
    }
    double pd = window(false, segment, startDay, fromDay, toDay);
    double pp = prepaymentProbability(segment, startDay, fromDay, toDay);
    double either = pd >= 1 ? 1 : pd + (1 - pd) * pp;
    long n = (long) loans;
    long belowEither = threshold(either);
    long belowDefault = threshold(pd);
    long defaults = 0;
    long prepayments = 0;
    for (long i = 0; i < n; i++) {
      long u = idiosyncratic.nextLong() >>> 11;
      if (u < belowEither) {
        if (u < belowDefault) {
          defaults++;
        } else {
          prepayments++;
        }
      }
    }
    out[0] = defaults;
    out[1] = prepayments;
  }

  /**
   * The uniform's comparison with {@code p} in integers: the generator's {@code nextDouble()} is
   * m 2^-53 with m the top 53 bits of {@code nextLong()}, and m 2^-53 < p exactly when m <
   * ceil(p 2^53), so counting m below this threshold draws the same loans as comparing doubles,
   * without converting each draw.
   */
  static long threshold(double p) {
    return p <= 0 ? 0 : p >= 1 ? 1L << 53 : (long) Math.ceil(p * 0x1.0p53);
  }

  /**
   * A survivor's probability of prepaying in full over the window on this path (and its log(1 -
   * p) in {@link #windowLog}).
   */
  private double prepaymentProbability(int segment, int startDay, int fromDay, int toDay) {
    if (tables.prepaymentCurve == null) {
      double hazard = deal.prepayments.over(segment, deal.originDay(segment, startDay), fromDay,
          toDay);
      int cell = segment * windowLengths + Math.min(toDay - fromDay, windowLengths - 1);
      if (baseHazard[cell] != hazard) {
        baseHazard[cell] = hazard;
        basePrepayment[cell] = ResolvedDeal.probability(hazard);
      }
      windowLog = -hazard;
      return basePrepayment[cell];
    }
    return window(true, segment, startDay, fromDay, toDay);
  }

  /**
   * The conditional probability that a loan of the (segment, vintage) alive at {@code fromDay}
   * defaults (or prepays) by {@code toDay}: (C(t) - C(u)) / (1 - C(u)), C at the window's start
   * kept from the (segment, vintage)'s previous window on this path (with one factor for the
   * deal, by point: shared by every vintage that reaches it). Leaves log(1 - p) in
   * {@link #windowLog} where it is known.
   */
  private double window(boolean prepayment, int segment, int startDay, int fromDay, int toDay) {
    int k = tables.vintageOfDay[startDay];
    int id = segment * vintages + k;
    int x = innovations == 1 ? 0 : k;
    windowLog = Double.NaN;
    if (!prepayment && pointStamp != null) {
      int[] points = tables.defaultPoint[id];
      int to = points[toDay - startDay];
      double cTo = pointCumulative(to);
      if (fromDay == startDay) {
        if (logStamp != null) {
          windowLog = logSurvival(to);
        }
        return cTo;
      }
      int from = points[fromDay - startDay];
      double cFrom = pointCumulative(from);
      if (cFrom >= 1) {
        return 1;
      }
      // log(1 - p) = log(1 - C(t)) - log(1 - C(u)), kept <= 0 against rounding
      if (logStamp != null) {
        windowLog = Math.min(0, logSurvival(to) - logSurvival(from));
      }
      return (cTo - cFrom) / (1 - cFrom);
    }
    LastValue last = prepayment ? prepaymentsBy : defaultsBy;
    double from;
    if (fromDay == startDay) {
      from = 0;
    } else if (last.holds(id, pathStamp, fromDay)) {
      from = last.value(id);
    } else {
      from = cumulative(prepayment, segment, id, x, fromDay - startDay);
    }
    double to = cumulative(prepayment, segment, id, x, toDay - startDay);
    last.put(id, pathStamp, toDay, to);
    return from >= 1 ? 1 : (to - from) / (1 - from);
  }

  /** The conditional cumulative default (or prepayment) probability of a (segment, vintage) at an age. */
  private double cumulative(boolean prepayment, int segment, int id, int x, int age) {
    if (prepayment) {
      return Math.min(1, prepaymentMultiplier[x] * tables.prepaymentCurve[id][age]);
    }
    if (vasicek) {
      return vasicek(tables.defaultPoint[id][age], factor[x]);
    }
    return Math.min(1, defaultMultiplier[x] * tables.defaultCurve[id][age]);
  }

  /** C at a point given the factor: Phi((Phi^-1(F) + sqrt(rho) X) / sqrt(1 - rho)). */
  private double vasicek(int point, double x) {
    double q = tables.pointQuantile[point];
    if (q == Double.NEGATIVE_INFINITY) {
      return 0;
    }
    if (q == Double.POSITIVE_INFINITY) {
      return 1;
    }
    return Normal.cdf((q + tables.pointSqrtRho[point] * x) / tables.pointSqrtOneMinusRho[point]);
  }

  /** C at a point on this path, with the deal's one factor: computed once a path. */
  private double pointCumulative(int point) {
    if (pointStamp[point] != pathStamp) {
      pointStamp[point] = pathStamp;
      pointCumulative[point] = vasicek(point, factor[0]);
    }
    return pointCumulative[point];
  }

  /** log(1 - C) at a point on this path: computed once a path, when first needed. */
  private double logSurvival(int point) {
    if (logStamp[point] != pathStamp) {
      logStamp[point] = pathStamp;
      logSurvival[point] = Math.log1p(-pointCumulative(point));
    }
    return logSurvival[point];
  }

  /**
   * The first fall past due as a default time: the base cumulative probability of a first fall by
   * the t-th due date, F(t) = 1 - (1 - w)^t, is made conditional on the cohort's vintage factor
   * like the default curve, C(t) (Vasicek or lognormal), and the t-th due date's probability is
   * (C(t) - C(t - 1)) / (1 - C(t - 1)).
   */
  @Override
  public double worsening(int segment, int startDay, int step, double base) {
    int k = tables.vintageOfDay[startDay];
    int x = innovations == 1 ? 0 : k;
    int id = segment * vintages + k;
    // C(t - 1) is the (segment, vintage)'s C(t) of its previous due date on this path, kept
    double before;
    if (step <= 1) {
      before = 0;
    } else if (fallsBy.holds(id, pathStamp, step - 1)) {
      before = fallsBy.value(id);
    } else {
      before = conditional(segment, x, -Math.expm1((step - 1) * Math.log1p(-base)));
    }
    double by = conditional(segment, x, -Math.expm1(step * Math.log1p(-base)));
    fallsBy.put(id, pathStamp, step, by);
    return before >= 1 ? 1 : Math.max(0, (by - before) / (1 - before));
  }

  /** A base cumulative probability f made conditional on the factor of innovation index x. */
  private double conditional(int segment, int x, double f) {
    if (f <= 0) {
      return 0;
    }
    if (vasicek) {
      return f >= 1 ? 1 : Normal.cdf((Normal.quantile(f) + tables.sqrtRho[segment] * factor[x])
          / tables.sqrtOneMinusRho[segment]);
    }
    return Math.min(1, defaultMultiplier[x] * f);
  }

  @Override
  public void split(double loans, double[] p, int k, double[] out) {
    switch (granularity) {
      case LARGE_POOL -> {
        for (int j = 0; j < k; j++) {
          out[j] = loans * p[j];
        }
      }
      case COHORT -> {
        // a multinomial as binomials, each outcome's count given the ones before
        int lastPossible = k - 1;
        while (lastPossible > 0 && p[lastPossible] <= 0) {
          lastPossible--;
        }
        long n = (long) loans;
        double rest = 1;
        for (int j = 0; j < k; j++) {
          long x = n <= 0 || p[j] <= 0 ? 0 : j == lastPossible || p[j] >= rest ? n
              : BinomialSampler.sample(idiosyncratic, n, p[j] / rest);
          out[j] = x;
          n -= x;
          rest -= p[j];
        }
      }
      case LOAN -> {
        java.util.Arrays.fill(out, 0, k, 0);
        long n = (long) loans;
        for (long i = 0; i < n; i++) {
          double u = idiosyncratic.nextDouble();
          int j = 0;
          double c = p[0];
          while (u >= c && j < k - 1) {
            c += p[++j];
          }
          out[j]++;
        }
      }
      default -> throw new IllegalStateException("unknown granularity " + granularity);
    }
  }

  @Override
  public double recoveryRate(int segment, int index, double baseRate) {
    return tables.recoveryQuantiles == null ? baseRate
        : tables.recovery(segment, index, recoveryU);
  }

  /** The loans of {@code loans} that an event of probability p (log(1 - p): NaN if not known) takes. */
  private double count(double loans, double p, double log1mp) {
    switch (granularity) {
      case LARGE_POOL:
        return loans * p;
      case COHORT:
        return BinomialSampler.sample(idiosyncratic, (long) loans, p, log1mp);
      case LOAN: {
        long n = (long) loans;
        long below = threshold(p);
        long hits = 0;
        for (long i = 0; i < n; i++) {
          if (idiosyncratic.nextLong() >>> 11 < below) {
            hits++;
          }
        }
        return hits;
      }
      default:
        throw new IllegalStateException("unknown granularity " + granularity);
    }
  }

  /**
   * The last value computed for each (segment, vintage) on a path, with the point (a day, a due
   * date's number) it belongs to; valid for the path whose stamp it carries.
   */
  private static final class LastValue {
    private final int[] stamp;
    private final int[] point;
    private final double[] value;

    LastValue(int cells) {
      stamp = new int[cells];
      point = new int[cells];
      value = new double[cells];
    }

    /** Whether cell {@code id} holds its value at {@code at} on the path stamped {@code path}. */
    boolean holds(int id, int path, int at) {
      return stamp[id] == path && point[id] == at;
    }

    double value(int id) {
      return value[id];
    }

    void put(int id, int path, int at, double v) {
      stamp[id] = path;
      point[id] = at;
      value[id] = v;
    }

    /** Forgets every value (when the path stamps start again). */
    void clear() {
      java.util.Arrays.fill(stamp, 0);
    }
  }
}
