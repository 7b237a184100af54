package io.absmc.stats;

/**
 * Running sums of a variable (count, sum, sum of squares), added in path order so that a run's
 * figures do not depend on threads; mergeable in block order. Not thread-safe.
 */
public final class Moments {

  private long count;
  private double sum;
  private double sumSq;

  public void add(double x) {
    count++;
    sum += x;
    sumSq += x * x;
  }

  /** Adds another accumulator (the later paths). */
  public void merge(Moments other) {
    count += other.count;
    sum += other.sum;
    sumSq += other.sumSq;
  }

  public long count() {
    return count;
  }

  /** Mean (NaN when empty). */
  public double mean() {
    return count == 0 ? Double.NaN : sum / count;
  }

  /** Sample standard deviation (n - 1). */
  public double sd() {
    if (count < 2) {
      return Double.NaN;
    }
    double m = sum / count;
    return Math.sqrt(Math.max(0, (sumSq - count * m * m) / (count - 1)));
  }

  /** Standard error of the mean. */
  public double se() {
    return count < 2 ? Double.NaN : sd() / Math.sqrt(count);
  }
}
