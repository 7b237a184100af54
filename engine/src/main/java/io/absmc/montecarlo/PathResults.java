package io.absmc.montecarlo;

import io.absmc.engine.PathRecord;
import io.absmc.resolve.ResolvedDeal;

/**
 * What each path of a run produced, in path order (flat arrays, tranche-major where per tranche):
 * the numbers the statistics and outputs are made of.
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

  PathResults(int paths, int tranches) {
    this.paths = paths;
    this.tranches = tranches;
    lossFraction = new double[paths * tranches];
    walYears = new double[paths * tranches];
    poolDefaultRate = new double[paths];
    poolLossRate = new double[paths];
    poolPrepaymentRate = new double[paths];
    guaranteeDraw = new double[paths];
  }

  /** Index of a tranche's value for a path. */
  public int at(int tranche, int path) {
    return tranche * paths + path;
  }

  /** Records path {@code i} from its path record. */
  void record(int i, ResolvedDeal deal, PathRecord r) {
    double purchases = 0;
    double losses = 0;
    double prepayments = 0;
    for (int p = 0; p < r.periods; p++) {
      purchases += r.purchases[p];
      losses += r.losses[p];
      prepayments += r.prepayments[p];
    }
    double exposure = deal.initialPoolBalance + purchases;
    poolDefaultRate[i] = r.cumulativeDefaultRate[r.periods - 1];
    poolLossRate[i] = losses / exposure;
    poolPrepaymentRate[i] = prepayments / exposure;
    guaranteeDraw[i] = r.totalGuaranteeDraw();
    for (int t = 0; t < tranches; t++) {
      lossFraction[at(t, i)] = (r.principalLoss(t) + r.interestLoss(t)) / deal.trancheAmount[t];
      double principal = 0;
      double weighted = 0;
      for (int p = 0; p < r.periods; p++) {
        double paid = r.principalPaid[r.at(t, p)];
        principal += paid;
        weighted += paid * deal.yearsToPayment[p];
      }
      walYears[at(t, i)] = principal > 0 ? weighted / principal : Double.NaN;
    }
  }

  /** Copies a block's results into place (paths {@code from ..}). */
  void copyFrom(PathResults block, int from) {
    for (int t = 0; t < tranches; t++) {
      System.arraycopy(block.lossFraction, t * block.paths, lossFraction, t * paths + from, block.paths);
      System.arraycopy(block.walYears, t * block.paths, walYears, t * paths + from, block.paths);
    }
    System.arraycopy(block.poolDefaultRate, 0, poolDefaultRate, from, block.paths);
    System.arraycopy(block.poolLossRate, 0, poolLossRate, from, block.paths);
    System.arraycopy(block.poolPrepaymentRate, 0, poolPrepaymentRate, from, block.paths);
    System.arraycopy(block.guaranteeDraw, 0, guaranteeDraw, from, block.paths);
  }
}
