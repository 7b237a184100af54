package io.absmc.util;

import java.util.regex.Pattern;

/**
 * The one way absmc reads a number written in an input file (a YAML scalar, a stress value, a
 * loan tape's cell, a rating table's cell): decimal digits with an optional sign, point and
 * exponent. {@code .inf}, {@code NaN}, {@code Infinity}, hexadecimal and anything that overflows
 * a double are not numbers. Stateless.
 */
public final class Decimal {

  /** A decimal number as written: {@code 12}, {@code -0.5}, {@code .25}, {@code 1e6}. */
  public static final Pattern PATTERN =
      Pattern.compile("[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?");

  private Decimal() {
  }

  /** The value of a decimal (surrounding blanks ignored); NaN when it is not one or not finite. */
  public static double parse(String text) {
    if (text == null) {
      return Double.NaN;
    }
    String t = text.strip();
    if (!PATTERN.matcher(t).matches()) {
      return Double.NaN;
    }
    double x = Double.parseDouble(t);
    return Double.isFinite(x) ? x : Double.NaN;
  }
}
