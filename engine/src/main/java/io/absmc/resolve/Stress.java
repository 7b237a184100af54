package io.absmc.resolve;

import io.absmc.util.Check;
import java.util.Locale;

/**
 * Relative shocks applied to a scenario's base assumptions when it is resolved: every annual
 * default rate times {@code defaultMultiplier} (capped at 100%), every recovery rate times
 * {@code recoveryMultiplier} (capped at 100%), every annual prepayment rate times
 * {@code prepaymentMultiplier} (capped at 100%).
 *
 * @param defaultMultiplier relative shock to default rates (1 = base)
 * @param recoveryMultiplier relative shock to recovery rates (1 = base)
 * @param prepaymentMultiplier relative shock to prepayment rates (1 = base)
 */
public record Stress(double defaultMultiplier, double recoveryMultiplier,
    double prepaymentMultiplier) {

  /** The base case: no shock. */
  public static final Stress NONE = new Stress(1, 1, 1);

  public Stress {
    Check.nonNegative("defaultMultiplier", defaultMultiplier);
    Check.nonNegative("recoveryMultiplier", recoveryMultiplier);
    Check.nonNegative("prepaymentMultiplier", prepaymentMultiplier);
  }

  /**
   * Parses {@code default=2.0,recovery=0.8,prepay=0.5}; any key may be left out (it stays 1).
   *
   * @throws IllegalArgumentException naming the part that cannot be read
   */
  public static Stress parse(String text) {
    double d = 1;
    double r = 1;
    double p = 1;
    for (String part : text.split(",")) {
      String t = part.trim();
      if (t.isEmpty()) {
        continue;
      }
      int eq = t.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("stress '" + t + "' is not key=value"
            + " (keys: default, recovery, prepay)");
      }
      String key = t.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      double value;
      try {
        value = Double.parseDouble(t.substring(eq + 1).trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("stress '" + t + "': '" + t.substring(eq + 1).trim()
            + "' is not a number");
      }
      if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException("stress '" + t + "': expected a multiplier >= 0");
      }
      switch (key) {
        case "default" -> d = value;
        case "recovery" -> r = value;
        case "prepay", "prepayment" -> p = value;
        default -> throw new IllegalArgumentException("stress '" + t + "': unknown key '" + key
            + "' (keys: default, recovery, prepay)");
      }
    }
    return new Stress(d, r, p);
  }

  @Override
  public String toString() {
    return "default=" + defaultMultiplier + ",recovery=" + recoveryMultiplier + ",prepay="
        + prepaymentMultiplier;
  }
}
