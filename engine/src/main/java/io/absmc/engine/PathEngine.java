package io.absmc.engine;

import io.absmc.resolve.ResolvedDeal;
import io.absmc.resolve.ResolvedStep;
import io.absmc.scenario.Account;
import io.absmc.scenario.DealState;
import io.absmc.scenario.StepType;
import io.absmc.scenario.TriggerEffect;
import io.absmc.scenario.TriggerMetric;
import java.util.Arrays;

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

  /** A balance below half a cent is nothing: an empty pool, a repaid class. */
  static final double NOTHING = 0.005;

  private final ResolvedDeal deal;
  private final CohortPool pool;
  private final DealBook book;
  private final WaterfallRunner waterfall;
  private final double[] pastDue = new double[PathRecord.PAST_DUE_BUCKETS];

  public PathEngine(ResolvedDeal deal) {
    this.deal = deal;
    this.pool = new CohortPool(deal);
    this.book = new DealBook(deal);
    this.waterfall = new WaterfallRunner(deal, book);
  }

  public ResolvedDeal deal() {
    return deal;
  }

  /** Runs one path with the given driver, overwriting {@code out}. */
  public void run(PerformanceDriver driver, PathRecord out) {
    start(driver, out);
    for (int p = 0; p < deal.periods; p++) {
      period(p, driver, out);
    }
  }

  /** Starts a path: the pool at closing, the deal's opening state, the driver's path factors. */
  public void start(PerformanceDriver driver, PathRecord out) {
    pool.reset(driver.wholeLoans());
    book.reset();
    driver.beginPath();
    out.peakCohorts = 0;
  }

  /** Steps period {@code p} of a started path: the pool, then the deal side; records both. */
  public void period(int p, PerformanceDriver driver, PathRecord out) {
    driver.beginPeriod(p);
    double opening = p == 0 ? deal.initialPoolBalance : out.poolClosing[p - 1];
    boolean revolvingNow = book.state == DealState.REVOLVING && p <= deal.revolvingLastPeriod;
    pool.compact();
    out.peakCohorts = Math.max(out.peakCohorts, pool.cohorts());
    pool.step(p, driver, revolvingNow && deal.reinvestAtCollection);
    double poolBalance = pool.balance();
    if (p == 0) {
      out.collectedByClosing = pool.collectedByClosing;
    }
    out.poolOpening[p] = opening;
    out.defaults[p] = pool.defaults;
    out.losses[p] = pool.losses;
    out.prepayments[p] = pool.prepayments;
    out.scheduledPrincipal[p] = pool.scheduledPrincipal;
    out.interest[p] = pool.interest;
    out.recoveries[p] = pool.recoveries;
    out.recoveriesPending[p] = pool.recoveriesAfter(p);
    out.collectionPurchaseCash[p] = pool.purchaseCash;
    out.reinvestable[p] = pool.principalNotOffered + pool.recoveries;
    out.poolBeforeWaterfall[p] = poolBalance;
    out.cumulativeDefaultRate[p] =
        pool.cumulativeDefaults / (deal.initialPoolBalance + pool.cumulativePurchased);
    pool.pastDue(p, pastDue);
    for (int b = 0; b < PathRecord.PAST_DUE_BUCKETS; b++) {
      out.pastDue[b * deal.periods + p] = poolBalance > 0 ? pastDue[b] / poolBalance : 0;
    }

    dealPhase(p, out, pool);
    out.poolClosing[p] = pool.balance();
    out.purchases[p] = pool.purchasedBalance;
  }

  /**
   * Makes this engine's path state (pool and deal side) equal to {@code other}'s, an engine of the
   * same deal: lets a benchmark step one period again and again from the same state.
   */
  public void restore(PathEngine other) {
    if (other.deal != deal) {
      throw new IllegalArgumentException("engines of different deals");
    }
    pool.copyFrom(other.pool);
    book.copyFrom(other.book);
  }

  /**
   * Replays the deal side of a recorded path with this engine's deal (other tranche sizes, say):
   * the pool's flows, triggers' pool metrics and the reinvest step's purchases are taken from
   * {@code trace} instead of being simulated. Exact when the pool's evolution cannot depend on the
   * deal side ({@link #poolIndependentOfTranches}).
   */
  public void replay(PathRecord trace, PathRecord out) {
    book.reset();
    out.peakCohorts = trace.peakCohorts;
    out.collectedByClosing = trace.collectedByClosing;
    Purchases recorded = (period, day, cash) -> trace.stepPurchaseCash[period];
    for (int p = 0; p < deal.periods; p++) {
      out.poolOpening[p] = trace.poolOpening[p];
      out.defaults[p] = trace.defaults[p];
      out.losses[p] = trace.losses[p];
      out.prepayments[p] = trace.prepayments[p];
      out.scheduledPrincipal[p] = trace.scheduledPrincipal[p];
      out.interest[p] = trace.interest[p];
      out.recoveries[p] = trace.recoveries[p];
      out.recoveriesPending[p] = trace.recoveriesPending[p];
      out.collectionPurchaseCash[p] = trace.collectionPurchaseCash[p];
      out.reinvestable[p] = trace.reinvestable[p];
      out.poolBeforeWaterfall[p] = trace.poolBeforeWaterfall[p];
      out.cumulativeDefaultRate[p] = trace.cumulativeDefaultRate[p];
      for (int b = 0; b < PathRecord.PAST_DUE_BUCKETS; b++) {
        out.pastDue[b * deal.periods + p] = trace.pastDue[b * deal.periods + p];
      }
      dealPhase(p, out, recorded);
      out.poolClosing[p] = trace.poolClosing[p];
      out.purchases[p] = trace.purchases[p];
    }
  }

  /**
   * Whether a path's pool can depend on the tranches' sizes and coupons: it can when a trigger that
   * changes the deal state watches excess spread (coupons), when excess interest is reinvested,
   * when a revolving step before {@code reinvest} may draw on principal, or when the revolving
   * waterfall pays principal (notes repaid while revolving stop the triggers' tests). When it
   * cannot, one simulated path serves every capital structure ({@link #replay}).
   */
  public static boolean poolIndependentOfTranches(ResolvedDeal deal) {
    for (int k = 0; k < deal.triggers; k++) {
      if (deal.triggerMetric[k] == TriggerMetric.EXCESS_SPREAD_3M
          && deal.triggerEffect[k] != TriggerEffect.TRAP_EXCESS_SPREAD) {
        return false;
      }
    }
    if (deal.reinvestExcessInterest) {
      return false;
    }
    boolean beforeReinvest = true;
    for (ResolvedStep step : deal.steps(DealState.REVOLVING)) {
      beforeReinvest &= step.type() != StepType.REINVEST;
      if (step.type() == StepType.PAY_PRINCIPAL
          || (beforeReinvest && Arrays.asList(step.from()).contains(Account.PRINCIPAL))) {
        return false;
      }
    }
    return true;
  }

  /** The deal side of period p: accounts, triggers and state, the waterfall, the record. */
  private void dealPhase(int p, PathRecord out, Purchases purchases) {
    double opening = out.poolOpening[p];
    double poolBalance = out.poolBeforeWaterfall[p];
    double days = deal.periodDays[p];
    // the cash held since the last payment date (closing), and collections that reached the plan
    // at closing, earn the account rate to this payment date
    double accountInterest = (book.cash() + (p == 0 ? out.collectedByClosing : 0)) * deal.accountRate
        * deal.accountDays[p] / 365.0;
    book.interestAccount += out.interest[p] + accountInterest;
    book.principalAccount += out.prepayments[p] + out.scheduledPrincipal[p] + out.recoveries[p]
        - out.collectionPurchaseCash[p];
    book.reinvestable = out.reinvestable[p];
    double accrued = book.accrue(p, opening);

    // metrics, triggers and the state of this payment date. A trigger is tested only while the
    // deal is live (notes outstanding, a pool to measure); a metric whose pool is empty is
    // undefined and leaves the trigger as it was.
    boolean poolLeft = opening > NOTHING;
    double excessSpread = poolLeft
        ? (out.interest[p] + accountInterest - accrued) / opening * (365.0 / days) : 0;
    book.excessSpreadHistory[p] = poolLeft ? excessSpread : Double.NaN;
    boolean live = poolLeft && book.notesOutstanding() > NOTHING;
    int mask = 0;
    boolean endRevolving = false;
    boolean sequential = false;
    boolean trap = false;
    for (int k = 0; k < deal.triggers; k++) {
      if (live) {
        double value = switch (deal.triggerMetric[k]) {
          case CUMULATIVE_DEFAULT_RATE -> out.cumulativeDefaultRate[p];
          case PERIOD_DEFAULT_RATE -> out.defaults[p] / opening;
          case DELINQUENCY_30 -> poolBalance > NOTHING ? out.delinquency(p, 30) : Double.NaN;
          case DELINQUENCY_60 -> poolBalance > NOTHING ? out.delinquency(p, 60) : Double.NaN;
          case DELINQUENCY_90 -> poolBalance > NOTHING ? out.delinquency(p, 90) : Double.NaN;
          case EXCESS_SPREAD_3M -> average3(book.excessSpreadHistory, p);
          case POOL_FACTOR -> poolBalance / deal.initialPoolBalance;
        };
        if (!Double.isNaN(value)) {
          double threshold = deal.triggerThreshold[k * deal.periods + p];
          boolean breached = deal.triggerMetric[k].breachesAbove() ? value > threshold
              : value < threshold;
          book.triggerOn[k] = breached || (book.triggerOn[k] && !deal.triggerCurable[k]);
        }
        if (book.triggerOn[k]) {
          mask |= 1 << k;
        }
      }
      if (book.triggerOn[k]) {
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
    boolean finalDate = p == deal.periods - 1 || (book.state != DealState.REVOLVING
        && poolBalance <= NOTHING && out.recoveriesPending[p] <= NOTHING);

    for (int t = 0; t < deal.tranches; t++) {
      out.trancheOpening[out.at(t, p)] = book.balance[t];
    }
    waterfall.run(deal.steps(book.state), p, trap, finalDate, purchases);
    book.carryForward();

    // record
    out.accountInterest[p] = accountInterest;
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
    out.reserveDrawn[p] = book.reserveDrawn;
    out.triggerMask[p] = mask;
    out.dealState[p] = book.state;
    out.stepPurchaseCash[p] = book.reinvestedCash;
    out.purchaseCash[p] = out.collectionPurchaseCash[p] + book.reinvestedCash;
  }

  /** The mean of the defined values (not NaN) among the last 3 periods'; NaN when none is. */
  private static double average3(double[] history, int p) {
    double sum = 0;
    int n = 0;
    for (int q = Math.max(0, p - 2); q <= p; q++) {
      if (!Double.isNaN(history[q])) {
        sum += history[q];
        n++;
      }
    }
    return n > 0 ? sum / n : Double.NaN;
  }
}
