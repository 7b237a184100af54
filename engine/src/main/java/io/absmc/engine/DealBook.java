package io.absmc.engine;

import io.absmc.resolve.ResolvedDeal;
import io.absmc.scenario.DealState;
import java.util.Arrays;

/**
 * The deal side of one path: tranche balances and what they are owed, fees owed, the plan's cash
 * accounts, the guarantee used, and trigger states. Reused across paths by one thread.
 */
final class DealBook {

  final double[] balance;
  /** Interest unpaid from earlier periods (no interest on interest). */
  final double[] interestCarried;
  final double[] interestDue;
  final double[] interestPaid;
  final double[] principalPaid;
  final double[] guaranteeDraw;
  final double[] residualPaid;

  final double[] feeCarried;
  final double[] feeDue;
  final double[] feePaid;

  double interestAccount;
  double principalAccount;
  double reserveAccount;
  /** Whether the reserve was released on the final payment date (no more funding or trapping). */
  boolean reserveClosed;
  double guaranteeUsed;
  /** Cash that the reinvest step may spend this period (principal not offered at collection, recoveries). */
  double reinvestable;
  /** Cash spent by the reinvest step this period. */
  double reinvestedCash;
  /** Cash steps took from the reserve this period (not counting its release). */
  double reserveDrawn;

  final boolean[] triggerOn;
  final double[] excessSpreadHistory;
  DealState state;

  private final ResolvedDeal deal;

  DealBook(ResolvedDeal deal) {
    this.deal = deal;
    int t = deal.tranches;
    balance = new double[t];
    interestCarried = new double[t];
    interestDue = new double[t];
    interestPaid = new double[t];
    principalPaid = new double[t];
    guaranteeDraw = new double[t];
    residualPaid = new double[t];
    feeCarried = new double[deal.fees];
    feeDue = new double[deal.fees];
    feePaid = new double[deal.fees];
    triggerOn = new boolean[deal.triggers];
    excessSpreadHistory = new double[deal.periods];
  }

  void reset() {
    System.arraycopy(deal.trancheAmount, 0, balance, 0, balance.length);
    Arrays.fill(interestCarried, 0);
    Arrays.fill(feeCarried, 0);
    interestAccount = 0;
    principalAccount = 0;
    reserveAccount = deal.reserveInitial;
    reserveClosed = false;
    guaranteeUsed = 0;
    Arrays.fill(triggerOn, false);
    state = deal.revolvingLastPeriod >= 0 ? DealState.REVOLVING : DealState.AMORTISING;
  }

  /** Takes over another book's state (same deal). */
  void copyFrom(DealBook o) {
    for (double[][] pair : new double[][][] {{o.balance, balance}, {o.interestCarried, interestCarried},
        {o.interestDue, interestDue}, {o.interestPaid, interestPaid}, {o.principalPaid, principalPaid},
        {o.guaranteeDraw, guaranteeDraw}, {o.residualPaid, residualPaid}, {o.feeCarried, feeCarried},
        {o.feeDue, feeDue}, {o.feePaid, feePaid}, {o.excessSpreadHistory, excessSpreadHistory}}) {
      System.arraycopy(pair[0], 0, pair[1], 0, pair[0].length);
    }
    System.arraycopy(o.triggerOn, 0, triggerOn, 0, triggerOn.length);
    interestAccount = o.interestAccount;
    principalAccount = o.principalAccount;
    reserveAccount = o.reserveAccount;
    reserveClosed = o.reserveClosed;
    guaranteeUsed = o.guaranteeUsed;
    reinvestable = o.reinvestable;
    reinvestedCash = o.reinvestedCash;
    reserveDrawn = o.reserveDrawn;
    state = o.state;
  }

  /** Total cash in the plan's accounts. */
  double cash() {
    return interestAccount + principalAccount + reserveAccount;
  }

  /** Sum of tranche balances. */
  double notesOutstanding() {
    double sum = 0;
    for (double b : balance) {
      sum += b;
    }
    return sum;
  }

  /**
   * Accrues interest and fees of period {@code p} on the opening balances; returns the coupons
   * and fees accrued this period (for excess spread).
   */
  double accrue(int p, double poolOpening) {
    double accrual = deal.accrualFraction[p];
    double accrued = 0;
    for (int t = 0; t < balance.length; t++) {
      double coupon = balance[t] * deal.coupon[t] * accrual;
      accrued += coupon;
      interestDue[t] = coupon + interestCarried[t];
      interestPaid[t] = 0;
      principalPaid[t] = 0;
      guaranteeDraw[t] = 0;
      residualPaid[t] = 0;
    }
    double notes = notesOutstanding();
    for (int f = 0; f < feeDue.length; f++) {
      double basis = switch (deal.feeBasis[f]) {
        case PLAN_SIZE -> deal.planSize;
        case NOTES_OUTSTANDING -> notes;
        case POOL_BALANCE -> poolOpening;
      };
      double fee = (deal.feeAnnualRate[f] * basis + deal.feeAnnualAmount[f]) * accrual;
      accrued += fee;
      feeDue[f] = fee + feeCarried[f];
      feePaid[f] = 0;
    }
    reinvestedCash = 0;
    reserveDrawn = 0;
    return accrued;
  }

  /** Carries what stayed unpaid into the next period. */
  void carryForward() {
    for (int t = 0; t < balance.length; t++) {
      interestCarried[t] = interestDue[t] - interestPaid[t];
    }
    for (int f = 0; f < feeDue.length; f++) {
      feeCarried[f] = feeDue[f] - feePaid[f];
    }
  }
}
