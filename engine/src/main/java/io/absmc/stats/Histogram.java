package io.absmc.stats;

/**
 * Counts of a variable in equal bins over [lo, hi] (values outside are counted in the end bins),
 * for quantiles of variables there are too many of to keep (per-period balances). A quantile is
 * read by linear interpolation within its bin, so its error is at most one bin width,
 * {@code (hi - lo) / bins}, for values inside the range. Not thread-safe.
 */
public final class Histogram {

  private final double lo;
  private final double width;
  private final double[] counts;
  private double total;

  public Histogram(double lo, double hi, int bins) {
    this.lo = lo;
    this.width = (hi - lo) / bins;
    this.counts = new double[bins];
  }

  public void add(double x) {
    add(x, 1);
  }

  /** Adds a value with a likelihood-ratio weight. */
  public void add(double x, double w) {
    int b = width > 0 ? (int) ((x - lo) / width) : 0;
    counts[Math.max(0, Math.min(counts.length - 1, b))] += w;
    total += w;
  }

  /** The error bound of {@link #quantile}: one bin width. */
  public double resolution() {
    return width;
  }

  /** The alpha-quantile, interpolated in its bin. */
  public double quantile(double alpha) {
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
