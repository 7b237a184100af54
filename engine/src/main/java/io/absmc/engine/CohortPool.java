package io.absmc.engine;

import io.absmc.resolve.LoanCalendar;
import io.absmc.resolve.ResolvedDeal;
import io.absmc.scenario.Amortisation;
import io.absmc.scenario.RollRates;
import java.util.Arrays;

/**
 * The pool of one path as cohorts in flat arrays: loans of one segment originated on one day, which
 * are exchangeable, so a cohort is a count and a balance. Steps one period at a time: for each
 * cohort, over the days it was exposed in the period, defaults first, then prepayments, then
 * scheduled principal and interest on what survives, exact in days (a 57-day loan pays on its 57th
 * day). While revolving at collection, principal collected buys new loans in batches of {@code
 * purchase_bucket_days} days: the cash of a batch is pooled while the cohorts are stepped, the
 * batch's loans are bought once it is complete, and the new cohorts are stepped in the same period
 * from the batch's last day on (their own collections fall in later batches).
 *
 * <p>Cohorts bought on the same day of the same kind are merged, and dead cohorts are dropped at the
 * start of each period, so the number of cohorts is bounded by the template's kinds times the
 * distinct purchase days within one loan term.
 *
 * <p>Reused across paths by one thread; not thread-safe.
 */
final class CohortPool implements Purchases {

  private static final double DAYS_PER_YEAR = 365.0;

  private final ResolvedDeal deal;
  private final LoanCalendar calendar;
  private final int periods;

  // cohort arrays (capacity grows, never shrinks)
  private int count;
  /** First cohort created in the current period. */
  private int firstNew;
  /**
   * For a cohort bought into a batch already bought this period (by the waterfall's reinvest step,
   * after the period was stepped): the batch's cohort. The two end the period in the same state but
   * for their counts, so the next compaction merges them.
   */
  private int[] mergeInto;

  // purchase slots of the current period: by template entry and bucket of days, the cohort
  // that purchases join; a slot is valid when its stamp is the current one
  private final int slotsPerTemplate;
  private final int[] slotCohort;
  private final int[] slotStamp;
  /** Principal collected in the current period for reinvestment, by batch. */
  private final double[] batchCash;
  /** A window's defaults and prepayments, from {@link PerformanceDriver#defaultsAndPrepayments}. */
  private final double[] outcomes = new double[2];
  private int stamp;
  private int period;
  private int periodStart;
  /** Principal and loans bought per RMB of cash, by template entry. */
  private final double[] principalPerCash;
  private final double[] loansPerCash;
  private int[] segment;
  private int[] originDay;
  private int[] maturityDay;
  private int[] exposedUntil;
  private int[] interestPaidUntil;
  private int[] nextInstalment;
  /** For roll-rate cohorts: the first due date (1-based) after the vintage's start. */
  private int[] firstDue;
  private int[] instalments;
  private double[] loans;
  private double[] balance;

  /**
   * A roll-rate cohort's slots: the live payment states, current split in two: slot 0 for loans
   * current since their vintage's start (which fall past due by the factor-driven rate), slot
   * {@link #CURED} for loans current again after a cure (by the base rate), so that every
   * expected count is the base chain's.
   */
  private static final int SLOTS = RollRates.LIVE + 1;
  private static final int CURED = RollRates.LIVE;

  // roll-rate cohorts, by cohort * SLOTS + slot: loans, and principal and interest
  // missed (past due) by them; empty when no segment defaults by roll rates
  private double[] stateLoans;
  private double[] arrearsPrincipal;
  private double[] arrearsInterest;
  // scratch for one due date
  private final double[] rowProbability = new double[RollRates.STATES];
  private final double[] moved = new double[RollRates.STATES];
  private final double[] nextLoans = new double[SLOTS];
  private final double[] nextPrincipal = new double[SLOTS];
  private final double[] nextInterest = new double[SLOTS];

  /** Recoveries arriving in each period. */
  private final double[] recoveryDue;
  /** Defaulted balance by segment and period of default, for delinquency. */
  private final double[] defaultsBySegmentPeriod;

  // running totals of the path
  double cumulativeDefaults;
  double cumulativePurchased;

  // flows of the current period
  double defaults;
  double losses;
  double prepayments;
  double scheduledPrincipal;
  double interest;
  double recoveries;
  double purchasedBalance;
  double purchaseCash;
  /** Principal collected and not offered for reinvestment at collection (for the reinvest step). */
  double principalNotOffered;
  /**
   * Cash (interest and principal) collected from the cut-off date to closing, in the first period
   * when those collections reach the plan at closing; otherwise 0.
   */
  double collectedByClosing;

  private boolean reinvesting;
  /** Whether loan counts are whole numbers (drawn paths) rather than expectations. */
  private boolean wholeLoans;

  CohortPool(ResolvedDeal deal) {
    this.deal = deal;
    this.calendar = deal.loanCalendar;
    this.periods = deal.periods;
    int capacity = Math.max(16, deal.initialSegments * 4);
    segment = new int[capacity];
    originDay = new int[capacity];
    maturityDay = new int[capacity];
    exposedUntil = new int[capacity];
    interestPaidUntil = new int[capacity];
    nextInstalment = new int[capacity];
    firstDue = new int[capacity];
    instalments = new int[capacity];
    mergeInto = new int[capacity];
    loans = new double[capacity];
    balance = new double[capacity];
    int live = deal.anyRollRates ? capacity * SLOTS : 0;
    stateLoans = new double[live];
    arrearsPrincipal = new double[live];
    arrearsInterest = new double[live];
    recoveryDue = new double[periods];
    defaultsBySegmentPeriod = new double[deal.segments * periods];
    // batches from a period's start to its payment date, when the reinvest step buys
    int longest = 0;
    for (int p = 0; p < periods; p++) {
      longest = Math.max(longest, deal.paymentDay[p] - deal.periodStartDay[p]);
    }
    slotsPerTemplate = longest / deal.purchaseBucketDays + 2;
    slotCohort = new int[Math.max(1, deal.templateSegment.length * slotsPerTemplate)];
    slotStamp = new int[slotCohort.length];
    batchCash = new double[slotsPerTemplate];
    principalPerCash = new double[deal.templateSegment.length];
    loansPerCash = new double[deal.templateSegment.length];
    for (int k = 0; k < principalPerCash.length; k++) {
      principalPerCash[k] = deal.templateShare[k] / deal.purchasePrice;
      loansPerCash[k] = principalPerCash[k] / deal.averageBalance[deal.templateSegment[k]];
    }
  }

  /**
   * Resets to the initial pool at the cut-off date (day 0).
   *
   * @param wholeLoans round loan counts to whole loans (at least one), keeping the balances
   */
  void reset(boolean wholeLoans) {
    this.wholeLoans = wholeLoans;
    count = 0;
    firstNew = 0;
    Arrays.fill(recoveryDue, 0);
    Arrays.fill(defaultsBySegmentPeriod, 0);
    cumulativeDefaults = 0;
    cumulativePurchased = 0;
    for (int s = 0; s < deal.initialSegments; s++) {
      int origin = deal.initialOriginDay[s];
      int i = add(s, origin, deal.maturityDay(s, origin), deal.instalments[s]);
      loans[i] = wholeLoans ? Math.max(1, Math.rint(deal.initialLoans[s])) : deal.initialLoans[s];
      balance[i] = deal.initialBalance[s];
      if (deal.rollRates[s] != null) {
        // the initial pool is current at the cut-off date
        stateLoans[i * SLOTS + RollRates.CURRENT] = loans[i];
      }
      exposedUntil[i] = 0;
      if (deal.instalments[s] > 0) {
        // instalments falling on or before closing were paid to the originator
        int k = 1;
        while (k <= deal.instalments[s] && calendar.day(origin, k) <= 0) {
          k++;
        }
        nextInstalment[i] = k;
        firstDue[i] = k;
        interestPaidUntil[i] = calendar.day(origin, k - 1);
      }
    }
  }

  /** Takes over another pool's state (same deal), between periods. */
  void copyFrom(CohortPool o) {
    while (segment.length < o.count) {
      grow();
    }
    count = o.count;
    firstNew = o.firstNew;
    wholeLoans = o.wholeLoans;
    for (int[][] pair : new int[][][] {{o.segment, segment}, {o.originDay, originDay},
        {o.maturityDay, maturityDay}, {o.exposedUntil, exposedUntil},
        {o.interestPaidUntil, interestPaidUntil}, {o.nextInstalment, nextInstalment},
        {o.firstDue, firstDue},
        {o.instalments, instalments}, {o.mergeInto, mergeInto}}) {
      System.arraycopy(pair[0], 0, pair[1], 0, count);
    }
    System.arraycopy(o.loans, 0, loans, 0, count);
    System.arraycopy(o.balance, 0, balance, 0, count);
    int live = deal.anyRollRates ? count * SLOTS : 0;
    System.arraycopy(o.stateLoans, 0, stateLoans, 0, live);
    System.arraycopy(o.arrearsPrincipal, 0, arrearsPrincipal, 0, live);
    System.arraycopy(o.arrearsInterest, 0, arrearsInterest, 0, live);
    System.arraycopy(o.recoveryDue, 0, recoveryDue, 0, recoveryDue.length);
    System.arraycopy(o.defaultsBySegmentPeriod, 0, defaultsBySegmentPeriod, 0,
        defaultsBySegmentPeriod.length);
    cumulativeDefaults = o.cumulativeDefaults;
    cumulativePurchased = o.cumulativePurchased;
  }

  /** Performing principal of all cohorts. */
  double balance() {
    double sum = 0;
    for (int i = 0; i < count; i++) {
      sum += balance[i];
    }
    return sum;
  }

  /** Recoveries due after period {@code p} on the defaults so far. */
  double recoveriesAfter(int p) {
    double sum = 0;
    for (int q = p + 1; q < recoveryDue.length; q++) {
      sum += recoveryDue[q];
    }
    return sum;
  }

  /** Number of cohorts held (all alive right after {@link #compact()}). */
  int cohorts() {
    return count;
  }

  /**
   * Steps every cohort through period {@code p}.
   *
   * @param reinvest whether principal collections buy new loans on the day they are collected
   */
  void step(int p, PerformanceDriver driver, boolean reinvest) {
    defaults = 0;
    losses = 0;
    prepayments = 0;
    scheduledPrincipal = 0;
    interest = 0;
    purchasedBalance = 0;
    purchaseCash = 0;
    principalNotOffered = 0;
    reinvesting = reinvest;
    firstNew = count;
    period = p;
    periodStart = deal.periodStartDay[p];
    if (++stamp == Integer.MAX_VALUE) {
      java.util.Arrays.fill(slotStamp, 0);
      stamp = 1;
    }
    int end = deal.periodEndDay[p];
    int held = count;
    collectedByClosing = 0;
    int closingBatch = -1;
    double offeredByClosing = 0;
    if (p == 0 && deal.cutoffRemittanceDay == deal.closingDay && deal.closingDay > 0) {
      // collections from the cut-off date reach the plan at closing: measure them there
      for (int i = 0; i < held; i++) {
        stepCohort(i, p, deal.closingDay, driver);
      }
      collectedByClosing = interest + prepayments + scheduledPrincipal;
      closingBatch = batchOf(deal.closingDay);
      offeredByClosing = reinvest ? batchCash[closingBatch] : 0;
    }
    for (int i = 0; i < held; i++) {
      stepCohort(i, p, end, driver);
    }
    if (reinvest) {
      for (int b = 0; b < batchCash.length; b++) {
        double cash = batchCash[b];
        if (cash > 0) {
          batchCash[b] = 0;
          int from = count;
          double spent = buy(batchDay(b), cash * deal.reinvestmentRate);
          purchaseCash += spent;
          if (b == closingBatch) {
            // what the purchases spent of the cash collected before closing is not held
            collectedByClosing -= offeredByClosing * spent / cash;
          }
          for (int i = from; i < count; i++) {
            stepCohort(i, p, end, driver);
          }
          if (batchCash[b] != 0) {
            throw new IllegalStateException("loans bought in batch " + b + " paid in their own batch");
          }
        }
      }
    }
    recoveries = recoveryDue[p];
  }

  /**
   * Steps cohort i to {@code periodEnd} (or its maturity): an instalment cohort window by window to
   * each instalment date on the way, so that what defaults or prepays after an instalment does so
   * from the balance it left, however the collection periods fall.
   */
  private void stepCohort(int i, int p, int periodEnd, PerformanceDriver driver) {
    if (deal.rollRates[segment[i]] != null) {
      stepRollCohort(i, p, periodEnd, driver);
      return;
    }
    int end = Math.min(periodEnd, maturityDay[i]);
    int n = instalments[i];
    while (n > 0 && nextInstalment[i] <= n && loans[i] > 0) {
      int due = calendar.day(originDay[i], nextInstalment[i]);
      if (due >= end || due <= exposedUntil[i]) {
        break;
      }
      stepWindow(i, p, due, driver);
    }
    stepWindow(i, p, end, driver);
  }

  /**
   * Cohort i over its exposure to {@code windowEnd}: defaults, full prepayments, then the
   * instalments (or the bullet maturity) falling by then.
   */
  private void stepWindow(int i, int p, int windowEnd, PerformanceDriver driver) {
    int s = segment[i];
    int windowStart = exposedUntil[i];
    double n = loans[i];
    double b = balance[i];
    if (windowEnd <= windowStart || n <= 0) {
      return;
    }
    if (wholeLoans && n != Math.rint(n)) {
      // loans bought in pieces are counted once, when the cohort is first stepped
      n = Math.max(1, Math.rint(n));
    }
    double rate = deal.loanRate[s];
    int start = Math.max(0, originDay[i]);
    int sp = s * periods + p;

    // 1. defaults over the exposure (with the prepayments of the survivors when both can happen:
    // a loan-by-loan driver decides both with one draw a loan)
    int origin = originDay[i];
    boolean defaultHazard = deal.defaults.over(s, origin, windowStart, windowEnd) > 0;
    boolean prepaymentHazard = deal.prepayments.over(s, origin, windowStart, windowEnd) > 0;
    double nd;
    double np;
    if (defaultHazard && prepaymentHazard) {
      driver.defaultsAndPrepayments(s, start, windowStart, windowEnd, n, outcomes);
      nd = outcomes[0];
      np = outcomes[1];
    } else {
      nd = defaultHazard ? driver.defaults(s, start, windowStart, windowEnd, n) : 0;
      np = prepaymentHazard && n - nd > 0
          ? driver.prepayments(s, start, windowStart, windowEnd, n - nd) : 0;
    }
    if (nd > 0) {
      double bd = b * (nd / n);
      n -= nd;
      b -= bd;
      defaultsBySegmentPeriod[sp] += bd;
      // a default counted on the window's first day
      chargeOff(s, origin, p, windowStart + 1, bd, driver);
    }

    // 2. full prepayments, with interest accrued to the end of the window where the segment's
    // convention is to pay it
    if (np > 0) {
      double bp = b * (np / n);
      n -= np;
      b -= bp;
      if (deal.prepaymentPaysInterest[s]) {
        interest += bp * rate * (windowEnd - interestPaidUntil[i]) / DAYS_PER_YEAR;
      }
      prepayments += bp;
      collectPrincipal(windowEnd, bp);
    }
    exposedUntil[i] = windowEnd;

    // 3. scheduled principal and interest on the survivors
    if (instalments[i] == 0) {
      if (maturityDay[i] <= windowEnd) {
        interest += b * rate * (maturityDay[i] - interestPaidUntil[i]) / DAYS_PER_YEAR;
        scheduledPrincipal += b;
        collectPrincipal(maturityDay[i], b);
        b = 0;
        n = 0;
      }
    } else {
      b = payInstalments(i, s, b, windowEnd, rate);
      if (nextInstalment[i] > instalments[i]) {
        n = 0;
        b = 0;
      }
    }
    loans[i] = n;
    balance[i] = b;
  }

  /** Pays the instalments due up to {@code windowEnd}; returns the balance left. */
  private double payInstalments(int i, int s, double b, int windowEnd, double annualRate) {
    double monthlyRate = annualRate / 12;
    Amortisation kind = deal.amortisation[s];
    int origin = originDay[i];
    int last = instalments[i];
    int k = nextInstalment[i];
    for (int day; k <= last && (day = calendar.day(origin, k)) <= windowEnd; k++) {
      double interestPart = b * monthlyRate;
      double principalPart = kind.principalDue(b, monthlyRate, last - k + 1);
      interest += interestPart;
      scheduledPrincipal += principalPart;
      b -= principalPart;
      interestPaidUntil[i] = day;
      collectPrincipal(day, principalPart);
    }
    nextInstalment[i] = k;
    return b;
  }

  private void collectPrincipal(int day, double amount) {
    if (reinvesting) {
      // collections before closing count as received on the day they reach the plan
      batchCash[batchOf(Math.max(day, deal.cutoffRemittanceDay))] += amount;
    } else {
      principalNotOffered += amount;
    }
  }

  /** The purchase batch of a day of the current period (days after its start count from 1). */
  private int batchOf(int day) {
    return Math.max(0, day - periodStart - 1) / deal.purchaseBucketDays;
  }

  /** The day a batch's loans start: its last day, or the period's end if sooner. */
  private int batchDay(int batch) {
    return deal.purchaseBatchDay(period, batch);
  }

  /**
   * Buys new loans by the revolving template with {@code cash} collected on {@code day} of the
   * current period. Purchases are made in batches of {@code purchaseBucketDays} days from the
   * period's start: the loans start on the batch's last day (or the collection period's end, if
   * sooner; the reinvest step's on the payment date), one
   * cohort per kind and batch; with batches of one day every loan starts the day its cash came in.
   * Collections buy once per batch ({@link #step}); when the waterfall's reinvest step buys into a
   * batch already bought and stepped, a twin is created and merged into it at the next compaction.
   * Loans that cannot mature by the latest maturity allowed are not bought.
   *
   * @return the cash spent
   */
  @Override
  public double buy(int period, int day, double cash) {
    return buy(day, cash);
  }

  /** {@link #buy(int, int, double)} in the period being stepped. */
  double buy(int day, double cash) {
    if (cash <= 0) {
      return 0;
    }
    double spent = 0;
    int[] template = deal.templateSegment;
    int bucket = batchOf(day);
    int batchDay = Math.max(batchDay(bucket), day);
    for (int k = 0; k < template.length; k++) {
      if (deal.templateShare[k] == 0) {
        continue;
      }
      int s = template[k];
      int slot = k * slotsPerTemplate + bucket;
      int origin = batchDay;
      int n = deal.instalments[s];
      int maturity;
      if (n == 0) {
        maturity = Math.min(deal.maturityDay(s, origin), deal.latestMaturityDay);
        if (maturity <= origin) {
          continue;
        }
      } else {
        while (n > 0 && calendar.day(origin, n) > deal.latestMaturityDay) {
          n--;
        }
        if (n == 0) {
          continue;
        }
        maturity = calendar.day(origin, n);
      }
      int j = add(s, origin, maturity, n);
      mergeInto[j] = slotStamp[slot] == stamp ? slotCohort[slot] : -1;
      slotCohort[slot] = j;
      slotStamp[slot] = stamp;
      double principal = cash * principalPerCash[k];
      loans[j] += cash * loansPerCash[k];
      balance[j] += principal;
      if (deal.rollRates[s] != null) {
        stateLoans[j * SLOTS + RollRates.CURRENT] = loans[j];
      }
      purchasedBalance += principal;
      cumulativePurchased += principal;
      spent += cash * deal.templateShare[k];
    }
    return spent;
  }

  private int add(int s, int origin, int maturity, int n) {
    if (count == segment.length) {
      grow();
    }
    int i = count++;
    segment[i] = s;
    originDay[i] = origin;
    maturityDay[i] = maturity;
    exposedUntil[i] = origin;
    interestPaidUntil[i] = origin;
    instalments[i] = n;
    nextInstalment[i] = 1;
    firstDue[i] = 1;
    mergeInto[i] = -1;
    loans[i] = 0;
    balance[i] = 0;
    if (deal.anyRollRates) {
      Arrays.fill(stateLoans, i * SLOTS, (i + 1) * SLOTS, 0);
      Arrays.fill(arrearsPrincipal, i * SLOTS, (i + 1) * SLOTS, 0);
      Arrays.fill(arrearsInterest, i * SLOTS, (i + 1) * SLOTS, 0);
    }
    return i;
  }

  private void grow() {
    int c = segment.length * 2;
    segment = Arrays.copyOf(segment, c);
    originDay = Arrays.copyOf(originDay, c);
    maturityDay = Arrays.copyOf(maturityDay, c);
    exposedUntil = Arrays.copyOf(exposedUntil, c);
    interestPaidUntil = Arrays.copyOf(interestPaidUntil, c);
    nextInstalment = Arrays.copyOf(nextInstalment, c);
    firstDue = Arrays.copyOf(firstDue, c);
    instalments = Arrays.copyOf(instalments, c);
    mergeInto = Arrays.copyOf(mergeInto, c);
    loans = Arrays.copyOf(loans, c);
    balance = Arrays.copyOf(balance, c);
    if (deal.anyRollRates) {
      stateLoans = Arrays.copyOf(stateLoans, c * SLOTS);
      arrearsPrincipal = Arrays.copyOf(arrearsPrincipal, c * SLOTS);
      arrearsInterest = Arrays.copyOf(arrearsInterest, c * SLOTS);
    }
  }

  /** Drops cohorts with no loans left, keeping the order of the others; call at each period start. */
  void compact() {
    for (int r = firstNew; r < count; r++) {
      int t = mergeInto[r];
      if (t >= 0) {
        while (mergeInto[t] >= 0) {
          t = mergeInto[t];
        }
        loans[t] += loans[r];
        balance[t] += balance[r];
        loans[r] = 0;
        balance[r] = 0;
        if (deal.anyRollRates) {
          for (int st = 0; st < SLOTS; st++) {
            stateLoans[t * SLOTS + st] += stateLoans[r * SLOTS + st];
            arrearsPrincipal[t * SLOTS + st] += arrearsPrincipal[r * SLOTS + st];
            arrearsInterest[t * SLOTS + st] += arrearsInterest[r * SLOTS + st];
          }
        }
      }
    }
    int w = 0;
    for (int r = 0; r < count; r++) {
      if (loans[r] > 0 && balance[r] > 0) {
        if (w != r) {
          segment[w] = segment[r];
          originDay[w] = originDay[r];
          maturityDay[w] = maturityDay[r];
          exposedUntil[w] = exposedUntil[r];
          interestPaidUntil[w] = interestPaidUntil[r];
          nextInstalment[w] = nextInstalment[r];
          firstDue[w] = firstDue[r];
          instalments[w] = instalments[r];
          loans[w] = loans[r];
          balance[w] = balance[r];
          if (deal.anyRollRates) {
            System.arraycopy(stateLoans, r * SLOTS, stateLoans, w * SLOTS,
                SLOTS);
            System.arraycopy(arrearsPrincipal, r * SLOTS, arrearsPrincipal,
                w * SLOTS, SLOTS);
            System.arraycopy(arrearsInterest, r * SLOTS, arrearsInterest,
                w * SLOTS, SLOTS);
          }
        }
        mergeInto[w] = -1;
        w++;
      }
    }
    count = w;
    firstNew = count;
  }

  /**
   * The pool's past-due principal at the end of period {@code p} by bucket (1-30, 31-60, 61-90,
   * 91+ days) into {@code out}. A roll-rate cohort's loans are in the buckets of their payment
   * states, with the principal they owe (scheduled and missed). A defaulted loan of a segment with
   * a default rate counts from its default (on the first day of its period) until it is charged
   * off.
   */
  void pastDue(int p, double[] out) {
    Arrays.fill(out, 0);
    int end = deal.periodEndDay[p];
    for (int s = 0; s < deal.segments; s++) {
      if (deal.rollRates[s] != null) {
        continue;
      }
      int chargeOff = deal.chargeOffDays[s];
      for (int q = 0; q <= p; q++) {
        int age = end - deal.periodStartDay[q];
        if (age < chargeOff) {
          out[Math.min(3, age / 30)] += defaultsBySegmentPeriod[s * periods + q];
        }
      }
    }
    if (deal.anyRollRates) {
      for (int i = 0; i < count; i++) {
        if (deal.rollRates[segment[i]] == null || loans[i] <= 0) {
          continue;
        }
        int base = i * SLOTS;
        double perLoan = scheduled(i) / loans[i];
        for (int st = 1; st < RollRates.LIVE; st++) {
          out[st - 1] += stateLoans[base + st] * perLoan + arrearsPrincipal[base + st];
        }
      }
    }
  }

  // ---- roll-rate cohorts -------------------------------------------------------------------

  /**
   * Steps a roll-rate cohort to {@code periodEnd}: current loans prepay between due dates; at each
   * due date every loan moves between payment states by the (path-conditional) roll rates and the
   * cash follows its new state. Due dates are the instalment dates (a bullet loan's maturity),
   * then every 30 days after the last while loans are past due.
   */
  private void stepRollCohort(int i, int p, int periodEnd, PerformanceDriver driver) {
    int c = i * SLOTS + RollRates.CURRENT;
    if (wholeLoans && stateLoans[c] != Math.rint(stateLoans[c])) {
      // loans bought in pieces are counted once, when they are first stepped (those bought by
      // the reinvest step into a batch already stepped join its current loans)
      double whole = Math.max(1, Math.rint(stateLoans[c]));
      loans[i] += whole - stateLoans[c];
      stateLoans[c] = whole;
    }
    while (loans[i] > 0) {
      int due = dueDay(i, nextInstalment[i]);
      if (due > periodEnd) {
        prepayCurrent(i, periodEnd, driver);
        return;
      }
      prepayCurrent(i, due, driver);
      if (loans[i] <= 0) {
        return;
      }
      rollAt(i, p, due, driver);
      nextInstalment[i]++;
    }
  }

  /** The j-th due date (1-based) of cohort i. */
  private int dueDay(int i, int j) {
    int n = instalments[i];
    int last = Math.max(1, n);
    if (j > last) {
      return maturityDay[i] + 30 * (j - last);
    }
    return n == 0 ? maturityDay[i] : calendar.day(originDay[i], j);
  }

  /** Scheduled principal of cohort i's live loans (what they owe but for missed payments). */
  private double scheduled(int i) {
    double missed = 0;
    for (int st = 0; st < SLOTS; st++) {
      missed += arrearsPrincipal[i * SLOTS + st];
    }
    return balance[i] - missed;
  }

  /** Full prepayments of cohort i's current loans over its exposure to {@code to}. */
  private void prepayCurrent(int i, int to, PerformanceDriver driver) {
    int from = exposedUntil[i];
    if (to <= from) {
      return;
    }
    if (deal.prepayments.over(segment[i], originDay[i], from, to) > 0) {
      // loans current since the vintage's start, then loans current again after a cure
      prepaySlot(i, i * SLOTS + RollRates.CURRENT, from, to, driver);
      prepaySlot(i, i * SLOTS + CURED, from, to, driver);
    }
    exposedUntil[i] = to;
  }

  /** Full prepayments over (from, to] of the loans in slot c of cohort i. */
  private void prepaySlot(int i, int c, int from, int to, PerformanceDriver driver) {
    double current = stateLoans[c];
    if (current <= 0) {
      return;
    }
    int s = segment[i];
    double np = driver.prepayments(s, Math.max(0, originDay[i]), from, to, current);
    if (np > 0) {
      double bp = scheduled(i) / loans[i] * np;
      if (deal.prepaymentPaysInterest[s]) {
        interest += bp * deal.loanRate[s] * (to - interestPaidUntil[i]) / DAYS_PER_YEAR;
      }
      prepayments += bp;
      collectPrincipal(to, bp);
      stateLoans[c] -= np;
      loans[i] -= np;
      balance[i] -= bp;
    }
  }

  /**
   * Cohort i's due date {@code due}: loans move between states; those now current pay what is due
   * and what they missed, those past due pay nothing and owe this due date's payment too, those
   * charged off default on the principal they owe (their missed interest is lost).
   */
  private void rollAt(int i, int p, int due, PerformanceDriver driver) {
    int s = segment[i];
    double[] m = deal.rollRates[s];
    int base = i * SLOTS;
    int j = nextInstalment[i];
    int n = instalments[i];
    double perLoan = scheduled(i) / loans[i];
    double principalDue;
    double interestDue;
    double rate = deal.loanRate[s];
    if (n > 0 && j <= n) {
      interestDue = perLoan * rate / 12;
      principalDue = deal.amortisation[s].principalDue(perLoan, rate / 12, n - j + 1);
    } else if (n == 0 && j == 1) {
      principalDue = perLoan;
      interestDue = perLoan * rate * (due - interestPaidUntil[i]) / DAYS_PER_YEAR;
    } else {
      principalDue = 0;
      interestDue = 0;
    }
    boolean last = j >= Math.max(1, n);
    int start = Math.max(0, originDay[i]);
    Arrays.fill(nextLoans, 0);
    Arrays.fill(nextPrincipal, 0);
    Arrays.fill(nextInterest, 0);
    double chargedOff = 0;
    double paidPrincipal = 0;
    for (int r = 0; r < SLOTS; r++) {
      double nr = stateLoans[base + r];
      if (nr <= 0) {
        continue;
      }
      conditionalRow(i, m, r, s, start, driver);
      driver.split(nr, rowProbability, RollRates.STATES, moved);
      double owedPrincipal = arrearsPrincipal[base + r];
      double owedInterest = arrearsInterest[base + r];
      for (int c = 0; c < RollRates.STATES; c++) {
        double x = moved[c];
        if (x <= 0) {
          continue;
        }
        double share = x / nr;
        if (c == RollRates.CHARGED_OFF) {
          chargedOff += x * perLoan + owedPrincipal * share;
        } else if (c == RollRates.CURRENT) {
          double principal = x * principalDue + owedPrincipal * share;
          paidPrincipal += principal;
          interest += x * interestDue + owedInterest * share;
          if (!last) {
            // loans that were past due (or cured before) are current again after a cure
            nextLoans[r == RollRates.CURRENT ? RollRates.CURRENT : CURED] += x;
          }
        } else {
          nextLoans[c] += x;
          nextPrincipal[c] += owedPrincipal * share + x * principalDue;
          nextInterest[c] += owedInterest * share + x * interestDue;
        }
      }
    }
    if (paidPrincipal > 0) {
      scheduledPrincipal += paidPrincipal;
      collectPrincipal(due, paidPrincipal);
    }
    double live = 0;
    double owed = 0;
    for (int st = 0; st < SLOTS; st++) {
      stateLoans[base + st] = nextLoans[st];
      arrearsPrincipal[base + st] = nextPrincipal[st];
      arrearsInterest[base + st] = nextInterest[st];
      live += nextLoans[st];
      owed += nextPrincipal[st];
    }
    loans[i] = live;
    balance[i] = live * (last ? 0 : perLoan - principalDue) + owed;
    interestPaidUntil[i] = due;
    if (chargedOff > 0) {
      chargeOff(s, originDay[i], p, due, chargedOff, driver);
    }
  }

  /**
   * Slot r's roll rates given the path, into {@link #rowProbability}. For loans current since
   * their vintage's start, the probabilities of falling past due (or charged off) are scaled to
   * the driver's conditional probability of a first fall, staying current taking the rest; every
   * other slot has its base row (cured loans the current row), so that a path's charge-offs follow
   * its first falls into delinquency with the default model's factor and tail, and every expected
   * count is the base chain's (docs/model.md).
   */
  private void conditionalRow(int i, double[] m, int r, int s, int start,
      PerformanceDriver driver) {
    int row = (r == CURED ? RollRates.CURRENT : r) * RollRates.STATES;
    if (r != RollRates.CURRENT) {
      System.arraycopy(m, row, rowProbability, 0, RollRates.STATES);
      return;
    }
    double worse = 0;
    for (int c = r + 1; c < RollRates.STATES; c++) {
      worse += m[row + c];
    }
    double given = worse > 0 && worse < 1
        ? driver.worsening(s, start, nextInstalment[i] - firstDue[i] + 1, worse) : worse;
    double up = worse > 0 ? given / worse : 0;
    double down = worse < 1 ? (1 - given) / (1 - worse) : 0;
    for (int c = 0; c < RollRates.STATES; c++) {
      rowProbability[c] = m[row + c] * (c > r ? up : down);
    }
  }

  /**
   * A default of {@code amount} of principal on {@code day} of period p: the loss and the recovery,
   * at the rate of the day's period (or the loan's month on book); a recovery due after the legal
   * final date is never received.
   */
  private void chargeOff(int s, int origin, int p, int day, double amount,
      PerformanceDriver driver) {
    defaults += amount;
    cumulativeDefaults += amount;
    int k = deal.curveIndex(s, origin, day);
    double rr = driver.recoveryRate(s, k, deal.recoveryRate(s, k));
    losses += amount * (1 - rr);
    int rp = deal.recoveryPeriod[s * periods + p];
    if (rp < periods) {
      recoveryDue[rp] += amount * rr;
    } else {
      losses += amount * rr;
    }
  }
}
