package io.absmc.stats;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Arrays;

/**
 * Every path's value of one variable, held as floats (4 bytes a path: 40 MB for 10 million paths),
 * for exact empirical quantiles and expected shortfall. Quantiles are the inverse of the empirical
 * distribution function: the value of rank ceil(alpha N) among the N sorted values. Expected
 * shortfall at alpha is the mean of the values from that rank up. NaN values (a WAL where nothing
 * was repaid) are left out. With likelihood-ratio weights (importance sampling) the distribution is
 * the weighted one, normalised by the total weight: the quantile is the smallest value whose
 * cumulative weight reaches alpha, and the expected shortfall the weighted mean beyond it. Samples
 * of consecutive parts of a run {@link #merge merge} into the sample of the whole. Not thread-safe.
 */
public final class Sample implements Serializable {

  private static final long serialVersionUID = 1L;

  private float[] values;
  /** Weights, or null while every weight is 1. */
  private float[] weights;
  private int size;
  private boolean sorted;
  private double totalWeight;

  public Sample(long capacity) {
    values = new float[(int) Math.min(Math.max(capacity, 16), Integer.MAX_VALUE - 8)];
  }

  public void add(double x) {
    add(x, 1);
  }

  public void add(double x, double w) {
    if (Double.isNaN(x)) {
      return;
    }
    if (size == values.length) {
      int grown = (int) Math.min((long) values.length * 2, Integer.MAX_VALUE - 8);
      values = Arrays.copyOf(values, grown);
      if (weights != null) {
        weights = Arrays.copyOf(weights, grown);
      }
    }
    if ((float) w != 1f && weights == null) {
      weights = new float[values.length];
      Arrays.fill(weights, 0, size, 1f);
    }
    if (weights != null) {
      weights[size] = (float) w;
    }
    values[size++] = (float) x;
    // the total of the weights as held, so that the cumulative weights of the sorted values end at it
    totalWeight += (float) w;
    sorted = false;
  }

  /**
   * Appends another sample's values (the paths after this one's), as if they had been added here
   * one by one. Neither may have been read yet (reading sorts).
   */
  public void merge(Sample other) {
    if (sorted || other.sorted) {
      throw new IllegalStateException("a sample that has been read cannot be merged");
    }
    for (int i = 0; i < other.size; i++) {
      add(other.values[i], other.weights == null ? 1 : other.weights[i]);
    }
  }

  /** Writes only the values held, not the spare capacity. */
  private void writeObject(ObjectOutputStream out) throws IOException {
    values = Arrays.copyOf(values, Math.max(size, 16));
    if (weights != null) {
      weights = Arrays.copyOf(weights, values.length);
    }
    out.defaultWriteObject();
  }

  public int size() {
    return size;
  }

  private void sort() {
    if (sorted) {
      return;
    }
    if (weights == null) {
      Arrays.sort(values, 0, size);
    } else {
      // sort (value, weight) pairs: the value's order-preserving bits high, the index low
      long[] keys = new long[size];
      for (int i = 0; i < size; i++) {
        int bits = Float.floatToIntBits(values[i]);
        bits ^= (bits >> 31) & 0x7fffffff;
        keys[i] = ((long) bits << 32) | i;
      }
      Arrays.sort(keys);
      float[] v = new float[values.length];
      float[] w = new float[values.length];
      for (int i = 0; i < size; i++) {
        int j = (int) keys[i];
        v[i] = values[j];
        w[i] = weights[j];
      }
      values = v;
      weights = w;
    }
    sorted = true;
  }

  /** Index of the alpha-quantile among the sorted values. */
  private int index(double alpha) {
    if (weights == null) {
      return rank(alpha);
    }
    double target = alpha * totalWeight;
    double cumulative = 0;
    for (int i = 0; i < size; i++) {
      cumulative += weights[i];
      if (cumulative >= target) {
        return i;
      }
    }
    return size - 1;
  }

  /** The empirical alpha-quantile (NaN when empty). */
  public double quantile(double alpha) {
    if (size == 0) {
      return Double.NaN;
    }
    sort();
    return values[index(alpha)];
  }

  /**
   * Expected shortfall at alpha: the mean of the worst 1 - alpha of the distribution, exactly: the
   * values beyond the alpha-quantile with their weights, and the quantile's own value with the
   * part of its weight that lies beyond alpha (Acerbi and Tasche, "On the coherence of expected
   * shortfall", Journal of Banking and Finance 26(7), 2002).
   */
  public double expectedShortfall(double alpha) {
    if (size == 0) {
      return Double.NaN;
    }
    sort();
    int from = index(alpha);
    double total = weights == null ? size : totalWeight;
    double below = 0;
    if (weights == null) {
      below = from;
    } else {
      for (int i = 0; i < from; i++) {
        below += weights[i];
      }
    }
    double sum = 0;
    double mass = 0;
    for (int i = from + 1; i < size; i++) {
      double w = weights == null ? 1 : weights[i];
      sum += w * values[i];
      mass += w;
    }
    // the boundary value's weight beyond alpha: its cumulative weight less alpha's share
    double boundary = Math.max(0, below + (weights == null ? 1 : weights[from]) - alpha * total);
    sum += boundary * values[from];
    mass += boundary;
    return mass > 0 ? sum / mass : values[from];
  }

  /**
   * The 95% interval of the alpha-quantile: the quantiles at alpha -/+ 1.96 sigma, sigma the
   * standard error of the (weighted) empirical distribution function at the quantile, sqrt(sum
   * w^2 (1{x <= q} - alpha)^2) / sum w; without weights sqrt(alpha (1 - alpha) / N), the order
   * statistics' distribution-free interval (Glynn, "Importance sampling for Monte Carlo estimation
   * of quantiles", 1996).
   */
  public Interval95.Interval quantileInterval(double alpha) {
    if (size == 0) {
      return new Interval95.Interval(Double.NaN, Double.NaN);
    }
    sort();
    float q = values[index(alpha)];
    double spread = 0;
    double total = 0;
    for (int i = 0; i < size; i++) {
      double w = weights == null ? 1 : weights[i];
      double d = (values[i] <= q ? 1 : 0) - alpha;
      spread += w * w * d * d;
      total += w;
    }
    double sigma = Math.sqrt(spread) / total;
    double low = alpha - Interval95.Z * sigma;
    double high = alpha + Interval95.Z * sigma;
    return new Interval95.Interval(low <= 0 ? values[0] : values[index(low)],
        high >= 1 ? values[size - 1] : values[index(high)]);
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
    if (weights == null) {
      return (size - lo) / (double) size;
    }
    double above = 0;
    for (int i = lo; i < size; i++) {
      above += weights[i];
    }
    return above / totalWeight;
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
