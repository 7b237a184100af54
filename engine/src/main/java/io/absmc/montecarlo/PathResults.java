package io.absmc.montecarlo;


/**
 * Every path of a run kept in memory, in path order (flat arrays, tranche-major where per
 * tranche): for tests and small runs. Large runs stream blocks to statistics and writers instead.
 */
public final class PathResults {

  public final int paths;
  public final int tranches;
  /** Shortfall against promised (unpaid principal and interest at legal final) over original balance. */
  public final double[] lossFraction;
  /** Weighted average life of principal repaid, years (NaN when none was repaid). */
  public final double[] walYears;
  /** Pool cumulative default rate at the legal final date. */
  public final double[] poolDefaultRate;
  /** Pool losses (defaults less their recoveries) over the initial pool plus purchases. */
  public final double[] poolLossRate;
  /** Pool prepayments over the initial pool plus purchases. */
  public final double[] poolPrepaymentRate;
  /** Guarantor's payments over the life of the path, RMB. */
  public final double[] guaranteeDraw;
  /** Likelihood ratio of each path (1 without importance sampling). */
  public final double[] weight;

  PathResults(int paths, int tranches) {
    this.paths = paths;
    this.tranches = tranches;
    lossFraction = new double[paths * tranches];
    walYears = new double[paths * tranches];
    poolDefaultRate = new double[paths];
    poolLossRate = new double[paths];
    poolPrepaymentRate = new double[paths];
    guaranteeDraw = new double[paths];
    weight = new double[paths];
  }

  /** Index of a tranche's value for a path. */
  public int at(int tranche, int path) {
    return tranche * paths + path;
  }

  private int filled;

  /** Appends a block's paths (blocks arrive in order). */
  void add(BlockResult block) {
    int from = filled;
    for (int t = 0; t < tranches; t++) {
      System.arraycopy(block.lossFraction, t * block.paths, lossFraction, t * paths + from, block.paths);
      System.arraycopy(block.walYears, t * block.paths, walYears, t * paths + from, block.paths);
    }
    System.arraycopy(block.poolDefaultRate, 0, poolDefaultRate, from, block.paths);
    System.arraycopy(block.poolLossRate, 0, poolLossRate, from, block.paths);
    System.arraycopy(block.poolPrepaymentRate, 0, poolPrepaymentRate, from, block.paths);
    System.arraycopy(block.guaranteeDraw, 0, guaranteeDraw, from, block.paths);
    System.arraycopy(block.weight, 0, weight, from, block.paths);
    filled += block.paths;
  }
}
