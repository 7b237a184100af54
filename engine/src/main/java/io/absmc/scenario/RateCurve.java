package io.absmc.scenario;

import io.absmc.util.Check;
import java.util.Arrays;

/**
 * A rate that is either constant or given per period (1-based); past the last value given, the
 * last value holds.
 */
public final class RateCurve {

  private final double[] values;

  private RateCurve(double[] values) {
    Check.isTrue(values.length > 0, "a rate curve needs at least one value");
    for (double v : values) {
      Check.isTrue(!Double.isNaN(v), "a rate curve value is NaN");
    }
    this.values = values;
  }

  /** The same value in every period. */
  public static RateCurve constant(double value) {
    return new RateCurve(new double[] {value});
  }

  /** Values for periods 1, 2, ...; the last holds afterwards. */
  public static RateCurve byPeriod(double... values) {
    return new RateCurve(values.clone());
  }

  /** The value in a 1-based period. */
  public double value(int period) {
    return values[Math.min(period, values.length) - 1];
  }

  /** How many values are given. */
  public int size() {
    return values.length;
  }

  /** Whether one value holds in every period. */
  public boolean isConstant() {
    return values.length == 1;
  }

  /** This curve with every value multiplied by {@code factor}, capped at {@code cap}. */
  public RateCurve scaled(double factor, double cap) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Math.min(cap, values[i] * factor);
    }
    return new RateCurve(out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RateCurve r && Arrays.equals(values, r.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return values.length == 1 ? Double.toString(values[0]) : Arrays.toString(values);
  }
}
