package io.absmc.stats;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The exact sum of doubles, rounded once at the end: Shewchuk's non-overlapping partials
 * ("Adaptive precision floating-point arithmetic and fast robust geometric predicates", Discrete
 * and Computational Geometry 18, 1997), with the correctly rounded read-out of Python's
 * {@code math.fsum}. Because nothing is rounded until {@link #value()}, the result depends only on
 * which numbers were added, never on their order or grouping: sums built in parts on different
 * threads or machines and {@link #add(ExactSum) merged} in any order give the same bits. Values
 * that are not finite (or sums that overflow) make the result NaN or infinite, as plain addition
 * would. Not thread-safe.
 */
public final class ExactSum implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Non-overlapping partials in increasing magnitude; their exact sum is the sum so far. */
  private double[] partials = new double[2];
  private int size;
  /** The sum of the values that were not finite (0 when none). */
  private double special;

  /** Adds a value exactly. */
  public void add(double x) {
    if (!Double.isFinite(x)) {
      special += x;
      return;
    }
    int kept = 0;
    for (int j = 0; j < size; j++) {
      double y = partials[j];
      if (Math.abs(x) < Math.abs(y)) {
        double t = x;
        x = y;
        y = t;
      }
      double hi = x + y;
      if (!Double.isFinite(hi)) {
        special += hi;
        return;
      }
      double lo = y - (hi - x);
      if (lo != 0) {
        partials[kept++] = lo;
      }
      x = hi;
    }
    if (kept == partials.length) {
      partials = Arrays.copyOf(partials, 2 * kept);
    }
    partials[kept] = x;
    size = kept + 1;
  }

  /** Adds another sum exactly. */
  public void add(ExactSum other) {
    for (int j = 0; j < other.size; j++) {
      add(other.partials[j]);
    }
    special += other.special;
  }

  /** The sum, correctly rounded to the nearest double (ties to even); 0 when empty. */
  public double value() {
    if (special != 0 || Double.isNaN(special)) {
      return special;
    }
    int n = size;
    double hi = 0;
    if (n > 0) {
      hi = partials[--n];
      double lo = 0;
      while (n > 0) {
        double x = hi;
        double y = partials[--n];
        hi = x + y;
        lo = y - (hi - x);
        if (lo != 0) {
          break;
        }
      }
      // half-way cases: the partials below decide which way to round
      if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
        double y = lo * 2;
        double x = hi + y;
        if (y == x - hi) {
          hi = x;
        }
      }
    }
    return hi + 0.0;
  }
}
