package io.absmc.resolve;

import io.absmc.scenario.Amortisation;
import io.absmc.scenario.Calendar;
import io.absmc.scenario.CurveBasis;
import io.absmc.scenario.CutoffCollections;
import io.absmc.scenario.DealState;
import io.absmc.scenario.Fee;
import io.absmc.scenario.FeeBasis;
import io.absmc.scenario.GuaranteeTiming;
import io.absmc.scenario.Performance;
import io.absmc.scenario.PrepaymentInterest;
import io.absmc.scenario.PrincipalPayment;
import io.absmc.scenario.RateCurve;
import io.absmc.scenario.ReinvestTiming;
import io.absmc.scenario.Revolving;
import io.absmc.scenario.RollRates;
import io.absmc.scenario.Scenario;
import io.absmc.scenario.Segment;
import io.absmc.scenario.Step;
import io.absmc.scenario.StepType;
import io.absmc.scenario.TemplateEntry;
import io.absmc.scenario.Term;
import io.absmc.scenario.Tranche;
import io.absmc.scenario.Trigger;
import io.absmc.scenario.TriggerEffect;
import io.absmc.scenario.TriggerMetric;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A scenario resolved for the engine: flat arrays indexed by period (0-based), segment, tranche,
 * fee and trigger. Days are counted from the pool's cut-off date (the closing date when the deal
 * gives none): the pool is described at day 0 and stepped from it. The engine's per-period loop reads only
 * these arrays: no String, Map or LocalDate.
 *
 * <p>Segments are the initial pool's segments ({@code 0 .. initialSegments-1}) followed by one per
 * revolving template entry, each with the template's terms and multiplied performance. Per-period
 * arrays of a segment are stored at {@code segment * periods + period}.
 *
 * <p>Immutable by contract: the arrays are never written after construction, so one instance is
 * shared by all threads. Do not modify them.
 *
 * <p>Serialisable, to be shipped to a cluster's executors, which need only the arrays: a
 * deserialised copy has no {@link #scenario} (it is null there).
 */
public final class ResolvedDeal implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The scenario this was resolved from (null in a deserialised copy), and the stress applied. */
  public final transient Scenario scenario;
  public final Stress stress;

  // ---- calendar
  /** Number of periods P. */
  public final int periods;
  /** Days from the cut-off date (day 0) to closing. */
  public final int closingDay;
  /**
   * First day (exclusive of events) of each period's collection period: the end of the previous
   * one, 0 (the cut-off date) for the first.
   */
  public final int[] periodStartDay;
  /** Last day of each period's collection period: the pool is stepped to it. */
  public final int[] periodEndDay;
  /** The day of each period's payment date, on or after its collection period's end. */
  public final int[] paymentDay;
  /** Bond day-count fraction of each period (interest and fee accrual, between payment dates). */
  public final double[] accrualFraction;
  /** ACT/365F years from closing to each payment date (for WAL and IRR). */
  public final double[] yearsToPayment;
  /** Days in each collection period. */
  public final int[] periodDays;
  /**
   * Days the plan's cash earns account interest before each payment date: from the previous
   * payment date (closing for the first).
   */
  public final int[] accountDays;
  /**
   * The day the collections of days up to closing count as received: closing, or the end of the
   * first collection period ({@code cutoff_collections}).
   */
  public final int cutoffRemittanceDay;

  // ---- segments
  public final int segments;
  public final int initialSegments;
  public final String[] segmentNames;
  public final Amortisation[] amortisation;
  /** A segment's term in days when given in days, else 0. */
  public final int[] termDays;
  /** A segment's term in months when given in months, else 0. */
  public final int[] termMonths;
  /** The longest a segment's loans can run, in days. */
  public final int[] maxTermDays;
  /** Monthly instalments of a segment's loans (0 for bullet loans). */
  public final int[] instalments;
  /** The loans' monthly dates, on their own calendar day. */
  public final LoanCalendar loanCalendar;
  public final double[] loanRate;
  /** Whether a segment's loans repaid early pay the interest accrued to the repayment day. */
  public final boolean[] prepaymentPaysInterest;
  public final double[] averageBalance;
  /**
   * A segment's recovery rates after stresses, by the payment period or month on book of the
   * default (index as {@link #curveIndex}); one value when constant.
   */
  public final double[][] recoveryRates;
  public final int[] chargeOffDays;
  /** Each segment's default hazards, by payment period or by month on book, after stresses. */
  public final Hazards defaults;
  /** Each segment's full-prepayment hazards, likewise. */
  public final Hazards prepayments;
  /**
   * A segment's roll rates after stresses (row-major, {@link RollRates#LIVE} rows of {@link
   * RollRates#STATES}), or null when it defaults by its default rate.
   */
  public final double[][] rollRates;
  /** Whether any segment defaults by roll rates. */
  public final boolean anyRollRates;
  /** Period in which recoveries of a default in a period arrive ({@code >= periods}: never). */
  public final int[] recoveryPeriod;
  /** The pool's Monte Carlo assumptions. */
  public final io.absmc.scenario.CreditModel model;
  /** Vasicek asset correlation of each segment. */
  public final double[] assetCorrelation;

  // ---- initial pool (one cohort per initial segment)
  public final double initialPoolBalance;
  public final double[] initialBalance;
  public final double[] initialLoans;
  /** Origination day of the initial cohort (minus its seasoning). */
  public final int[] initialOriginDay;

  // ---- revolving
  /** Last revolving period, 0-based; -1 when the deal does not revolve. */
  public final int revolvingLastPeriod;
  public final boolean reinvestAtCollection;
  public final boolean reinvestExcessInterest;
  public final double purchasePrice;
  public final double reinvestmentRate;
  /** Loans bought must mature by this day ({@code Integer.MAX_VALUE}: no limit). */
  public final int latestMaturityDay;
  /** Purchases of one kind within this many days of a period are one cohort (1: exact days). */
  public final int purchaseBucketDays;
  /** Segment index of each template entry. */
  public final int[] templateSegment;
  public final double[] templateShare;
  /**
   * The days on which loans can start their exposure, ascending: closing (day 0) for the initial
   * pool, the payment dates of the revolving periods (the reinvest step) and, when collections buy
   * loans as they come in, every purchase batch day ({@link #purchaseBatchDay}). The default model
   * gives each of these vintages its own systematic factor.
   */
  public final int[] vintageDays;

  // ---- structure
  public final double planSize;
  public final double accountRate;
  public final int tranches;
  public final String[] trancheNames;
  public final double[] trancheAmount;
  /** Annual coupon (0 for the residual class). */
  public final double[] coupon;
  public final boolean[] residual;
  public final boolean[] passThrough;
  /** Expected maturity, 0-based period. */
  public final int[] expectedMaturity;
  /** Legal final period, 0-based: what a tranche is owed after it is its loss. */
  public final int[] legalFinalPeriod;
  /**
   * Largest balance that may remain after a period without principal being overdue, at
   * {@code tranche * periods + period}.
   */
  public final double[] dueBalance;

  public final int fees;
  public final String[] feeNames;
  public final FeeBasis[] feeBasis;
  public final double[] feeAnnualRate;
  public final double[] feeAnnualAmount;

  public final boolean hasGuarantee;
  public final double guaranteeCap;
  public final boolean[] guaranteed;
  public final boolean guaranteeCoversInterest;
  public final boolean guaranteeCoversPrincipal;
  public final boolean guaranteeAtMaturity;

  public final boolean hasReserve;
  public final double reserveTarget;
  public final double reserveInitial;

  // ---- triggers
  public final int triggers;
  public final String[] triggerNames;
  public final TriggerMetric[] triggerMetric;
  public final TriggerEffect[] triggerEffect;
  public final boolean[] triggerCurable;
  /** Threshold at {@code trigger * periods + period}. */
  public final double[] triggerThreshold;

  // ---- waterfall, by DealState ordinal
  public final ResolvedStep[][] waterfall;
  /** Whether the state's waterfall pays the tranche's interest, at {@code state * tranches + tranche}. */
  public final boolean[] paysInterest;

  private ResolvedDeal(Scenario s, Stress stress) {
    this.scenario = s;
    this.stress = stress;
    Calendar cal = s.calendar();
    LocalDate cutoff = cal.cutoffDate();
    List<LocalDate> dates = cal.paymentDates();
    List<LocalDate> ends = cal.collectionEnds();
    periods = dates.size();
    closingDay = days(cutoff, cal.closingDate());
    periodStartDay = new int[periods];
    periodEndDay = new int[periods];
    paymentDay = new int[periods];
    accrualFraction = new double[periods];
    yearsToPayment = new double[periods];
    periodDays = new int[periods];
    accountDays = new int[periods];
    LocalDate prev = cal.closingDate();
    for (int p = 0; p < periods; p++) {
      LocalDate d = dates.get(p);
      periodStartDay[p] = p == 0 ? 0 : periodEndDay[p - 1];
      periodEndDay[p] = days(cutoff, ends.get(p));
      paymentDay[p] = days(cutoff, d);
      accrualFraction[p] = cal.dayCount().yearFraction(prev, d);
      yearsToPayment[p] = (paymentDay[p] - closingDay) / 365.0;
      periodDays[p] = periodEndDay[p] - periodStartDay[p];
      accountDays[p] = paymentDay[p] - (p == 0 ? closingDay : paymentDay[p - 1]);
      prev = d;
    }
    cutoffRemittanceDay = cal.cutoffCollections() == CutoffCollections.CLOSING ? closingDay
        : periodEndDay[0];

    // segments: initial, then template
    List<Segment> pool = s.pool().segments();
    List<TemplateEntry> template = s.revolving().map(Revolving::template).orElse(List.of());
    initialSegments = pool.size();
    segments = initialSegments + template.size();
    segmentNames = new String[segments];
    amortisation = new Amortisation[segments];
    termDays = new int[segments];
    termMonths = new int[segments];
    maxTermDays = new int[segments];
    instalments = new int[segments];
    loanRate = new double[segments];
    prepaymentPaysInterest = new boolean[segments];
    averageBalance = new double[segments];
    recoveryRates = new double[segments][];
    chargeOffDays = new int[segments];
    double[][] defaultRates = new double[segments][];
    double[][] prepaymentRates = new double[segments][];
    boolean[] byMonthOnBook = new boolean[segments];
    recoveryPeriod = new int[segments * periods];
    model = s.pool().model();
    assetCorrelation = new double[segments];
    rollRates = new double[segments][];
    boolean anyRoll = false;
    for (int i = 0; i < segments; i++) {
      Segment base;
      Term term;
      double rate;
      // template multipliers of reinvested loans scale the (shocked) base rates
      double dm = 1;
      double pm = 1;
      boolean bought = i >= initialSegments;
      if (i < initialSegments) {
        base = pool.get(i);
        term = base.term();
        rate = base.annualRate();
        segmentNames[i] = base.name();
      } else {
        TemplateEntry t = template.get(i - initialSegments);
        base = s.pool().kind(t.segment());
        term = t.term();
        rate = t.annualRate();
        dm *= t.defaultMultiplier();
        pm *= t.prepaymentMultiplier();
        segmentNames[i] = "revolving:" + t.segment();
      }
      Performance perf = base.performance();
      amortisation[i] = base.amortisation();
      termDays[i] = term.days();
      termMonths[i] = term.months();
      maxTermDays[i] = term.longestDays();
      instalments[i] = base.amortisation().isInstalment() ? term.months() : 0;
      loanRate[i] = stress.yield().apply(rate, 0, 10);
      prepaymentPaysInterest[i] = base.prepaymentInterest() == PrepaymentInterest.ACCRUED;
      averageBalance[i] = base.averageBalance();
      RateCurve recovery = perf.recoveryRate();
      boolean byAge = perf.curvesBy() == CurveBasis.MONTHS_ON_BOOK;
      recoveryRates[i] = new double[recovery.isConstant() ? 1
          : byAge ? monthsOnBook(term) : periods];
      for (int k = 0; k < recoveryRates[i].length; k++) {
        recoveryRates[i][k] = stress.recovery().apply(recovery.value(k + 1), 0, 1);
      }
      chargeOffDays[i] = perf.chargeOffDays();
      assetCorrelation[i] = stress.correlation().apply(
          perf.assetCorrelation().orElse(model.assetCorrelation()), 0, 0.999);
      // by period: one value per period, the front-loading tilt over the deal's periods; by month
      // on book: one value per month a loan can live, the tilt over the months of its term
      byMonthOnBook[i] = perf.curvesBy() == CurveBasis.MONTHS_ON_BOOK;
      int n = byMonthOnBook[i] ? monthsOnBook(term) : periods;
      int tiltOver = byMonthOnBook[i] ? termInMonths(term) : periods;
      defaultRates[i] = new double[n];
      prepaymentRates[i] = new double[n];
      for (int k = 0; k < n; k++) {
        double d = stress.defaults().apply(perf.annualDefaultRate().value(k + 1), 0, 1)
            * stress.timingFactor(Math.min(k + 1, tiltOver), tiltOver) * dm;
        if (bought) {
          d = stress.newAssetDefaults().apply(d, 0, 1);
        }
        defaultRates[i][k] = Math.min(1, d);
        double q = stress.prepayment().apply(perf.annualPrepaymentRate().value(k + 1), 0, 1);
        prepaymentRates[i][k] = Math.min(1, stress.paymentRate().apply(q, 0, 1) * pm);
      }
      if (perf.rollRates().isPresent()) {
        // default stresses and multipliers scale the roll rates from current into delinquency
        RollRates r = perf.rollRates().get();
        double entry = 1 - r.probability(RollRates.CURRENT, RollRates.CURRENT);
        double stressed = entry == 0 ? 0
            : stress.defaults().apply(entry, 0, 1) * stress.lifetimeDefaults() * dm;
        if (bought) {
          stressed = stress.newAssetDefaults().apply(stressed, 0, 1);
        }
        rollRates[i] = r.entryScaled(entry == 0 ? 1 : stressed / entry).matrix();
        anyRoll = true;
      }
      int lag = (int) Math.round(stress.recoveryLag().apply(perf.recoveryLagMonths(), 0, 240));
      for (int p = 0; p < periods; p++) {
        recoveryPeriod[i * periods + p] =
            periodContaining(periodStartDay[p] + perf.chargeOffDays(), p) + lag;
      }
    }
    anyRollRates = anyRoll;
    initialBalance = new double[initialSegments];
    initialLoans = new double[initialSegments];
    initialOriginDay = new int[initialSegments];
    double total = 0;
    for (int i = 0; i < initialSegments; i++) {
      Segment seg = pool.get(i);
      initialBalance[i] = seg.balance();
      initialLoans[i] = seg.loanCount();
      initialOriginDay[i] = -seg.seasoningDays();
      total += seg.balance();
    }
    initialPoolBalance = total;
    int firstOrigin = 0;
    int longestMonths = 0;
    for (int i = 0; i < segments; i++) {
      longestMonths = Math.max(longestMonths, maxTermDays[i] / 28 + 2);
    }
    for (int origin : initialOriginDay) {
      firstOrigin = Math.min(firstOrigin, origin);
    }
    loanCalendar = new LoanCalendar(cutoff, firstOrigin, periodEndDay[periods - 1],
        longestMonths);
    defaults = new Hazards(defaultRates, byMonthOnBook, periodEndDay, loanCalendar,
        stress.lifetimeDefaults());
    prepayments = new Hazards(prepaymentRates, byMonthOnBook, periodEndDay, loanCalendar, 1);
    for (int i = 0; i < initialSegments; i++) {
      if (maturityDay(i, initialOriginDay[i]) <= 0) {
        throw new IllegalArgumentException("segment " + segmentNames[i] + " ("
            + pool.get(i).term() + ", seasoned " + pool.get(i).seasoningDays()
            + " days) matured before closing");
      }
    }

    // revolving
    Revolving rev = s.revolving().orElse(null);
    revolvingLastPeriod = rev == null ? -1 : rev.lastPeriod() - 1;
    reinvestAtCollection = rev != null && rev.timing() == ReinvestTiming.COLLECTION;
    reinvestExcessInterest = rev != null && rev.reinvestExcessInterest();
    purchasePrice = rev == null ? 1 : rev.purchasePrice();
    reinvestmentRate = rev == null ? 0 : stress.purchaseRate().apply(rev.reinvestmentRate(), 0, 1);
    latestMaturityDay = rev == null || rev.latestMaturity().isEmpty() ? Integer.MAX_VALUE
        : days(cutoff, rev.latestMaturity().get());
    purchaseBucketDays = rev == null ? 1 : rev.purchaseBucketDays();
    templateSegment = new int[template.size()];
    templateShare = new double[template.size()];
    int worst = -1;
    double worstRate = -1;
    for (int k = 0; k < template.size(); k++) {
      templateSegment[k] = initialSegments + k;
      templateShare[k] = template.get(k).share();
      // the riskiest kind: the highest average of its (stressed) annual default rates; on roll
      // rates, the annual rate of falling past due and being charged off, at monthly due dates
      double sum = 0;
      for (int j = 0; j < defaults.length(initialSegments + k); j++) {
        sum += defaults.annualRate(initialSegments + k, j);
      }
      double[] roll = rollRates[initialSegments + k];
      double mean = roll != null
          ? 1 - Math.pow(1 - new RollRates(roll).chargeOffPerDueDate(), 12)
          : sum / defaults.length(initialSegments + k);
      if (mean > worstRate) {
        worstRate = mean;
        worst = k;
      }
    }
    if (stress.worstTemplateMix() && worst >= 0) {
      java.util.Arrays.fill(templateShare, 0);
      templateShare[worst] = 1;
    }
    java.util.TreeSet<Integer> starts = new java.util.TreeSet<>();
    starts.add(0);
    for (int p = 0; p <= revolvingLastPeriod && p < periods && !template.isEmpty(); p++) {
      // the reinvest step buys on the payment date; collections in batches before it, from
      // the day the plan has the cash
      starts.add(paymentDay[p]);
      for (int b = 0; reinvestAtCollection && purchaseBatchDay(p, b) <= periodEndDay[p]; b++) {
        if (purchaseBatchDay(p, b) >= cutoffRemittanceDay) {
          starts.add(purchaseBatchDay(p, b));
        }
        if (purchaseBatchDay(p, b) == periodEndDay[p]) {
          break;
        }
      }
    }
    vintageDays = starts.stream().mapToInt(Integer::intValue).toArray();

    // structure
    planSize = s.structure().planSize();
    accountRate = s.structure().accountRate();
    List<Tranche> ts = s.structure().tranches();
    tranches = ts.size();
    trancheNames = new String[tranches];
    trancheAmount = new double[tranches];
    coupon = new double[tranches];
    residual = new boolean[tranches];
    passThrough = new boolean[tranches];
    expectedMaturity = new int[tranches];
    legalFinalPeriod = new int[tranches];
    dueBalance = new double[tranches * periods];
    for (int t = 0; t < tranches; t++) {
      Tranche tr = ts.get(t);
      trancheNames[t] = tr.name();
      trancheAmount[t] = tr.amount();
      coupon[t] = tr.annualCoupon().orElse(0);
      residual[t] = tr.isResidual();
      passThrough[t] = tr.principal() == PrincipalPayment.PASS_THROUGH;
      expectedMaturity[t] = tr.expectedMaturity() - 1;
      legalFinalPeriod[t] = tr.legalFinalMonth() - 1;
      int n = tr.paymentMonths().size();
      for (int p = 0; p < periods; p++) {
        double remaining;
        if (tr.principal() == PrincipalPayment.SCHEDULED) {
          int paidMonths = 0;
          for (int m : tr.paymentMonths()) {
            if (m <= p + 1) {
              paidMonths++;
            }
          }
          remaining = paidMonths == n ? 0 : tr.amount() * (n - paidMonths) / n;
        } else {
          remaining = p >= expectedMaturity[t] ? 0 : tr.amount();
        }
        dueBalance[t * periods + p] = remaining;
      }
    }

    List<Fee> feeList = new ArrayList<>(s.structure().fees());
    s.structure().guarantee().filter(g -> g.annualFeeRate() > 0)
        .ifPresent(g -> feeList.add(new Fee("guarantee", FeeBasis.PLAN_SIZE, g.annualFeeRate(), 0)));
    fees = feeList.size();
    feeNames = new String[fees];
    feeBasis = new FeeBasis[fees];
    feeAnnualRate = new double[fees];
    feeAnnualAmount = new double[fees];
    for (int f = 0; f < fees; f++) {
      feeNames[f] = feeList.get(f).name();
      feeBasis[f] = feeList.get(f).basis();
      feeAnnualRate[f] = stress.fees().apply(feeList.get(f).annualRate(), 0, 1);
      feeAnnualAmount[f] = stress.fees().apply(feeList.get(f).annualAmount(), 0, 1e15);
    }

    hasGuarantee = s.structure().guarantee().isPresent();
    guaranteed = new boolean[tranches];
    if (hasGuarantee) {
      var g = s.structure().guarantee().get();
      guaranteeCap = g.cap();
      for (String n : g.tranches()) {
        guaranteed[s.structure().trancheIndex(n)] = true;
      }
      guaranteeCoversInterest = g.coversInterest();
      guaranteeCoversPrincipal = g.coversPrincipal();
      guaranteeAtMaturity = g.timing() == GuaranteeTiming.AT_MATURITY;
    } else {
      guaranteeCap = 0;
      guaranteeCoversInterest = false;
      guaranteeCoversPrincipal = false;
      guaranteeAtMaturity = false;
    }
    hasReserve = s.structure().reserve().isPresent();
    reserveTarget = s.structure().reserve().map(r -> r.target()).orElse(0.0);
    reserveInitial = s.structure().reserve().map(r -> r.initialBalance()).orElse(0.0);

    // triggers
    List<Trigger> tg = s.triggers();
    triggers = tg.size();
    triggerNames = new String[triggers];
    triggerMetric = new TriggerMetric[triggers];
    triggerEffect = new TriggerEffect[triggers];
    triggerCurable = new boolean[triggers];
    triggerThreshold = new double[triggers * periods];
    for (int k = 0; k < triggers; k++) {
      triggerNames[k] = tg.get(k).name();
      triggerMetric[k] = tg.get(k).metric();
      triggerEffect[k] = tg.get(k).effect();
      triggerCurable[k] = tg.get(k).curable();
      for (int p = 0; p < periods; p++) {
        triggerThreshold[k * periods + p] =
            stress.triggerThresholds().apply(tg.get(k).threshold().value(p + 1), -10, 10);
      }
    }

    // waterfall
    waterfall = new ResolvedStep[DealState.values().length][];
    for (DealState state : DealState.values()) {
      List<Step> steps = s.waterfall().forState(state);
      ResolvedStep[] out = new ResolvedStep[steps.size()];
      for (int i = 0; i < out.length; i++) {
        Step st = steps.get(i);
        int[] idx;
        if (st.type() == StepType.PAY_FEES) {
          idx = st.targets().isEmpty() ? range(fees)
              : st.targets().stream().mapToInt(n -> indexOf(feeNames, n)).toArray();
        } else {
          idx = st.targets().stream().mapToInt(n -> s.structure().trancheIndex(n)).toArray();
        }
        out[i] = new ResolvedStep(st.type(), idx,
            st.allocation() == io.absmc.scenario.Allocation.PRO_RATA,
            st.from().toArray(new io.absmc.scenario.Account[0]));
      }
      waterfall[state.ordinal()] = out;
    }
    paysInterest = new boolean[DealState.values().length * tranches];
    for (DealState state : DealState.values()) {
      for (ResolvedStep step : waterfall[state.ordinal()]) {
        if (step.type() == StepType.PAY_INTEREST) {
          for (int t : step.targets()) {
            paysInterest[state.ordinal() * tranches + t] = true;
          }
        }
      }
    }
  }

  /**
   * The day on which the loans of purchase batch {@code batch} (0-based) of period {@code p} start:
   * the batch's last day, or the payment date if sooner. Batch b holds the collections of days
   * {@code periodStart + b * bucket + 1} to {@code periodStart + (b + 1) * bucket}.
   */
  public int purchaseBatchDay(int p, int batch) {
    return Math.min(periodStartDay[p] + (batch + 1) * purchaseBucketDays, periodEndDay[p]);
  }

  /** The day a loan of segment s originated on day {@code origin} matures. */
  public int maturityDay(int s, int origin) {
    return termMonths[s] > 0 ? loanCalendar.day(origin, termMonths[s]) : origin + termDays[s];
  }

  /** The last day of the deal: days from closing to the legal final date. */
  public int lastDay() {
    return periodEndDay[periods - 1];
  }

  /**
   * The index of segment s's curves for a loan originated on {@code origin} on day {@code day}:
   * its period (0-based) or its month on book less one.
   */
  public int curveIndex(int s, int origin, int day) {
    return defaults.index(s, origin, day);
  }

  /** The recovery rate of a default of segment s at curve index {@code index}. */
  public double recoveryRate(int s, int index) {
    double[] r = recoveryRates[s];
    return r[Math.min(index, r.length - 1)];
  }

  /**
   * The day a segment's loans of a cohort that started exposure on {@code startDay} were
   * originated: the initial pool's seasoned origination, else the purchase day.
   */
  public int originDay(int s, int startDay) {
    return s < initialSegments ? initialOriginDay[s] : startDay;
  }

  /**
   * The probability of an event over a window of cumulative hazard x (&gt;= 0): 1 - exp(-x).
   * Below x = 0.005 (every monthly credit hazard) by its series, to the last bit or so (the first
   * term left out is under 4e-18 of the sum) and without {@code Math.expm1}, which is not an
   * intrinsic and cost a tenth of a cohort-mode path.
   */
  public static double probability(double x) {
    if (x < 0.005) {
      return x * (1 - x * (1.0 / 2 - x * (1.0 / 6 - x * (1.0 / 24 - x * (1.0 / 120 - x / 720)))));
    }
    return -Math.expm1(-x);
  }

  /** Months on book a segment's loans can reach: enough for the longest term, from any day. */
  private static int monthsOnBook(Term term) {
    return term.longestDays() / 28 + 2;
  }

  /** A term in months, a term in days rounded up to months of 365/12 days. */
  private static int termInMonths(Term term) {
    return term.months() > 0 ? term.months() : (int) Math.ceil(term.days() * 12 / 365.0 - 1e-9);
  }

  /** Resolves a scenario under a stress. */
  public static ResolvedDeal resolve(Scenario scenario, Stress stress) {
    return new ResolvedDeal(scenario, stress);
  }

  /** Resolves a scenario under its base-case assumptions. */
  public static ResolvedDeal resolve(Scenario scenario) {
    return new ResolvedDeal(scenario, Stress.NONE);
  }

  /** The steps of a state's waterfall. */
  public ResolvedStep[] steps(DealState state) {
    return waterfall[state.ordinal()];
  }

  /** The 0-based period whose end is on or after {@code day}, searching from {@code from}; P when after the last. */
  private int periodContaining(int day, int from) {
    for (int p = from; p < periods; p++) {
      if (day <= periodEndDay[p]) {
        return p;
      }
    }
    return periods;
  }

  private static int days(LocalDate from, LocalDate to) {
    return (int) ChronoUnit.DAYS.between(from, to);
  }

  private static int[] range(int n) {
    int[] r = new int[n];
    for (int i = 0; i < n; i++) {
      r[i] = i;
    }
    return r;
  }

  private static int indexOf(String[] names, String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("unknown name '" + name + "'");
  }
}
