package io.absmc.calibrate;

/**
 * One vintage (the loans originated in one month) as a static-pool table gives it, by months on
 * book 1 .. {@link #months()}: what is outstanding at the end of each month and what has defaulted,
 * prepaid and been recovered by then.
 *
 * @param name the origination month, e.g. {@code 2019-03}
 * @param originalBalance principal originated (RMB, &gt; 0)
 * @param outstanding performing balance at the end of month m, at index m - 1
 * @param defaults cumulative defaulted principal by the end of month m
 * @param prepayments cumulative principal prepaid in full
 * @param recoveries cumulative recoveries on the defaults
 * @param pastDue when the data have them, the principal past due at the end of month m by bucket
 *     (1-30, 31-60, 61-90, 91+ days), at {@code [bucket][m - 1]}, part of the outstanding
 *     balance; null otherwise
 */
public record Vintage(String name, double originalBalance, double[] outstanding, double[] defaults,
    double[] prepayments, double[] recoveries, double[][] pastDue) {

  /** A vintage without past-due buckets. */
  public Vintage(String name, double originalBalance, double[] outstanding, double[] defaults,
      double[] prepayments, double[] recoveries) {
    this(name, originalBalance, outstanding, defaults, prepayments, recoveries, null);
  }

  /**
   * The balance past due by bucket b (0: 1-30 ... 3: 91+) at the end of month m (0: origination,
   * nothing past due).
   */
  double pastDue(int b, int m) {
    return m == 0 ? 0 : pastDue[b][m - 1];
  }

  /** The current (not past-due) balance at the end of month m (0: the original balance). */
  double current(int m) {
    if (m == 0) {
      return originalBalance;
    }
    double c = outstanding[m - 1];
    for (double[] bucket : pastDue) {
      c -= bucket[m - 1];
    }
    return c;
  }

  /** Months on book observed. */
  public int months() {
    return outstanding.length;
  }

  /** The performing balance at the start of month m (1-based): the original for m = 1. */
  double opening(int m) {
    return m == 1 ? originalBalance : outstanding[m - 2];
  }

  /** The amount defaulted in month m (1-based). */
  double defaultedIn(int m) {
    return defaults[m - 1] - (m == 1 ? 0 : defaults[m - 2]);
  }

  /** The amount prepaid in month m (1-based). */
  double prepaidIn(int m) {
    return prepayments[m - 1] - (m == 1 ? 0 : prepayments[m - 2]);
  }
}
