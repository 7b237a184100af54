package io.absmc.stats;

import java.io.Serializable;

/**
 * Running sums of a variable over paths, each with its likelihood-ratio weight w (1 for plain Monte
 * Carlo). {@link #mean()} is the unbiased importance-sampling estimator (1/N) sum w x, with
 * {@link #se()} its standard error; {@link #weightedMean()} the self-normalised mean sum w x / sum
 * w, for averages over a subset of paths (WAL over the paths that repaid). Without weights both are
 * the plain mean.
 *
 * <p>Within a block of paths the sums are plain doubles added in path order; {@link #endBlock()}
 * adds them to the run's {@link ExactSum}s. A run's figures are therefore fixed by its blocks alone:
 * the same on any number of threads, and when parts of a run made on different machines are
 * {@link #merge merged}. Not thread-safe.
 */
public final class Moments implements Serializable {

  private static final long serialVersionUID = 1L;

  private long count;
  /** Values added since the last {@link #endBlock()}. */
  private long open;
  // the open block's sums, in path order
  private double sumW;
  private double sumWx;
  private double sumWx2;
  private double sumW2x2;
  // the closed blocks' sums, exact
  private final ExactSum totalW = new ExactSum();
  private final ExactSum totalWx = new ExactSum();
  private final ExactSum totalWx2 = new ExactSum();
  private final ExactSum totalW2x2 = new ExactSum();

  public void add(double x) {
    add(x, 1);
  }

  public void add(double x, double w) {
    count++;
    open++;
    sumW += w;
    sumWx += w * x;
    sumWx2 += w * x * x;
    sumW2x2 += w * w * x * x;
  }

  /** Closes the block of paths added since the last call. */
  public void endBlock() {
    totalW.add(sumW);
    totalWx.add(sumWx);
    totalWx2.add(sumWx2);
    totalW2x2.add(sumW2x2);
    sumW = 0;
    sumWx = 0;
    sumWx2 = 0;
    sumW2x2 = 0;
    open = 0;
  }

  private void checkClosed() {
    if (open != 0) {
      throw new IllegalStateException("a block is still open: call endBlock() first");
    }
  }

  /** Adds the closed blocks of another accumulator (other paths). */
  public void merge(Moments other) {
    checkClosed();
    other.checkClosed();
    count += other.count;
    totalW.add(other.totalW);
    totalWx.add(other.totalWx);
    totalWx2.add(other.totalWx2);
    totalW2x2.add(other.totalW2x2);
  }

  public long count() {
    return count;
  }

  /** sum w x. */
  public double sum() {
    checkClosed();
    return totalWx.value();
  }

  /** (1/N) sum w x (NaN when empty). */
  public double mean() {
    checkClosed();
    return count == 0 ? Double.NaN : totalWx.value() / count;
  }

  /** sum w x / sum w (NaN when empty). */
  public double weightedMean() {
    checkClosed();
    return count == 0 ? Double.NaN : totalWx.value() / totalW.value();
  }

  /** Standard deviation of the variable itself (n - 1 without weights). */
  public double sd() {
    checkClosed();
    if (count < 2) {
      return Double.NaN;
    }
    double w = totalW.value();
    double m = weightedMean();
    double var = (totalWx2.value() - w * m * m) / (w * (count - 1) / count);
    return Math.sqrt(Math.max(0, var));
  }

  /** Standard error of {@link #mean()}: the spread of w x over the square root of N. */
  public double se() {
    checkClosed();
    if (count < 2) {
      return Double.NaN;
    }
    double m = totalWx.value() / count;
    return Math.sqrt(Math.max(0, (totalW2x2.value() - count * m * m) / (count - 1)) / count);
  }
}
