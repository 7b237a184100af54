package io.absmc.stats;

import java.io.Serializable;

/**
 * Running sums of a variable over paths, each with its likelihood-ratio weight w (1 for plain Monte
 * Carlo). {@link #mean()} is the self-normalised estimator sum w x / sum w, which for an indicator
 * is a probability in [0, 1] whatever the weights, and {@link #se()} its standard error by the
 * delta method (Owen, "Monte Carlo theory, methods and examples", 2013, section 9.2):
 *
 * <pre>se^2 = N / (N - 1) * sum w^2 (x - mean)^2 / (sum w)^2,</pre>
 *
 * which without weights is the plain standard error s / sqrt(N).
 *
 * <p>Within a block of paths the sums are plain doubles added in path order; {@link #endBlock()}
 * adds them to the run's {@link ExactSum}s. A run's figures are therefore fixed by its blocks alone:
 * the same on any number of threads, and when parts of a run made on different machines are
 * {@link #merge merged}. Not thread-safe.
 */
public final class Moments implements Serializable {

  private static final long serialVersionUID = 2L;

  private long count;
  /** Values added since the last {@link #endBlock()}. */
  private long open;
  // the open block's sums, in path order
  private double sumW;
  private double sumWx;
  private double sumWx2;
  private double sumW2;
  private double sumW2x;
  private double sumW2x2;
  // the closed blocks' sums, exact
  private final ExactSum totalW = new ExactSum();
  private final ExactSum totalWx = new ExactSum();
  private final ExactSum totalWx2 = new ExactSum();
  private final ExactSum totalW2 = new ExactSum();
  private final ExactSum totalW2x = new ExactSum();
  private final ExactSum totalW2x2 = new ExactSum();

  public void add(double x) {
    add(x, 1);
  }

  public void add(double x, double w) {
    count++;
    open++;
    double wx = w * x;
    sumW += w;
    sumWx += wx;
    sumWx2 += wx * x;
    sumW2 += w * w;
    sumW2x += w * wx;
    sumW2x2 += wx * wx;
  }

  /** Closes the block of paths added since the last call. */
  public void endBlock() {
    totalW.add(sumW);
    totalWx.add(sumWx);
    totalWx2.add(sumWx2);
    totalW2.add(sumW2);
    totalW2x.add(sumW2x);
    totalW2x2.add(sumW2x2);
    sumW = 0;
    sumWx = 0;
    sumWx2 = 0;
    sumW2 = 0;
    sumW2x = 0;
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
    totalW2.add(other.totalW2);
    totalW2x.add(other.totalW2x);
    totalW2x2.add(other.totalW2x2);
  }

  /** Number of values added. */
  public long count() {
    return count;
  }

  /** sum w: with every path added, the estimate of N (it is N without weights). */
  public double weight() {
    checkClosed();
    return totalW.value();
  }

  /**
   * Kish's effective sample size (sum w)^2 / sum w^2: the number of unweighted paths that would
   * estimate a mean as precisely, for a variable the weights do not favour (count without weights).
   */
  public double effectiveCount() {
    checkClosed();
    double w = totalW.value();
    return count == 0 ? 0 : w * w / totalW2.value();
  }

  /** sum w x / sum w (NaN when empty). */
  public double mean() {
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
    double m = mean();
    double var = (totalWx2.value() - w * m * m) / (w * (count - 1) / count);
    return Math.sqrt(Math.max(0, var));
  }

  /** Standard error of {@link #mean()} (NaN below two values). */
  public double se() {
    checkClosed();
    if (count < 2) {
      return Double.NaN;
    }
    double w = totalW.value();
    double m = totalWx.value() / w;
    double spread = totalW2x2.value() - 2 * m * totalW2x.value() + m * m * totalW2.value();
    return Math.sqrt(Math.max(0, spread) * count / (count - 1)) / w;
  }
}
