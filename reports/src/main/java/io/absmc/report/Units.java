package io.absmc.report;

import java.util.Locale;

/**
 * How money is written for people: RMB (yuan) with thousands separators, millions of yuan, or 亿
 * (10^8 yuan). Reports and the printed tables of {@code absmc cashflows} both use it.
 */
public enum Units {
  /** Yuan to the cent: {@code 398,250,000.00}. */
  RMB("RMB", "", 1, 2),
  /** Millions of yuan with two decimals: {@code 398.25m}. */
  MILLIONS("RMB m", "m", 1e6, 2),
  /** Hundreds of millions of yuan, to the 万 (four decimals): {@code 3.9825 亿}. */
  YI("亿 RMB", " 亿", 1e8, 4);

  private final String label;
  private final String suffix;
  private final double divisor;
  private final int decimals;

  Units(String label, String suffix, double divisor, int decimals) {
    this.label = label;
    this.suffix = suffix;
    this.divisor = divisor;
    this.decimals = decimals;
  }

  /** Parses a {@code --units} value: {@code rmb}, {@code m} or {@code yi}, any case. */
  public static Units parse(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "rmb", "yuan" -> RMB;
      case "m", "millions" -> MILLIONS;
      case "yi", "亿" -> YI;
      default -> throw new IllegalArgumentException("units must be rmb, m or yi, found '" + text
          + "'");
    };
  }

  /** The unit's name for axis titles and column headings. */
  public String label() {
    return label;
  }

  /** Appended to a formatted amount ("" for RMB, where the heading says the unit). */
  public String suffix() {
    return suffix;
  }

  /** Yuan per unit. */
  public double divisor() {
    return divisor;
  }

  /** An amount in yuan written in this unit; "-" for NaN. */
  public String money(double yuan) {
    if (Double.isNaN(yuan)) {
      return "-";
    }
    double v = yuan / divisor;
    double scale = Math.pow(10, decimals);
    double rounded = Math.round(v * scale) / scale;
    return String.format(Locale.ROOT, "%,." + decimals + "f", rounded == 0 ? 0.0 : rounded)
        + suffix;
  }
}
