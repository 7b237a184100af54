package io.absmc.engine;

import io.absmc.resolve.ResolvedDeal;
import io.absmc.scenario.DealState;
import io.absmc.scenario.TriggerEffect;

/**
 * Runs one path of a deal: the pool and the waterfall step together, one period at a time. Each
 * period: the driver starts the period; every cohort defaults, prepays and pays (buying new loans
 * at collection while revolving); recoveries arrive; the accounts earn interest and receive the
 * collections; triggers are checked and set the deal state; the state's waterfall runs; everything
 * is written to the {@link PathRecord}.
 *
 * <p>An instance holds the reusable per-path state (flat arrays): create one per thread and call
 * {@link #run} for each path. The per-period loop allocates nothing.
 */
public final class PathEngine {

  private final ResolvedDeal deal;
  private final CohortPool pool;
  private final DealBook book;
  private final WaterfallRunner waterfall;

  public PathEngine(ResolvedDeal deal) {
    this.deal = deal;
    this.pool = new CohortPool(deal);
    this.book = new DealBook(deal);
    this.waterfall = new WaterfallRunner(deal, book, pool);
  }

  public ResolvedDeal deal() {
    return deal;
  }

  /** Runs one path with the given driver, overwriting {@code out}. */
  public void run(PerformanceDriver driver, PathRecord out) {
    pool.reset(driver.wholeLoans());
    book.reset();
    driver.beginPath();
    double poolBalance = deal.initialPoolBalance;
    out.peakCohorts = 0;
    for (int p = 0; p < deal.periods; p++) {
      driver.beginPeriod(p);
      double opening = poolBalance;
      double days = deal.periodEndDay[p] - deal.periodStartDay[p];
      double accountInterest = book.cash() * deal.accountRate * days / 365.0;

      boolean revolvingNow = book.state == DealState.REVOLVING && p <= deal.revolvingLastPeriod;
      pool.compact();
      out.peakCohorts = Math.max(out.peakCohorts, pool.cohorts());
      pool.step(p, driver, revolvingNow && deal.reinvestAtCollection);
      poolBalance = pool.balance();

      book.interestAccount += pool.interest + accountInterest;
      book.principalAccount += pool.prepayments + pool.scheduledPrincipal + pool.recoveries
          - pool.purchaseCash;
      book.reinvestable = pool.principalNotOffered + pool.recoveries;
      double accrued = book.accrue(p, opening);

      // metrics, triggers and the state of this payment date
      double excessSpread = opening > 0
          ? (pool.interest + accountInterest - accrued) / opening * (365.0 / days) : 0;
      book.excessSpreadHistory[p] = excessSpread;
      double cdr = pool.cumulativeDefaults / (deal.initialPoolBalance + pool.cumulativePurchased);
      double dq30 = poolBalance > 0 ? pool.delinquent(p, 30) / poolBalance : 0;
      double dq90 = poolBalance > 0 ? pool.delinquent(p, 90) / poolBalance : 0;
      int mask = 0;
      boolean endRevolving = false;
      boolean sequential = false;
      boolean trap = false;
      for (int k = 0; k < deal.triggers; k++) {
        double value = switch (deal.triggerMetric[k]) {
          case CUMULATIVE_DEFAULT_RATE -> cdr;
          case PERIOD_DEFAULT_RATE -> opening > 0 ? pool.defaults / opening : 0;
          case DELINQUENCY_30 -> dq30;
          case DELINQUENCY_90 -> dq90;
          case EXCESS_SPREAD_3M -> average3(book.excessSpreadHistory, p);
          case POOL_FACTOR -> poolBalance / deal.initialPoolBalance;
        };
        double threshold = deal.triggerThreshold[k * deal.periods + p];
        boolean breached = deal.triggerMetric[k].breachesAbove() ? value > threshold
            : value < threshold;
        book.triggerOn[k] = breached || (book.triggerOn[k] && !deal.triggerCurable[k]);
        if (book.triggerOn[k]) {
          mask |= 1 << k;
          TriggerEffect effect = deal.triggerEffect[k];
          endRevolving |= effect == TriggerEffect.END_REVOLVING;
          sequential |= effect == TriggerEffect.SEQUENTIAL;
          trap |= effect == TriggerEffect.TRAP_EXCESS_SPREAD;
        }
      }
      if (sequential) {
        book.state = DealState.ACCELERATED;
      } else if (p <= deal.revolvingLastPeriod && !endRevolving) {
        book.state = DealState.REVOLVING;
      } else {
        book.state = DealState.AMORTISING;
      }

      for (int t = 0; t < deal.tranches; t++) {
        out.trancheOpening[out.at(t, p)] = book.balance[t];
      }
      waterfall.run(deal.steps(book.state), p, trap);
      book.carryForward();
      poolBalance = pool.balance();

      // record
      out.poolOpening[p] = opening;
      out.defaults[p] = pool.defaults;
      out.losses[p] = pool.losses;
      out.prepayments[p] = pool.prepayments;
      out.scheduledPrincipal[p] = pool.scheduledPrincipal;
      out.interest[p] = pool.interest;
      out.recoveries[p] = pool.recoveries;
      out.accountInterest[p] = accountInterest;
      out.purchases[p] = pool.purchasedBalance;
      out.purchaseCash[p] = pool.purchaseCash;
      out.poolClosing[p] = poolBalance;
      out.cumulativeDefaultRate[p] = cdr;
      out.delinquency30[p] = dq30;
      out.delinquency90[p] = dq90;
      out.excessSpread[p] = excessSpread;
      double fees = 0;
      for (int f = 0; f < deal.fees; f++) {
        fees += book.feePaid[f];
      }
      out.feesPaid[p] = fees;
      double guarantee = 0;
      double residual = 0;
      for (int t = 0; t < deal.tranches; t++) {
        int k = out.at(t, p);
        out.interestDue[k] = book.interestDue[t];
        out.interestPaid[k] = book.interestPaid[t];
        out.principalPaid[k] = book.principalPaid[t];
        out.interestShortfall[k] = book.interestCarried[t];
        out.trancheGuaranteeDraw[k] = book.guaranteeDraw[t];
        out.trancheResidualPaid[k] = book.residualPaid[t];
        out.trancheClosing[k] = book.balance[t];
        guarantee += book.guaranteeDraw[t];
        residual += book.residualPaid[t];
      }
      out.guaranteeDraw[p] = guarantee;
      out.residualPaid[p] = residual;
      out.interestAccount[p] = book.interestAccount;
      out.principalAccount[p] = book.principalAccount;
      out.reserveAccount[p] = book.reserveAccount;
      out.triggerMask[p] = mask;
      out.dealState[p] = book.state;
      // the reinvest step buys after the pool step: its balance is in pool.purchasedBalance
      out.purchaseCash[p] += book.reinvestedCash;
    }
  }

  private static double average3(double[] history, int p) {
    int from = Math.max(0, p - 2);
    double sum = 0;
    for (int q = from; q <= p; q++) {
      sum += history[q];
    }
    return sum / (p - from + 1);
  }
}
