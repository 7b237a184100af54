package io.absmc.report;

import java.util.Locale;

/**
 * Number formats of a report: percentages as percentages, small expected losses in basis points
 * (the rating convention), years, counts with thousands separators. NaN (a statistic that does
 * not apply) is written "-".
 */
final class Numbers {

  private Numbers() {
  }

  /** {@code 0.062} -> {@code 6.20%} with two decimals. */
  static String percent(double rate, int decimals) {
    return Double.isNaN(rate) ? "-"
        : String.format(Locale.ROOT, "%,." + decimals + "f%%", zero(rate * 100, decimals));
  }

  /** {@code 0.000123} -> {@code 1.23 bp} with two decimals. */
  static String bp(double rate, int decimals) {
    return Double.isNaN(rate) ? "-"
        : String.format(Locale.ROOT, "%,." + decimals + "f bp", zero(rate * 1e4, decimals));
  }

  /** Years with two decimals. */
  static String years(double years) {
    return Double.isNaN(years) ? "-" : String.format(Locale.ROOT, "%.2f", years);
  }

  /** A plain number with the given decimals. */
  static String fixed(double v, int decimals) {
    return Double.isNaN(v) ? "-"
        : String.format(Locale.ROOT, "%,." + decimals + "f", zero(v, decimals));
  }

  /** A whole count with thousands separators: {@code 1,000,000}. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  // -0.00 reads as a sign error; a value that rounds to zero is written as zero
  private static double zero(double v, int decimals) {
    return Math.abs(v) < 0.5 * Math.pow(10, -decimals) ? 0.0 : v;
  }
}
