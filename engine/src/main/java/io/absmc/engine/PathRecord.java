package io.absmc.engine;

import io.absmc.resolve.ResolvedDeal;
import io.absmc.scenario.DealState;

/**
 * Everything one path produced, period by period (0-based), in RMB unless named otherwise. Pool
 * arrays are indexed by period; tranche arrays by {@code tranche * periods + period}. Filled by
 * {@link PathEngine#run}; reused across paths by one thread.
 */
public final class PathRecord {

  /** Past-due buckets: 1-30, 31-60, 61-90 and 91+ days. */
  public static final int PAST_DUE_BUCKETS = 4;

  public final int periods;
  public final int tranches;
  /** Each tranche's legal final period (0-based), where its loss is measured. */
  private final int[] legalFinalPeriod;

  // ---- pool, per period
  public final double[] poolOpening;
  public final double[] defaults;
  /** Defaulted balance less the recoveries expected on it. */
  public final double[] losses;
  public final double[] prepayments;
  /** Scheduled principal, including principal repaid at maturity. */
  public final double[] scheduledPrincipal;
  /** Interest collected on the loans. */
  public final double[] interest;
  public final double[] recoveries;
  /** Recoveries expected after the period on defaults to date (within the deal's life). */
  public final double[] recoveriesPending;
  /** Interest earned by cash in the plan's accounts. */
  public final double[] accountInterest;
  /** Principal of loans bought (revolving purchases). */
  public final double[] purchases;
  /** Cash paid for loans bought. */
  public final double[] purchaseCash;
  public final double[] poolClosing;
  /** Defaulted balance to date over the initial pool plus all purchases. */
  public final double[] cumulativeDefaultRate;
  /**
   * Past-due principal over the pool balance, by bucket (1-30, 31-60, 61-90, 91+ days) and period,
   * at {@code bucket * periods + period}.
   */
  public final double[] pastDue;
  /** Annualised excess spread of the period over the opening pool balance. */
  public final double[] excessSpread;
  public final double[] feesPaid;
  public final double[] guaranteeDraw;
  public final double[] residualPaid;
  public final double[] interestAccount;
  public final double[] principalAccount;
  public final double[] reserveAccount;
  /** Cash waterfall steps took from the reserve (its release on the final date not counted). */
  public final double[] reserveDrawn;
  /** Cash paid for loans bought at collection during the period (before the waterfall). */
  public final double[] collectionPurchaseCash;
  /** Principal cash the reinvest step may spend (not offered at collection, and recoveries). */
  public final double[] reinvestable;
  /** Performing pool after the period's collections, before the waterfall's purchases. */
  public final double[] poolBeforeWaterfall;
  /** Cash the waterfall's reinvest step spent. */
  public final double[] stepPurchaseCash;
  /** Bit k set when trigger k is breached in the period. */
  public final int[] triggerMask;
  public final DealState[] dealState;

  /** Most cohorts alive at the start of a period (a measure of the engine's work per period). */
  public int peakCohorts;
  /**
   * Cash collected from the cut-off date to closing when it reaches the plan at closing (it earns
   * account interest from then); 0 otherwise. Part of period 1's collections.
   */
  public double collectedByClosing;

  // ---- tranches, per tranche and period
  public final double[] trancheOpening;
  public final double[] interestDue;
  public final double[] interestPaid;
  public final double[] principalPaid;
  /** Interest due and unpaid at the end of the period (carried forward). */
  public final double[] interestShortfall;
  /** Guarantor's payment to the tranche (included in interest and principal paid). */
  public final double[] trancheGuaranteeDraw;
  /** Paid to the residual class beyond its principal. */
  public final double[] trancheResidualPaid;
  public final double[] trancheClosing;

  public PathRecord(ResolvedDeal deal) {
    periods = deal.periods;
    tranches = deal.tranches;
    legalFinalPeriod = deal.legalFinalPeriod.clone();
    int p = periods;
    poolOpening = new double[p];
    defaults = new double[p];
    losses = new double[p];
    prepayments = new double[p];
    scheduledPrincipal = new double[p];
    interest = new double[p];
    recoveries = new double[p];
    recoveriesPending = new double[p];
    accountInterest = new double[p];
    purchases = new double[p];
    purchaseCash = new double[p];
    poolClosing = new double[p];
    cumulativeDefaultRate = new double[p];
    pastDue = new double[PAST_DUE_BUCKETS * p];
    excessSpread = new double[p];
    feesPaid = new double[p];
    guaranteeDraw = new double[p];
    residualPaid = new double[p];
    interestAccount = new double[p];
    principalAccount = new double[p];
    reserveAccount = new double[p];
    reserveDrawn = new double[p];
    collectionPurchaseCash = new double[p];
    reinvestable = new double[p];
    poolBeforeWaterfall = new double[p];
    stepPurchaseCash = new double[p];
    triggerMask = new int[p];
    dealState = new DealState[p];
    int tp = tranches * p;
    trancheOpening = new double[tp];
    interestDue = new double[tp];
    interestPaid = new double[tp];
    principalPaid = new double[tp];
    interestShortfall = new double[tp];
    trancheGuaranteeDraw = new double[tp];
    trancheResidualPaid = new double[tp];
    trancheClosing = new double[tp];
  }

  /**
   * Principal at least {@code minDays} (0, 30, 60 or 90) days past due at the end of period p and
   * not charged off, over the pool balance.
   */
  public double delinquency(int p, int minDays) {
    if (minDays % 30 != 0 || minDays < 0 || minDays > 90) {
      throw new IllegalArgumentException("delinquency is measured from 0, 30, 60 or 90 days");
    }
    double sum = 0;
    for (int b = minDays / 30; b < PAST_DUE_BUCKETS; b++) {
      sum += pastDue[b * periods + p];
    }
    return sum;
  }

  /** Index of a tranche's value in a period. */
  public int at(int tranche, int period) {
    return tranche * periods + period;
  }

  /** Everything a tranche received over the life of the path. */
  public double totalReceived(int tranche) {
    double sum = 0;
    for (int p = 0; p < periods; p++) {
      int k = at(tranche, p);
      sum += interestPaid[k] + principalPaid[k] + trancheResidualPaid[k];
    }
    return sum;
  }

  /** Principal still outstanding after the tranche's legal final date. */
  public double principalLoss(int tranche) {
    return trancheClosing[at(tranche, legalFinalPeriod[tranche])];
  }

  /** Interest due and unpaid after the tranche's legal final date. */
  public double interestLoss(int tranche) {
    return interestShortfall[at(tranche, legalFinalPeriod[tranche])];
  }

  /** Total guarantee draws of the path. */
  public double totalGuaranteeDraw() {
    double sum = 0;
    for (double g : guaranteeDraw) {
      sum += g;
    }
    return sum;
  }
}
