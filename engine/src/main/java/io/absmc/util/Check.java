package io.absmc.util;

/**
 * The one argument checker of absmc. Every message names the argument, the rule and the value,
 * and NaN never passes a numeric rule: {@code Expected 0 <= 'cdr' <= 1 but found NaN}.
 *
 * <p>Stateless and thread-safe.
 */
public final class Check {

  private Check() {
  }

  /** Requires {@code lo <= value <= hi}; returns the value. */
  public static double inRange(String name, double value, double lo, double hi) {
    if (!(value >= lo && value <= hi)) {
      throw new IllegalArgumentException(
          "Expected " + fmt(lo) + " <= '" + name + "' <= " + fmt(hi) + " but found " + fmt(value));
    }
    return value;
  }

  /** Requires {@code value >= 0} and finite; returns the value. */
  public static double nonNegative(String name, double value) {
    if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("Expected '" + name + "' >= 0 but found " + fmt(value));
    }
    return value;
  }

  /** Requires {@code value > 0} and finite; returns the value. */
  public static double positive(String name, double value) {
    if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("Expected '" + name + "' > 0 but found " + fmt(value));
    }
    return value;
  }

  /** Requires {@code value >= 0}; returns the value. */
  public static int nonNegative(String name, int value) {
    if (value < 0) {
      throw new IllegalArgumentException("Expected '" + name + "' >= 0 but found " + value);
    }
    return value;
  }

  /** Requires {@code value > 0}; returns the value. */
  public static int positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException("Expected '" + name + "' > 0 but found " + value);
    }
    return value;
  }

  /** Requires a non-null value; returns it. */
  public static <T> T notNull(String name, T value) {
    if (value == null) {
      throw new IllegalArgumentException("Expected '" + name + "' to be given but found nothing");
    }
    return value;
  }

  /** Requires a non-blank string; returns it. */
  public static String notBlank(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Expected '" + name + "' to be a non-empty text but found '"
          + (value == null ? "" : value) + "'");
    }
    return value;
  }

  /** Requires a condition that the caller states in words. */
  public static void isTrue(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  /** Formats a number for a message: integers without a decimal point, others as they are. */
  public static String fmt(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }
}
