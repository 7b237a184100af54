package io.absmc.stats;

import java.io.Serializable;

/**
 * Weighted counts of a variable in equal bins over [lo, hi] (values outside are counted in the end
 * bins), for quantiles of variables there are too many of to keep (per-period balances). A quantile
 * is read by linear interpolation within its bin, so its error is at most one bin width,
 * {@code (hi - lo) / bins}, for values inside the range.
 *
 * <p>Like {@link Moments}, a block's weights are summed in path order and {@link #endBlock()} adds
 * them to exact per-bin totals, so counts do not depend on how a run was split. Not thread-safe.
 */
public final class Histogram implements Serializable {

  private static final long serialVersionUID = 1L;

  private final double lo;
  private final double width;
  private final int bins;
  /** Exact totals of the closed blocks, by bin; null for bins never hit. */
  private final ExactSum[] totals;
  // the open block: its sums by bin and the bins it hit (rebuilt after deserialisation)
  private transient double[] open;
  private transient int[] hit;
  private transient int hits;

  public Histogram(double lo, double hi, int bins) {
    this.lo = lo;
    this.width = (hi - lo) / bins;
    this.bins = bins;
    this.totals = new ExactSum[bins];
  }

  public void add(double x) {
    add(x, 1);
  }

  /** Adds a value with a likelihood-ratio weight. */
  public void add(double x, double w) {
    if (open == null) {
      open = new double[bins];
      hit = new int[bins];
    }
    int b = width > 0 ? (int) ((x - lo) / width) : 0;
    b = Math.max(0, Math.min(bins - 1, b));
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
    if (other.bins != bins || other.lo != lo || other.width != width) {
      throw new IllegalArgumentException("histograms with different bins cannot be merged");
    }
    for (int b = 0; b < bins; b++) {
      if (other.totals[b] != null) {
        if (totals[b] == null) {
          totals[b] = new ExactSum();
        }
        totals[b].add(other.totals[b]);
      }
    }
  }

  /** The error bound of {@link #quantile}: one bin width. */
  public double resolution() {
    return width;
  }

  /** The alpha-quantile of the closed blocks, interpolated in its bin. */
  public double quantile(double alpha) {
    double[] counts = new double[bins];
    double total = 0;
    for (int b = 0; b < bins; b++) {
      counts[b] = totals[b] == null ? 0 : totals[b].value();
      total += counts[b];
    }
    if (total == 0) {
      return Double.NaN;
    }
    double target = alpha * total;
    double cumulative = 0;
    for (int b = 0; b < counts.length; b++) {
      if (cumulative + counts[b] >= target && counts[b] > 0) {
        double within = (target - cumulative) / counts[b];
        return lo + width * (b + Math.max(0, Math.min(1, within)));
      }
      cumulative += counts[b];
    }
    return lo + width * counts.length;
  }
}
