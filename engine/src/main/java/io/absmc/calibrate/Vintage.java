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
 */
public record Vintage(String name, double originalBalance, double[] outstanding, double[] defaults,
    double[] prepayments, double[] recoveries) {

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
