package io.absmc.stats;

/**
 * Running sums of a variable over paths, each with its likelihood-ratio weight w (1 for plain Monte
 * Carlo), added in path order so that a run's figures do not depend on threads; mergeable in block
 * order. {@link #mean()} is the unbiased importance-sampling estimator (1/N) sum w x, with
 * {@link #se()} its standard error; {@link #weightedMean()} the self-normalised mean sum w x / sum
 * w, for averages over a subset of paths (WAL over the paths that repaid). Without weights both are
 * the plain mean. Not thread-safe.
 */
public final class Moments {

  private long count;
  private double sumW;
  private double sumWx;
  private double sumWx2;
  private double sumW2x2;

  public void add(double x) {
    add(x, 1);
  }

  public void add(double x, double w) {
    count++;
    sumW += w;
    sumWx += w * x;
    sumWx2 += w * x * x;
    sumW2x2 += w * w * x * x;
  }

  /** Adds another accumulator (the later paths). */
  public void merge(Moments other) {
    count += other.count;
    sumW += other.sumW;
    sumWx += other.sumWx;
    sumWx2 += other.sumWx2;
    sumW2x2 += other.sumW2x2;
  }

  public long count() {
    return count;
  }

  /** (1/N) sum w x (NaN when empty). */
  public double mean() {
    return count == 0 ? Double.NaN : sumWx / count;
  }

  /** sum w x / sum w (NaN when empty). */
  public double weightedMean() {
    return count == 0 ? Double.NaN : sumWx / sumW;
  }

  /** Standard deviation of the variable itself (n - 1 without weights). */
  public double sd() {
    if (count < 2) {
      return Double.NaN;
    }
    double m = weightedMean();
    double var = (sumWx2 - sumW * m * m) / (sumW * (count - 1) / count);
    return Math.sqrt(Math.max(0, var));
  }

  /** Standard error of {@link #mean()}: the spread of w x over the square root of N. */
  public double se() {
    if (count < 2) {
      return Double.NaN;
    }
    double m = sumWx / count;
    return Math.sqrt(Math.max(0, (sumW2x2 - count * m * m) / (count - 1)) / count);
  }
}
