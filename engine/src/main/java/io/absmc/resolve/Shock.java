package io.absmc.resolve;

import io.absmc.util.Check;
import java.io.Serializable;
import java.util.Locale;

/**
 * A change to one assumption: relative (x becomes x (1 + v): -20% of base) or absolute (x becomes
 * x + v: -25bp of spread). The two are different factories and print differently, as in stress
 * files. Immutable.
 *
 * @param absolute whether the change is added (else it scales)
 * @param value the relative change (-0.2) or the amount added (-0.0025)
 */
public record Shock(boolean absolute, double value) implements Serializable {

  /** No change. */
  public static final Shock NONE = new Shock(false, 0);

  public Shock {
    Check.isTrue(Double.isFinite(value), "a shock must be a finite number, found " + value);
    Check.isTrue(absolute || value >= -1, "a relative shock cannot take more than 100% away,"
        + " found " + value);
  }

  /** x (1 + change): {@code relative(-0.2)} is 20% less than the base. */
  public static Shock relative(double change) {
    return new Shock(false, change);
  }

  /** x m: the same as {@code relative(m - 1)}. */
  public static Shock multiplier(double m) {
    return new Shock(false, m - 1);
  }

  /** x + amount. */
  public static Shock absolute(double amount) {
    return new Shock(true, amount);
  }

  public boolean isNone() {
    return value == 0;
  }

  /** The shocked value, kept within [lo, hi]. */
  public double apply(double x, double lo, double hi) {
    double y = absolute ? x + value : x * (1 + value);
    return Math.max(lo, Math.min(hi, y));
  }

  @Override
  public String toString() {
    // an absolute shock moves a rate: in basis points (-50bp), not as a bare decimal
    if (absolute) {
      String bp = new java.math.BigDecimal(value * 1e4).round(new java.math.MathContext(4))
          .stripTrailingZeros().toPlainString();
      return (value >= 0 ? "+" : "") + bp + "bp";
    }
    return String.format(Locale.ROOT, "%+.4g%%", value * 100);
  }
}
