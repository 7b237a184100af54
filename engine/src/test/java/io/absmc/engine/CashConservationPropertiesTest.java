package io.absmc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.absmc.resolve.ResolvedDeal;
import io.absmc.scenario.Account;
import io.absmc.scenario.Allocation;
import io.absmc.scenario.Amortisation;
import io.absmc.scenario.Calendar;
import io.absmc.scenario.CollectionPeriodEnd;
import io.absmc.scenario.CurveBasis;
import io.absmc.scenario.CutoffCollections;
import io.absmc.scenario.DayCount;
import io.absmc.scenario.DealState;
import io.absmc.scenario.Fee;
import io.absmc.scenario.FeeBasis;
import io.absmc.scenario.Guarantee;
import io.absmc.scenario.GuaranteeTiming;
import io.absmc.scenario.PaymentFrequency;
import io.absmc.scenario.Performance;
import io.absmc.scenario.Pool;
import io.absmc.scenario.PrepaymentInterest;
import io.absmc.scenario.PrincipalPayment;
import io.absmc.scenario.RateCurve;
import io.absmc.scenario.ReinvestTiming;
import io.absmc.scenario.Reserve;
import io.absmc.scenario.RollRates;
import io.absmc.scenario.Revolving;
import io.absmc.scenario.Scenario;
import io.absmc.scenario.Segment;
import io.absmc.scenario.Step;
import io.absmc.scenario.StepType;
import io.absmc.scenario.Structure;
import io.absmc.scenario.TemplateEntry;
import io.absmc.scenario.Term;
import io.absmc.scenario.Tranche;
import io.absmc.scenario.Trigger;
import io.absmc.scenario.TriggerEffect;
import io.absmc.scenario.TriggerMetric;
import io.absmc.scenario.Waterfall;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * Invariants of the engine over random deals (pool mix, revolving, fees, guarantee, reserve,
 * triggers, sequential waterfalls) and random performance (a driver that defaults and prepays an
 * arbitrary share of each cohort): cash is conserved every period, the pool's balance moves only
 * by defaults, prepayments, scheduled principal and purchases, no tranche is paid more than it is
 * owed, the guarantor never pays beyond its cap, and losses hit the most junior class first.
 */
class CashConservationPropertiesTest {

  @Property(tries = 300)
  void cashIsConservedAndNothingIsOverpaid(@ForAll long seed) {
    Random rnd = new Random(seed);
    Scenario scenario = randomScenario(rnd);
    ResolvedDeal deal = ResolvedDeal.resolve(scenario);
    PathRecord r = new PathRecord(deal);
    new PathEngine(deal).run(new RandomDriver(deal, rnd.nextLong()), r);

    double scale = deal.planSize;
    double tol = 1e-7 * scale;
    double cashBefore = deal.reserveInitial;
    double guaranteeTotal = 0;
    double[] principalTotal = new double[deal.tranches];
    for (int p = 0; p < deal.periods; p++) {
      double inflow = r.interest[p] + r.accountInterest[p] + r.prepayments[p]
          + r.scheduledPrincipal[p] + r.recoveries[p] + r.guaranteeDraw[p];
      double outflow = r.feesPaid[p] + r.purchaseCash[p];
      for (int t = 0; t < deal.tranches; t++) {
        int k = r.at(t, p);
        outflow += r.interestPaid[k] + r.principalPaid[k] + r.trancheResidualPaid[k];
        assertThat(r.interestPaid[k]).as("interest paid <= due, tranche %d period %d", t, p)
            .isLessThanOrEqualTo(r.interestDue[k] + tol);
        assertThat(r.principalPaid[k]).as("principal paid <= opening balance")
            .isLessThanOrEqualTo(r.trancheOpening[k] + tol);
        assertThat(r.trancheClosing[k]).isGreaterThanOrEqualTo(-tol);
        principalTotal[t] += r.principalPaid[k];
      }
      double cashAfter = r.interestAccount[p] + r.principalAccount[p] + r.reserveAccount[p];
      assertThat(inflow - outflow - (cashAfter - cashBefore)).as("cash conservation in period %d", p)
          .isBetween(-tol, tol);
      assertThat(r.interestAccount[p]).isGreaterThanOrEqualTo(-tol);
      assertThat(r.principalAccount[p]).isGreaterThanOrEqualTo(-tol);
      assertThat(r.reserveAccount[p]).isGreaterThanOrEqualTo(-tol);
      cashBefore = cashAfter;
      double poolIdentity = r.poolOpening[p] - r.defaults[p] - r.prepayments[p]
          - r.scheduledPrincipal[p] + r.purchases[p] - r.poolClosing[p];
      assertThat(poolIdentity).as("opening - defaults - prepayments - scheduled + purchases"
          + " = closing, period %d", p).isBetween(-tol, tol);
      guaranteeTotal += r.guaranteeDraw[p];
    }
    assertThat(guaranteeTotal).isLessThanOrEqualTo(deal.guaranteeCap + tol);
    for (int t = 0; t < deal.tranches; t++) {
      assertThat(principalTotal[t]).isLessThanOrEqualTo(deal.trancheAmount[t] + tol);
    }
    // losses bottom-up: a class that loses principal means every class below it lost all of it
    boolean seniorLoss = false;
    for (int i = 0; i < deal.tranches; i++) {
      seniorLoss |= i < deal.tranches - 1 && r.principalLoss(i) > tol;
      if (r.principalLoss(i) > tol) {
        for (int j = i + 1; j < deal.tranches; j++) {
          assertThat(r.principalLoss(j)).as("tranche %d loses while senior %d loses", j, i)
              .isGreaterThanOrEqualTo(deal.trancheAmount[j] - tol);
        }
      }
    }
    double bought = java.util.Arrays.stream(r.purchases).sum();
    Statistics.label("senior class loses").collect(seniorLoss);
    Statistics.label("guarantor pays").collect(guaranteeTotal > 0);
    Statistics.label("loans bought").collect(bought > 0);
    Statistics.label("senior class loses").coverage(c -> c.check(true).percentage(pc -> pc > 3));
    Statistics.label("guarantor pays").coverage(c -> c.check(true).percentage(pc -> pc > 5));
    Statistics.label("loans bought").coverage(c -> c.check(true).percentage(pc -> pc > 20));
  }

  /** Defaults and prepays an arbitrary share (0 to 3x the base probability, capped) of each cohort. */
  static final class RandomDriver implements PerformanceDriver {
    private final Random rnd;
    private final ResolvedDeal deal;
    /** Whether counts are whole loans (then the pool rounds purchases as drawn paths do). */
    private final boolean whole;

    RandomDriver(ResolvedDeal deal, long seed) {
      this.deal = deal;
      this.rnd = new Random(seed);
      this.whole = rnd.nextBoolean();
    }

    @Override
    public boolean wholeLoans() {
      return whole;
    }

    private double count(double loans, double share) {
      double x = Math.min(loans, loans * share);
      return whole ? Math.floor(x + rnd.nextDouble() * (x < loans ? 1 : 0)) : x;
    }

    @Override
    public double defaults(int segment, int startDay, int fromDay, int toDay, double loans) {
      double p = ResolvedDeal.probability(
          deal.defaults.over(segment, deal.originDay(segment, startDay), fromDay, toDay));
      return count(loans, p * 3 * rnd.nextDouble());
    }

    @Override
    public double prepayments(int segment, int startDay, int fromDay, int toDay, double loans) {
      double p = ResolvedDeal.probability(
          deal.prepayments.over(segment, deal.originDay(segment, startDay), fromDay, toDay));
      return count(loans, p * 3 * rnd.nextDouble());
    }

    @Override
    public void split(double loans, double[] p, int k, double[] out) {
      double left = loans;
      double rest = 1;
      for (int j = 0; j < k; j++) {
        double x = j == k - 1 || rest <= p[j] ? left : count(left, p[j] / rest);
        out[j] = Math.min(left, x);
        left -= out[j];
        rest -= p[j];
      }
    }

    @Override
    public double worsening(int segment, int startDay, int step, double base) {
      return Math.min(1, base * 3 * rnd.nextDouble());
    }

    @Override
    public double recoveryRate(int segment, int index, double baseRate) {
      return rnd.nextDouble();
    }
  }

  /** Roll rates with every transition possible: each row leaves its state with up to 60%. */
  static RollRates randomRollRates(Random rnd) {
    double[][] leaving = new double[RollRates.LIVE][RollRates.STATES];
    for (int r = 0; r < RollRates.LIVE; r++) {
      double total = 0.6 * rnd.nextDouble();
      double[] w = new double[RollRates.STATES];
      double sum = 0;
      for (int c = 0; c < RollRates.STATES; c++) {
        w[c] = c == r ? 0 : rnd.nextDouble();
        sum += w[c];
      }
      for (int c = 0; c < RollRates.STATES; c++) {
        leaving[r][c] = total * w[c] / sum;
      }
    }
    return RollRates.leaving(leaving);
  }

  static Scenario randomScenario(Random rnd) {
    LocalDate closing = LocalDate.of(2024, 1, 1).plusDays(rnd.nextInt(365));
    LocalDate first = closing.plusDays(20 + rnd.nextInt(70));
    int periods = 3 + rnd.nextInt(22);
    LocalDate legalFinal = first.plusMonths(periods - 1);
    int paymentDay = first.getDayOfMonth();
    legalFinal = legalFinal.withDayOfMonth(Math.min(paymentDay, legalFinal.lengthOfMonth()));
    DayCount dayCount = DayCount.values()[rnd.nextInt(3)];
    // a cut-off date up to 40 days before closing; collections to month ends when the first
    // payment date's month end falls on or after closing
    LocalDate cutoff = closing.minusDays(rnd.nextBoolean() ? 0 : rnd.nextInt(41));
    CollectionPeriodEnd collectionEnd = rnd.nextBoolean()
        && !Calendar.collectionEnd(CollectionPeriodEnd.MONTH_END, first).isBefore(closing)
        && Calendar.collectionEnd(CollectionPeriodEnd.MONTH_END, first).isAfter(cutoff)
        ? CollectionPeriodEnd.MONTH_END : CollectionPeriodEnd.PAYMENT_DATE;
    Calendar calendar = new Calendar(cutoff, closing, first, paymentDay, legalFinal, dayCount,
        PaymentFrequency.MONTHLY, collectionEnd, CutoffCollections.values()[rnd.nextInt(2)]);
    periods = calendar.paymentDates().size();

    double planSize = 1e8 * (1 + rnd.nextInt(10));
    int nSegments = 1 + rnd.nextInt(3);
    List<Segment> segments = new ArrayList<>();
    double poolBalance = planSize * (0.8 + 0.4 * rnd.nextDouble());
    for (int s = 0; s < nSegments; s++) {
      Amortisation a = Amortisation.values()[rnd.nextInt(4)];
      Term term = a.isInstalment() || rnd.nextBoolean() ? Term.ofMonths(1 + rnd.nextInt(12))
          : Term.ofDays(10 + rnd.nextInt(400));
      if (a == Amortisation.BULLET && term.inMonths() && rnd.nextBoolean()) {
        term = Term.ofDays(10 + rnd.nextInt(200));
      }
      int seasoning = rnd.nextInt(term.shortestDays());
      // a third of the segments default by random roll rates
      Optional<RollRates> roll = rnd.nextInt(3) == 0 ? Optional.of(randomRollRates(rnd))
          : Optional.empty();
      Performance perf = new Performance(
          roll.isPresent() ? RateCurve.constant(0)
              : rnd.nextBoolean() ? RateCurve.constant(0.3 * rnd.nextDouble())
              : RateCurve.byPeriod(0.5 * rnd.nextDouble(), 0.2 * rnd.nextDouble(), 0),
          RateCurve.constant(0.3 * rnd.nextDouble()), CurveBasis.values()[rnd.nextInt(2)],
          rnd.nextBoolean() ? RateCurve.constant(rnd.nextDouble())
              : RateCurve.byPeriod(rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble()),
          rnd.nextInt(6), roll.isPresent() ? 0 : rnd.nextInt(150),
          java.util.OptionalDouble.empty(), roll);
      segments.add(new Segment("s" + s, poolBalance / nSegments, 100 + rnd.nextInt(10000), term,
          seasoning, a, 0.3 * rnd.nextDouble(),
          PrepaymentInterest.values()[rnd.nextInt(2)], perf));
    }
    Pool pool = Pool.of(segments);

    Optional<Revolving> revolving = Optional.empty();
    if (periods > 2 && rnd.nextBoolean()) {
      List<TemplateEntry> template = new ArrayList<>();
      double share = 1.0 / nSegments;
      for (Segment s : segments) {
        template.add(new TemplateEntry(s.name(), share, s.term(), s.annualRate(),
            2 * rnd.nextDouble(), 2 * rnd.nextDouble()));
      }
      double sum = template.stream().mapToDouble(TemplateEntry::share).sum();
      TemplateEntry last = template.remove(template.size() - 1);
      template.add(new TemplateEntry(last.segment(), last.share() + (1 - sum), last.term(),
          last.annualRate(), last.defaultMultiplier(), last.prepaymentMultiplier()));
      Optional<LocalDate> latest = rnd.nextBoolean() ? Optional.empty()
          : Optional.of(closing.plusDays(30 + rnd.nextInt(700)));
      revolving = Optional.of(new Revolving(1 + rnd.nextInt(periods - 1),
          rnd.nextBoolean() ? ReinvestTiming.COLLECTION : ReinvestTiming.PAYMENT_DATE,
          rnd.nextBoolean(), 0.95 + 0.07 * rnd.nextDouble(), 0.5 + 0.5 * rnd.nextDouble(), latest,
          template, rnd.nextBoolean() ? 1 : Math.min(7, template.stream()
              .mapToInt(t -> t.term().shortestDays()).min().getAsInt() - 1)));
    }

    int nTranches = 2 + rnd.nextInt(3);
    boolean residualLast = rnd.nextBoolean();
    int maturity = revolving.map(r -> r.lastPeriod() + 1).orElse(1)
        + rnd.nextInt(periods - revolving.map(Revolving::lastPeriod).orElse(0));
    maturity = Math.min(maturity, periods);
    List<Tranche> tranches = new ArrayList<>();
    double left = planSize;
    for (int t = 0; t < nTranches; t++) {
      double amount = t == nTranches - 1 ? left : Math.floor(left * (0.3 + 0.5 * rnd.nextDouble()));
      left -= amount;
      boolean residual = residualLast && t == nTranches - 1;
      tranches.add(new Tranche("t" + t, amount,
          residual ? OptionalDouble.empty() : OptionalDouble.of(0.12 * rnd.nextDouble()),
          PrincipalPayment.PASS_THROUGH, List.of(maturity), periods));
    }
    List<Fee> fees = new ArrayList<>();
    for (int f = 0; f < rnd.nextInt(3); f++) {
      fees.add(new Fee("f" + f, FeeBasis.values()[rnd.nextInt(3)], 0.02 * rnd.nextDouble(),
          rnd.nextBoolean() ? 0 : 1e5 * rnd.nextDouble()));
    }
    Optional<Guarantee> guarantee = Optional.empty();
    if (rnd.nextBoolean()) {
      int covered = 1 + rnd.nextInt(nTranches - 1);
      List<String> names = new ArrayList<>();
      for (int t = 0; t < covered; t++) {
        names.add("t" + t);
      }
      boolean coversInterest = rnd.nextBoolean();
      guarantee = Optional.of(new Guarantee("g", planSize * 0.3 * rnd.nextDouble(), names,
          coversInterest, !coversInterest || rnd.nextBoolean(),
          GuaranteeTiming.values()[rnd.nextInt(2)], 0.02 * rnd.nextDouble()));
    }
    Optional<Reserve> reserve = rnd.nextBoolean() ? Optional.empty()
        : Optional.of(new Reserve(planSize * 0.02 * rnd.nextDouble(), planSize * 0.01 * rnd.nextDouble()));
    Structure structure = new Structure(planSize, tranches, fees, guarantee, reserve,
        0.02 * rnd.nextDouble());

    List<Trigger> triggers = new ArrayList<>();
    for (int k = 0; k < rnd.nextInt(3); k++) {
      TriggerEffect effect = TriggerEffect.values()[rnd.nextInt(3)];
      if ((effect == TriggerEffect.END_REVOLVING && revolving.isEmpty())
          || (effect == TriggerEffect.TRAP_EXCESS_SPREAD && reserve.isEmpty())) {
        effect = TriggerEffect.SEQUENTIAL;
      }
      triggers.add(new Trigger("k" + k, TriggerMetric.values()[rnd.nextInt(6)],
          RateCurve.constant(0.1 * rnd.nextDouble()), effect, rnd.nextBoolean()));
    }

    List<String> names = tranches.stream().map(Tranche::name).toList();
    String residualName = names.get(names.size() - 1);
    Map<DealState, List<Step>> steps = new EnumMap<>(DealState.class);
    List<Step> amortising = new ArrayList<>();
    amortising.add(step(StepType.PAY_FEES, List.of(), from(rnd, reserve.isPresent())));
    boolean interestFirst = rnd.nextBoolean();
    if (interestFirst) {
      amortising.add(step(StepType.PAY_INTEREST, names, from(rnd, reserve.isPresent())));
    }
    for (String n : names) {
      if (!interestFirst) {
        amortising.add(step(StepType.PAY_INTEREST, List.of(n), from(rnd, reserve.isPresent())));
      }
      amortising.add(step(StepType.PAY_PRINCIPAL, List.of(n), from(rnd, false)));
      if (guarantee.isPresent() && guarantee.get().tranches().contains(n)) {
        amortising.add(step(StepType.DRAW_GUARANTEE, List.of(n), from(rnd, false)));
      }
    }
    if (reserve.isPresent()) {
      amortising.add(step(StepType.FUND_RESERVE, List.of(), List.of(Account.INTEREST)));
    }
    amortising.add(step(StepType.PAY_RESIDUAL, List.of(residualName), from(rnd, false)));
    steps.put(DealState.AMORTISING, amortising);
    if (revolving.isPresent()) {
      List<Step> rev = new ArrayList<>();
      rev.add(step(StepType.PAY_FEES, List.of(), List.of(Account.INTEREST)));
      rev.add(step(StepType.PAY_INTEREST, names, List.of(Account.INTEREST)));
      if (reserve.isPresent()) {
        rev.add(step(StepType.FUND_RESERVE, List.of(), List.of(Account.INTEREST)));
      }
      rev.add(step(StepType.REINVEST, List.of(), List.of(Account.PRINCIPAL)));
      if (rnd.nextBoolean()) {
        rev.add(step(StepType.PAY_RESIDUAL, List.of(residualName), List.of(Account.INTEREST)));
      }
      steps.put(DealState.REVOLVING, rev);
    }
    return new Scenario("random", "", calendar, pool, revolving, structure, triggers,
        new Waterfall(steps));
  }

  private static Step step(StepType type, List<String> targets, List<Account> from) {
    return new Step(type, targets, Allocation.SEQUENTIAL, from);
  }

  /**
   * Accounts for an amortising step: interest and principal in either order, the reserve anywhere
   * when allowed (fees and interest: a junior's principal paid from a reserve the senior's principal
   * cannot reach would break the bottom-up loss order by the deal's own choice).
   */
  private static List<Account> from(Random rnd, boolean reserve) {
    List<Account> from = new ArrayList<>(List.of(Account.INTEREST, Account.PRINCIPAL));
    if (rnd.nextBoolean()) {
      java.util.Collections.reverse(from);
    }
    if (reserve && rnd.nextBoolean()) {
      from.add(rnd.nextInt(3), Account.RESERVE);
    }
    return from;
  }
}
