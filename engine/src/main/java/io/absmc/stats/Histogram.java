package io.absmc.stats;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Weighted counts of a variable in equal bins over [lo, hi] (values outside are counted in the end
 * bins), for quantiles of variables there are too many of to keep (per-period balances). A quantile
 * is read by linear interpolation within its bin, so its error is at most one bin width,
 * {@code (hi - lo) / bins}, for values inside the range.
 *
 * <p>Counts do not depend on how a run was split: values of weight 1 ({@link #add(double)}, a block
 * without importance sampling) are counted in whole numbers, exact in any order; weighted values
 * ({@link #add(double, double)}) are summed in path order within a block, like {@link Moments},
 * and {@link #endBlock()} adds those sums to exact per-bin totals. A block's values must all come
 * one way or all the other. Not thread-safe.
 */
public final class Histogram implements Serializable {

  private static final long serialVersionUID = 1L;

  private final double lo;
  private final double hi;
  private final double width;
  private final int bins;
  /** Values of weight 1, by bin (whole numbers). */
  private final double[] counts;
  /** Exact totals of the weighted values of closed blocks, by bin; null for bins never hit. */
  private final ExactSum[] totals;
  // the open block: its sums by bin and the bins it hit (rebuilt after deserialisation)
  private transient double[] open;
  private transient int[] hit;
  private transient int hits;

  public Histogram(double lo, double hi, int bins) {
    this.lo = lo;
    this.hi = hi;
    this.width = (hi - lo) / bins;
    this.bins = bins;
    this.counts = new double[bins];
    this.totals = new ExactSum[bins];
  }

  private int bin(double x) {
    int b = width > 0 ? (int) ((x - lo) / width) : 0;
    return Math.max(0, Math.min(bins - 1, b));
  }

  /** Counts a value of weight 1. */
  public void add(double x) {
    counts[bin(x)]++;
  }

  /** Adds a value with a likelihood-ratio weight. */
  public void add(double x, double w) {
    if (open == null) {
      open = new double[bins];
      hit = new int[bins];
    }
    int b = bin(x);
    if (open[b] == 0) {
      // a bin already listed with a zero sum is listed again; endBlock copes
      if (hits == hit.length) {
        endBlock();
      }
      hit[hits++] = b;
    }
    open[b] += w;
  }

  /** Closes the block of values added since the last call. */
  public void endBlock() {
    for (int i = 0; i < hits; i++) {
      int b = hit[i];
      if (open[b] != 0) {
        if (totals[b] == null) {
          totals[b] = new ExactSum();
        }
        totals[b].add(open[b]);
        open[b] = 0;
      }
    }
    hits = 0;
  }

  /** Adds another histogram's closed blocks (same bins). */
  public void merge(Histogram other) {
    if (other.bins != bins || other.lo != lo || other.hi != hi) {
      throw new IllegalArgumentException("histograms with different bins cannot be merged");
    }
    for (int b = 0; b < bins; b++) {
      counts[b] += other.counts[b];
      if (other.totals[b] != null) {
        if (totals[b] == null) {
          totals[b] = new ExactSum();
        }
        totals[b].add(other.totals[b]);
      }
    }
  }

  /** Serialised as its non-empty bins only (a task's statistics travel to the driver). */
  private Object writeReplace() {
    endBlock();
    List<Integer> used = new ArrayList<>();
    for (int b = 0; b < bins; b++) {
      if (counts[b] != 0 || totals[b] != null) {
        used.add(b);
      }
    }
    int[] index = new int[used.size()];
    double[] count = new double[index.length];
    ExactSum[] total = new ExactSum[index.length];
    for (int i = 0; i < index.length; i++) {
      index[i] = used.get(i);
      count[i] = counts[index[i]];
      total[i] = totals[index[i]];
    }
    return new Sparse(lo, hi, bins, index, count, total);
  }

  /** The serialised form: the bins in use. */
  private record Sparse(double lo, double hi, int bins, int[] index, double[] count,
      ExactSum[] total) implements Serializable {
    private static final long serialVersionUID = 1L;

    private Object readResolve() {
      Histogram h = new Histogram(lo, hi, bins);
      for (int i = 0; i < index.length; i++) {
        h.counts[index[i]] = count[i];
        h.totals[index[i]] = total[i];
      }
      return h;
    }
  }

  /** The error bound of {@link #quantile}: one bin width. */
  public double resolution() {
    return width;
  }

  /** The alpha-quantile of the closed blocks, interpolated in its bin. */
  public double quantile(double alpha) {
    double[] mass = new double[bins];
    double total = 0;
    for (int b = 0; b < bins; b++) {
      mass[b] = counts[b] + (totals[b] == null ? 0 : totals[b].value());
      total += mass[b];
    }
    if (total == 0) {
      return Double.NaN;
    }
    double target = alpha * total;
    double cumulative = 0;
    for (int b = 0; b < bins; b++) {
      if (cumulative + mass[b] >= target && mass[b] > 0) {
        double within = (target - cumulative) / mass[b];
        return lo + width * (b + Math.max(0, Math.min(1, within)));
      }
      cumulative += mass[b];
    }
    return lo + width * bins;
  }
}
