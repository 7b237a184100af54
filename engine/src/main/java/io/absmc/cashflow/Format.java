package io.absmc.cashflow;

import java.util.Locale;

/** Number formats for people: money with thousands separators, rates as percentages. */
public final class Format {

  private Format() {
  }

  /** RMB to the cent with thousands separators: {@code 398,250,000.00}. */
  public static String money(double amount) {
    if (Double.isNaN(amount)) {
      return "-";
    }
    double rounded = Math.round(amount * 100) / 100.0;
    return String.format(Locale.ROOT, "%,.2f", rounded == 0 ? 0.0 : rounded);
  }

  /**
   * A decimal rate as a percentage with the given decimals: {@code 6.20%}; a rate that is not zero
   * but would print as zero with three significant digits instead ({@code 1.83e-18%}).
   */
  public static String percent(double rate, int decimals) {
    if (Double.isNaN(rate)) {
      return "-";
    }
    double pct = rate * 100;
    if (pct != 0 && Math.abs(pct) < 0.5 * Math.pow(10, -decimals)) {
      return String.format(Locale.ROOT, "%.2e%%", pct);
    }
    return String.format(Locale.ROOT, "%." + decimals + "f%%", pct);
  }

  /**
   * A probability or loss rate as a percentage with at least three significant digits, so that a
   * small one keeps its size: {@code 12.50%}, {@code 0.500%}, {@code 0.00110%}; below 0.01 bp
   * (1e-6) in scientific form ({@code 1.83e-18%}); 0 as {@code 0%}.
   */
  public static String significant(double rate) {
    if (Double.isNaN(rate)) {
      return "-";
    }
    if (rate == 0) {
      return "0%";
    }
    double pct = rate * 100;
    if (Math.abs(rate) < 1e-6) {
      return String.format(Locale.ROOT, "%.2e%%", pct);
    }
    int decimals = Math.max(2, 2 - (int) Math.floor(Math.log10(Math.abs(pct))));
    return String.format(Locale.ROOT, "%." + decimals + "f%%", pct);
  }

  /** An interval of probabilities or loss rates, each {@link #significant}. */
  public static String significantRange(double low, double high) {
    if (Double.isNaN(low) || Double.isNaN(high)) {
      return "-";
    }
    return significant(low) + " - " + significant(high);
  }

  /** An interval of decimal rates as percentages: {@code 0.012% - 0.031%}. */
  public static String range(double low, double high, int decimals) {
    if (Double.isNaN(low) || Double.isNaN(high)) {
      return "-";
    }
    return percent(low, decimals) + " - " + percent(high, decimals);
  }

  /** Years with two decimals. */
  public static String years(double years) {
    return Double.isNaN(years) ? "-" : String.format(Locale.ROOT, "%.2f", years);
  }
}
