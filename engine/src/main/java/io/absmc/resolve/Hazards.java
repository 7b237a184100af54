package io.absmc.resolve;

import java.io.Serializable;

/**
 * The daily hazard of one kind of event (default, or full prepayment) for every segment's loans,
 * from the segment's annual rates after stresses: by payment period (every loan has the hazard of
 * the period the day falls in) or by month on book (a loan has the hazard of the month of its own
 * life the day falls in, months counted on its calendar from its origination; past the last value
 * given the last holds). An annual rate r is the daily hazard -ln(1 - r) / 365, so a loan alive
 * through d days of rate r survives them with probability (1 - r)^(d/365).
 *
 * <p>Days are counted from closing; day d is the day ending at d, so a window (from, to] holds the
 * days from + 1 .. to. Immutable; read by every thread.
 */
public final class Hazards implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Per segment: annual rates by 0-based period or month-on-book index. */
  private final double[][] annual;
  /** Per segment: daily hazards by the same index. */
  private final double[][] daily;
  /** Per segment by period: the cumulative hazard of days 1..d, d = 0..last day; null by age. */
  private final double[][] cumulativeByDay;
  /** The 0-based period of day d (d = 1 .. last day). */
  private final int[] periodOfDay;
  private final boolean[] byMonthOnBook;
  private final boolean[] none;
  private final LoanCalendar calendar;
  /**
   * k: each loan's base cumulative probability F from the start of its exposure becomes
   * min(1, k F), the timing kept (1: the hazards as they are).
   */
  private final double lifetimeMultiplier;

  /**
   * @param annual per segment, its annual rates by 0-based period (one per period) or month on book
   * @param byMonthOnBook per segment, whether {@code annual} is by month on book
   * @param periodEndDay the periods' last days
   */
  Hazards(double[][] annual, boolean[] byMonthOnBook, int[] periodEndDay, LoanCalendar calendar,
      double lifetimeMultiplier) {
    this.lifetimeMultiplier = lifetimeMultiplier;
    int segments = annual.length;
    this.annual = annual;
    this.byMonthOnBook = byMonthOnBook;
    this.calendar = calendar;
    daily = new double[segments][];
    cumulativeByDay = new double[segments][];
    none = new boolean[segments];
    int lastDay = periodEndDay[periodEndDay.length - 1];
    periodOfDay = new int[lastDay + 1];
    for (int d = 1, p = 0; d <= lastDay; d++) {
      while (periodEndDay[p] < d) {
        p++;
      }
      periodOfDay[d] = p;
    }
    for (int s = 0; s < segments; s++) {
      daily[s] = new double[annual[s].length];
      boolean any = false;
      for (int i = 0; i < daily[s].length; i++) {
        daily[s][i] = perDay(annual[s][i]);
        any |= daily[s][i] > 0;
      }
      none[s] = !any;
      if (!byMonthOnBook[s]) {
        double[] c = new double[lastDay + 1];
        for (int d = 1; d <= lastDay; d++) {
          c[d] = c[d - 1] + daily[s][periodOfDay[d]];
        }
        cumulativeByDay[s] = c;
      }
    }
  }

  /** A base cumulative probability from the exposure's start, scaled: min(1, k F). */
  public double lifetime(double cumulative) {
    return lifetimeMultiplier == 1 ? cumulative : Math.min(1, lifetimeMultiplier * cumulative);
  }

  /**
   * The cumulative hazard of the window (from, to] for a loan whose exposure started on
   * {@code start}, with its cumulative probability from the start scaled ({@link #lifetime}):
   * -ln((1 - G(to)) / (1 - G(from))), G = min(1, k F); infinite once G reaches 1.
   */
  public double overScaled(int s, int origin, int start, int from, int to) {
    if (lifetimeMultiplier == 1) {
      return over(s, origin, from, to);
    }
    double g0 = lifetime(-Math.expm1(-over(s, origin, start, from)));
    double g1 = lifetime(-Math.expm1(-over(s, origin, start, to)));
    return g1 >= 1 ? Double.POSITIVE_INFINITY : Math.log((1 - g0) / (1 - g1));
  }

  /** The daily hazard of an annual rate: -ln(1 - r) / 365 (infinite for r = 1). */
  public static double perDay(double annualRate) {
    return -Math.log1p(-annualRate) / 365.0;
  }

  /** The annual rate of segment s at a 0-based period (or month-on-book) index. */
  public double annualRate(int s, int index) {
    double[] a = annual[s];
    return a[Math.min(index, a.length - 1)];
  }

  /** How many values segment s has: one per period, or per month on book it can reach. */
  public int length(int s) {
    return annual[s].length;
  }

  public boolean byMonthOnBook(int s) {
    return byMonthOnBook[s];
  }


  /**
   * The hazard of day {@code day} for a loan of segment s originated on day {@code origin}.
   */
  public double daily(int s, int origin, int day) {
    if (!byMonthOnBook[s]) {
      return daily[s][periodOfDay[day]];
    }
    return monthly(s, monthOnBook(origin, day));
  }

  /**
   * The cumulative hazard of days from + 1 .. to (0 when to <= from) for a loan of segment s
   * originated on day {@code origin}: the probability of the event over the window, for a loan
   * alive at its start, is 1 - exp(-H).
   */
  public double over(int s, int origin, int from, int to) {
    if (to <= from || none[s]) {
      return 0;
    }
    if (!byMonthOnBook[s]) {
      int p = periodOfDay[to];
      // within one period (every engine window) h (to - from), else the running sum
      return periodOfDay[from + 1] == p ? daily[s][p] * (to - from)
          : cumulativeByDay[s][to] - cumulativeByDay[s][from];
    }
    double sum = 0;
    int d = from;
    int m = monthOnBook(origin, from + 1);
    while (d < to) {
      int end = Math.min(to, calendar.day(origin, m));
      sum += monthly(s, m) * (end - d);
      d = end;
      m++;
    }
    return sum;
  }

  /** The 0-based index of segment s's value on day {@code day} for a loan originated on {@code origin}. */
  int index(int s, int origin, int day) {
    return byMonthOnBook[s] ? monthOnBook(origin, day) - 1 : periodOfDay[day];
  }

  private double monthly(int s, int month) {
    double[] h = daily[s];
    return h[Math.min(month, h.length) - 1];
  }

  /** The month of its life (1-based) a loan originated on {@code origin} is in on day {@code day}. */
  private int monthOnBook(int origin, int day) {
    int m = Math.max(1, (day - origin) / 31);
    while (calendar.day(origin, m) < day) {
      m++;
    }
    return m;
  }
}
