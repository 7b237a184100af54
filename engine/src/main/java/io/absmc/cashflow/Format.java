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

  /** RMB in millions with two decimals: {@code 398.25m}. */
  public static String millions(double amount) {
    if (Double.isNaN(amount)) {
      return "-";
    }
    double m = Math.round(amount / 1e4) / 100.0;
    return String.format(Locale.ROOT, "%,.2fm", m == 0 ? 0.0 : m);
  }

  /** The unit of money in a printed table of amounts. */
  public enum Money {
    /** Yuan to the cent: {@code 10,000.00}. */
    RMB("RMB"),
    /** Millions of yuan with two decimals: {@code 398.25m}. */
    MILLIONS("RMB m"),
    /** 亿 (10^8 yuan) with four decimals: {@code 3.9825亿}. */
    YI("亿 RMB");

    private final String label;

    Money(String label) {
      this.label = label;
    }

    /** What a table's title says the amounts are in. */
    public String label() {
      return label;
    }

    /** An amount in this unit. */
    public String format(double amount) {
      return switch (this) {
        case RMB -> money(amount);
        case MILLIONS -> millions(amount);
        case YI -> Double.isNaN(amount) ? "-"
            : String.format(Locale.ROOT, "%,.4f亿", Math.round(amount / 1e4) / 1e4 + 0.0);
      };
    }

    /**
     * The unit that shows a deal of this size best: yuan below a million (where millions would
     * print 0.01m), millions otherwise.
     */
    public static Money forSize(double planSize) {
      return planSize < 1e6 ? RMB : MILLIONS;
    }
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
