package io.absmc.stats;

import io.absmc.montecarlo.BlockResult;
import io.absmc.resolve.ResolvedDeal;
import java.io.Serializable;

/**
 * A tranche's losses over a run's paths, with what it takes to state them honestly: PD, EL and EL
 * (PV) with their standard errors and {@link Interval95} intervals, the mean WAL, and the number
 * of paths that lost. Weighted paths (importance sampling) give self-normalised estimates; the
 * blocks' defensive share bounds the weights for the no-loss interval. Block by block and
 * mergeable like {@link Moments}; used by the run statistics and by sizing, which keeps one per
 * candidate size. Not thread-safe.
 */
public final class TrancheLosses implements Serializable {

  private static final long serialVersionUID = 1L;

  private final double maxLoss;
  private final Moments loss = new Moments();
  private final Moments pvLoss = new Moments();
  private final Proportion defaulted = new Proportion();
  private final Moments wal = new Moments();

  /** @param maxLoss the largest loss fraction a path can have ({@link #maxLoss(ResolvedDeal, int)}) */
  public TrancheLosses(double maxLoss) {
    this.maxLoss = maxLoss;
  }

  /**
   * The largest loss fraction tranche t can have: all its principal and all the interest promised
   * to its legal final date, 1 + coupon x the day-count years to it.
   */
  public static double maxLoss(ResolvedDeal deal, int t) {
    double years = 0;
    for (int p = 0; p <= deal.legalFinalPeriod[t]; p++) {
      years += deal.accrualFraction[p];
    }
    return 1 + deal.coupon[t] * years;
  }

  /**
   * Adds a path.
   *
   * @param lossFraction shortfall over original balance
   * @param pvLossFraction the same discounted at the coupon from the legal final date
   * @param walYears WAL of the principal repaid (NaN when none was)
   * @param w the path's likelihood ratio
   */
  public void add(double lossFraction, double pvLossFraction, double walYears, double w) {
    boolean lost = lossFraction > BlockResult.LOSS_TOLERANCE;
    loss.add(lossFraction, w);
    pvLoss.add(pvLossFraction, w);
    defaulted.add(lost, w);
    if (!Double.isNaN(walYears)) {
      wal.add(walYears, w);
    }
  }

  /** Closes the paths added since the last call, drawn with this defensive share. */
  public void endBlock(double blockDefensiveShare) {
    loss.endBlock();
    pvLoss.endBlock();
    defaulted.endBlock(blockDefensiveShare);
    wal.endBlock();
  }

  /** Adds the closed blocks of the paths after these. */
  public void merge(TrancheLosses later) {
    loss.merge(later.loss);
    pvLoss.merge(later.pvLoss);
    defaulted.merge(later.defaulted);
    wal.merge(later.wal);
  }

  public long paths() {
    return loss.count();
  }

  public long losingPaths() {
    return defaulted.events();
  }

  public double pd() {
    return defaulted.estimate();
  }

  public double pdSe() {
    return defaulted.se();
  }

  public Interval95.Interval pdInterval() {
    return defaulted.interval();
  }

  public double el() {
    return loss.mean();
  }

  public double elSe() {
    return loss.se();
  }

  public Interval95.Interval elInterval() {
    return Interval95.expectedLoss(el(), elSe(), losingPaths(), pdInterval(), maxLoss);
  }

  public double elPv() {
    return pvLoss.mean();
  }

  public double elPvSe() {
    return pvLoss.se();
  }

  public Interval95.Interval elPvInterval() {
    return Interval95.expectedLoss(elPv(), elPvSe(), losingPaths(), pdInterval(), maxLoss);
  }

  /** Standard deviation of the loss. */
  public double lossSd() {
    return loss.sd();
  }

  /** Mean WAL of the principal repaid, over the paths that repaid any. */
  public double walYears() {
    return wal.mean();
  }

  public double walSd() {
    return wal.sd();
  }
}
