package io.absmc.stats;

import java.util.Arrays;

/**
 * Every path's value of one variable, held as floats (4 bytes a path: 40 MB for 10 million paths),
 * for exact empirical quantiles and expected shortfall. Quantiles are the inverse of the empirical
 * distribution function: the value of rank ceil(alpha N) among the N sorted values. Expected
 * shortfall at alpha is the mean of the values from that rank up. NaN values (a WAL where nothing
 * was repaid) are left out. Not thread-safe.
 */
public final class Sample {

  private float[] values;
  private int size;
  private boolean sorted;

  public Sample(long capacity) {
    values = new float[(int) Math.min(Math.max(capacity, 16), Integer.MAX_VALUE - 8)];
  }

  public void add(double x) {
    if (Double.isNaN(x)) {
      return;
    }
    if (size == values.length) {
      values = Arrays.copyOf(values, (int) Math.min((long) values.length * 2, Integer.MAX_VALUE - 8));
    }
    values[size++] = (float) x;
    sorted = false;
  }

  public int size() {
    return size;
  }

  private void sort() {
    if (!sorted) {
      Arrays.sort(values, 0, size);
      sorted = true;
    }
  }

  /** The empirical alpha-quantile (NaN when empty). */
  public double quantile(double alpha) {
    if (size == 0) {
      return Double.NaN;
    }
    sort();
    return values[rank(alpha)];
  }

  /** Mean of the values at or beyond the alpha-quantile's rank. */
  public double expectedShortfall(double alpha) {
    if (size == 0) {
      return Double.NaN;
    }
    sort();
    double sum = 0;
    int from = rank(alpha);
    for (int i = from; i < size; i++) {
      sum += values[i];
    }
    return sum / (size - from);
  }

  /** Share of values strictly above x. */
  public double exceedance(double x) {
    if (size == 0) {
      return Double.NaN;
    }
    sort();
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (values[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return (size - lo) / (double) size;
  }

  /** The largest value (NaN when empty). */
  public double max() {
    return quantile(1);
  }

  private int rank(double alpha) {
    int r = (int) Math.ceil(alpha * size);
    return Math.max(0, Math.min(size - 1, r - 1));
  }
}
