package io.absmc.stats;

import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * The 95% interval of a Monte Carlo estimate of a non-negative quantity. Every interval absmc
 * prints or writes (PD, EL, EL (PV), the ratings at an interval's ends, a sizing's decision) comes
 * from here, and none is narrower than the paths allow:
 *
 * <ul>
 *   <li>a probability: the exact binomial (Clopper-Pearson) interval; with likelihood-ratio weights
 *       the same with the effective number of paths n* = p (1 - p) / se^2 and of events n* p
 *       (Korn and Graubard, "Confidence intervals for proportions with small expected number of
 *       positive counts estimated from survey data", Survey Methodology 24(2), 1998). With no
 *       event at all the upper end is 1 - 0.025^(1/N), over the defensive share a of an importance
 *       sampling mixture (a path of the mixture loses with probability at least a p);
 *   <li>an expected loss: estimate -/+ 1.96 standard errors when at least {@link #MIN_EVENTS}
 *       paths lose; with fewer the normal approximation cannot be trusted, and the upper end is
 *       the probability's upper end times the largest loss a path can have (EL = E[L] &lt;= PD
 *       max L), the lower end 0 when no path loses.
 * </ul>
 *
 * The lower end is floored at zero.
 */
public final class Interval95 {

  /** The standard normal's 97.5% quantile. */
  public static final double Z = 1.96;

  /** Paths with an event below which an expected loss's normal interval is not used. */
  public static final long MIN_EVENTS = 20;

  private static final double TAIL = 0.025;

  private Interval95() {
  }

  /**
   * An interval.
   *
   * @param low its lower end
   * @param high its upper end
   */
  public record Interval(double low, double high) implements java.io.Serializable {
  }

  /** estimate -/+ 1.96 se, the lower end floored at zero. */
  public static Interval normal(double estimate, double se) {
    return new Interval(Math.max(0, estimate - Z * se), estimate + Z * se);
  }

  /**
   * The interval of a probability.
   *
   * @param p the estimate (self-normalised under importance sampling)
   * @param se its standard error
   * @param events paths on which the event happened
   * @param paths paths in all
   * @param defensiveShare the share of unshifted paths of the importance-sampling mixture (1
   *     without importance sampling)
   */
  public static Interval proportion(double p, double se, long events, long paths,
      double defensiveShare) {
    if (paths == 0 || Double.isNaN(p)) {
      return new Interval(Double.NaN, Double.NaN);
    }
    double none = (-Math.expm1(Math.log(TAIL) / paths)) / defensiveShare;
    if (events == 0) {
      return new Interval(0, Math.min(1, none));
    }
    if (events == paths) {
      return new Interval(Math.max(0, 1 - none), 1);
    }
    // unweighted: the exact interval of events out of paths
    boolean plain = defensiveShare == 1;
    double n = plain || !(se > 0) ? paths : p * (1 - p) / (se * se);
    double x = plain ? events : n * p;
    double low = x <= 0 ? 0 : upperTail(x, n - x + 1, TAIL);
    double high = x >= n ? 1 : upperTail(x + 1, n - x, 1 - TAIL);
    if (!plain && events < MIN_EVENTS) {
      // too few events for the weights' spread to be known: the events of the mixture bound it
      high = Math.max(high, Math.min(1, upperTail(events + 1, paths - events, 1 - TAIL)
          / defensiveShare));
    }
    return new Interval(Math.min(low, p), Math.max(high, p));
  }

  private static double upperTail(double a, double b, double level) {
    return BetaDistribution.of(a, b).inverseCumulativeProbability(level);
  }

  /**
   * The interval of an expected loss.
   *
   * @param el the estimate
   * @param se its standard error
   * @param events paths with a loss
   * @param pd the interval of the probability of a loss
   * @param maxLoss the largest loss a path can have, in the unit of {@code el}
   */
  public static Interval expectedLoss(double el, double se, long events, Interval pd,
      double maxLoss) {
    Interval normal = normal(el, se);
    if (events >= MIN_EVENTS) {
      return normal;
    }
    double high = Math.max(normal.high(), pd.high() * maxLoss);
    return new Interval(events == 0 ? 0 : normal.low(), Double.isNaN(high) ? el : high);
  }
}
