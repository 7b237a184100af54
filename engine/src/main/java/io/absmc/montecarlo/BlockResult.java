package io.absmc.montecarlo;

import io.absmc.engine.Irr;
import io.absmc.engine.PathRecord;
import io.absmc.resolve.ResolvedDeal;
import io.absmc.scenario.DealState;

/**
 * What the paths of one block produced: per path and tranche, per path for the pool, and the
 * per-period balances the cash-flow statistics need. Arrays are tranche-major ({@code t * paths +
 * i}) or period-major ({@code p * paths + i}). Filled by one worker; read by the statistics and
 * writers in block order.
 */
public final class BlockResult {

  /** A loss smaller than this share of a tranche's balance (a cent on 100m) counts as none. */
  public static final double LOSS_TOLERANCE = 1e-10;

  /** Index of the block; its first path is {@code block * BLOCK_SIZE}. */
  public final long block;
  /**
   * The share of paths drawn without importance-sampling shift (1 for plain Monte Carlo): a path's
   * weight is at most its inverse.
   */
  public final double defensiveShare;
  public final int paths;
  public final int tranches;
  public final int periods;
  public final int triggers;

  // ---- per tranche and path
  /** Principal unpaid after the tranche's legal final date, RMB. */
  public final double[] principalLoss;
  /** Interest due and unpaid after the tranche's legal final date, RMB. */
  public final double[] interestShortfall;
  /** (principal loss + interest shortfall) / original balance. */
  public final double[] lossFraction;
  /** The shortfall discounted at the tranche's coupon from its legal final date, over original balance. */
  public final double[] pvLossFraction;
  /** WAL of the principal repaid, years (NaN when none). */
  public final double[] walYears;
  /** Annual IRR of the cash flows against the amount paid in (-1 when nothing came back). */
  public final double[] irr;
  /** Years to the first payment date with a shortfall that lasted to legal final (NaN: no loss). */
  public final double[] firstLossYears;
  /** The guarantor's payments to the tranche, RMB. */
  public final double[] trancheGuaranteeDraw;

  // ---- per path
  /** Likelihood ratio of the path (1 without importance sampling). */
  public final double[] weight;
  public final double[] poolDefaultRate;
  public final double[] poolLossRate;
  public final double[] poolPrepaymentRate;
  public final double[] guaranteeDraw;
  /** First period (1-based) in which any trigger was breached; 0 when none. */
  public final int[] triggerPeriod;
  /** First period (1-based) trigger k was breached, at {@code k * paths + i}; 0 when never. */
  public final int[] triggerBreachPeriod;
  /** Whether the deal stopped revolving before its revolving period ended. */
  public final boolean[] revolvingEndedEarly;

  // ---- per period and path
  /** Tranche balance after each period, at {@code (t * periods + p) * paths + i}. */
  public final float[] trancheBalance;
  /** Pool balance after each period, at {@code p * paths + i}. */
  public final float[] poolBalance;
  /** Collections of each period (interest, principal, recoveries), at {@code p * paths + i}. */
  public final float[] collections;
  /** Defaults of each period, at {@code p * paths + i}. */
  public final float[] defaults;
  /**
   * Past-due principal at each period's end, by bucket (1-30, 31-60, 61-90, 91+ days), at {@code
   * (bucket * periods + p) * paths + i}.
   */
  public final float[] pastDue;
  /** Share of the pool 30+ days past due at each period's end, at {@code p * paths + i}. */
  public final float[] delinquency30;
  /** Interest paid to each tranche in each period, at {@code (t * periods + p) * paths + i}. */
  public final float[] interestPaid;
  /** Principal paid to each tranche in each period, likewise. */
  public final float[] principalPaid;

  BlockResult(long block, int paths, ResolvedDeal deal, double defensiveShare) {
    this.block = block;
    this.defensiveShare = defensiveShare;
    this.paths = paths;
    this.tranches = deal.tranches;
    this.periods = deal.periods;
    this.triggers = deal.triggers;
    int tp = tranches * paths;
    principalLoss = new double[tp];
    interestShortfall = new double[tp];
    lossFraction = new double[tp];
    pvLossFraction = new double[tp];
    walYears = new double[tp];
    irr = new double[tp];
    firstLossYears = new double[tp];
    trancheGuaranteeDraw = new double[tp];
    weight = new double[paths];
    poolDefaultRate = new double[paths];
    poolLossRate = new double[paths];
    poolPrepaymentRate = new double[paths];
    guaranteeDraw = new double[paths];
    triggerPeriod = new int[paths];
    triggerBreachPeriod = new int[triggers * paths];
    revolvingEndedEarly = new boolean[paths];
    trancheBalance = new float[tranches * periods * paths];
    poolBalance = new float[periods * paths];
    collections = new float[periods * paths];
    defaults = new float[periods * paths];
    pastDue = new float[PathRecord.PAST_DUE_BUCKETS * periods * paths];
    delinquency30 = new float[periods * paths];
    interestPaid = new float[tranches * periods * paths];
    principalPaid = new float[tranches * periods * paths];
  }

  /** Index of tranche t's value for path i of the block. */
  public int at(int t, int i) {
    return t * paths + i;
  }

  /** Records path {@code i} of the block from its path record. */
  void record(int i, ResolvedDeal deal, PathRecord r, Irr irrSolver, double pathWeight) {
    weight[i] = pathWeight;
    double purchases = 0;
    double losses = 0;
    double prepayments = 0;
    int firstTrigger = 0;
    boolean endedEarly = false;
    for (int p = 0; p < periods; p++) {
      purchases += r.purchases[p];
      losses += r.losses[p];
      prepayments += r.prepayments[p];
      poolBalance[p * paths + i] = (float) r.poolClosing[p];
      collections[p * paths + i] = (float) (r.interest[p] + r.prepayments[p]
          + r.scheduledPrincipal[p] + r.recoveries[p]);
      defaults[p * paths + i] = (float) r.defaults[p];
      for (int b = 0; b < PathRecord.PAST_DUE_BUCKETS; b++) {
        pastDue[(b * periods + p) * paths + i] =
            (float) (r.pastDue[b * periods + p] * r.poolBeforeWaterfall[p]);
      }
      delinquency30[p * paths + i] = (float) r.delinquency(p, 30);
      if (r.triggerMask[p] != 0 && firstTrigger == 0) {
        firstTrigger = p + 1;
      }
      if (p <= deal.revolvingLastPeriod && r.dealState[p] != DealState.REVOLVING) {
        endedEarly = true;
      }
    }
    for (int k = 0; k < triggers; k++) {
      int first = 0;
      for (int p = 0; p < periods && first == 0; p++) {
        if ((r.triggerMask[p] & (1 << k)) != 0) {
          first = p + 1;
        }
      }
      triggerBreachPeriod[k * paths + i] = first;
    }
    double exposure = deal.initialPoolBalance + purchases;
    poolDefaultRate[i] = r.cumulativeDefaultRate[periods - 1];
    poolLossRate[i] = losses / exposure;
    poolPrepaymentRate[i] = prepayments / exposure;
    guaranteeDraw[i] = r.totalGuaranteeDraw();
    triggerPeriod[i] = firstTrigger;
    revolvingEndedEarly[i] = endedEarly;

    for (int t = 0; t < tranches; t++) {
      int k = at(t, i);
      double amount = deal.trancheAmount[t];
      principalLoss[k] = r.principalLoss(t);
      interestShortfall[k] = r.interestLoss(t);
      double shortfall = principalLoss[k] + interestShortfall[k];
      lossFraction[k] = lossFraction(deal, r, t);
      pvLossFraction[k] = lossFraction[k] * discount(deal, t);
      double guaranteed = 0;
      for (int p = 0; p < periods; p++) {
        guaranteed += r.trancheGuaranteeDraw[r.at(t, p)];
        int tp = (t * periods + p) * paths + i;
        trancheBalance[tp] = (float) r.trancheClosing[r.at(t, p)];
        interestPaid[tp] = (float) r.interestPaid[r.at(t, p)];
        principalPaid[tp] = (float) r.principalPaid[r.at(t, p)];
      }
      walYears[k] = walYears(deal, r, t);
      trancheGuaranteeDraw[k] = guaranteed;
      irr[k] = irrSolver.solve(deal, r, t);
      firstLossYears[k] = shortfall > LOSS_TOLERANCE * amount
          ? firstLossYears(deal, r, t) : Double.NaN;
    }
  }

  /** Tranche t's shortfall (principal and interest unpaid after its legal final) over its balance. */
  public static double lossFraction(ResolvedDeal deal, PathRecord r, int t) {
    return (r.principalLoss(t) + r.interestLoss(t)) / deal.trancheAmount[t];
  }

  /** The factor that discounts tranche t's shortfall at its coupon from its legal final date. */
  public static double discount(ResolvedDeal deal, int t) {
    return 1 / Math.pow(1 + deal.coupon[t], deal.yearsToPayment[deal.legalFinalPeriod[t]]);
  }

  /** WAL in years of the principal tranche t was repaid (NaN when none was). */
  public static double walYears(ResolvedDeal deal, PathRecord r, int t) {
    double principal = 0;
    double weighted = 0;
    for (int p = 0; p < deal.periods; p++) {
      double paid = r.principalPaid[r.at(t, p)];
      principal += paid;
      weighted += paid * deal.yearsToPayment[p];
    }
    return principal > 0 ? weighted / principal : Double.NaN;
  }

  /**
   * The first payment date from which the tranche was short of what had fallen due (unpaid
   * interest on a date its state's waterfall pays its interest, or overdue principal) without
   * catching up before its legal final date.
   */
  private static double firstLossYears(ResolvedDeal deal, PathRecord r, int t) {
    int first = deal.legalFinalPeriod[t];
    for (int p = deal.legalFinalPeriod[t]; p >= 0; p--) {
      int k = r.at(t, p);
      boolean interestShort = r.interestShortfall[k] > 0.005
          && deal.paysInterest[r.dealState[p].ordinal() * deal.tranches + t];
      boolean principalShort = r.trancheClosing[k] > deal.dueBalance[t * deal.periods + p] + 0.005;
      if (interestShort || principalShort) {
        first = p;
      } else {
        break;
      }
    }
    return deal.yearsToPayment[first];
  }
}
