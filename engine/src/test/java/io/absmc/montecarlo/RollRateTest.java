package io.absmc.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.absmc.cashflow.ExpectedCashflows;
import io.absmc.engine.PathRecord;
import io.absmc.random.BlockStreams;
import io.absmc.resolve.ResolvedDeal;
import io.absmc.scenario.ScenarioLoader;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.StringJoiner;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

/**
 * The roll-rate delinquency model against linear algebra done independently of the engine (Commons
 * Math matrices): interest-only loans made on the cut-off date, due on the 1st of each month, when
 * the deal's collection periods end, so that each period is one step of the chain and a loan's
 * principal is the same in every state (past-due shares by balance are shares by count).
 */
class RollRateTest {

  /** No charge-off: the chain is irreducible and the pool's buckets settle at its stationary law. */
  private static final String RECURRENT = """
      current: {dpd_1_30: 4%%}
      dpd_1_30: {current: 50%%, dpd_31_60: 30%%}
      dpd_31_60: {current: 40%%, dpd_61_90: 40%%}
      dpd_61_90: {current: 30%%, dpd_91_plus: 50%%}
      dpd_91_plus: {current: 50%%}
      """;

  /** Charge-offs from 91+ days past due. */
  private static final String CHARGING_OFF = """
      current: {dpd_1_30: 3%%}
      dpd_1_30: {current: 50%%, dpd_31_60: 40%%}
      dpd_31_60: {current: 30%%, dpd_61_90: 60%%}
      dpd_61_90: {current: 20%%, dpd_91_plus: 70%%}
      dpd_91_plus: {current: 10%%, charged_off: 60%%}
      """;

  private static final LocalDate CLOSING = LocalDate.of(2024, 1, 1);

  /**
   * Every period the buckets equal the initial law (all current) times the matrix's power, and
   * after 60 steps the stationary distribution pi (pi P = pi, sum 1, solved by LU), to 1e-9.
   */
  @Test
  void theBucketsSettleAtTheMatrixsStationaryDistribution() {
    int periods = 60;
    ResolvedDeal deal = deal(RECURRENT, "", "", periods, 100);
    PathRecord r = ExpectedCashflows.run(deal).record();
    RealMatrix step = matrix(deal, 0);
    RealVector law = unit(0);
    for (int p = 0; p < periods; p++) {
      law = step.preMultiply(law);
      for (int b = 0; b < 4; b++) {
        assertThat(r.pastDue[b * periods + p]).as("bucket %d, period %d", b, p + 1)
            .isCloseTo(law.getEntry(b + 1), within(1e-9));
      }
    }
    RealVector pi = stationary(step);
    for (int b = 0; b < 4; b++) {
      assertThat(r.pastDue[b * periods + periods - 1]).as("stationary, bucket %d", b)
          .isCloseTo(pi.getEntry(b + 1), within(1e-9));
    }
    assertThat(r.delinquency(periods - 1, 30)).isCloseTo(
        pi.getEntry(2) + pi.getEntry(3) + pi.getEntry(4), within(1e-9));
    assertThat(java.util.Arrays.stream(r.defaults).sum()).isZero();
  }

  /**
   * Calibrated consistently, the two default models give the same charge-offs: the chain's
   * cumulative charge-off probability after t due dates, CO_t = (e_0 P^t)[charged off], and the
   * default-rate model with curves by month on book whose month k has the annual rate r_k making
   * its probability over the month's d_k days 1 - (1 - CO_k) / (1 - CO_(k-1)), i.e. r_k = 1 - ((1 -
   * CO_k) / (1 - CO_(k-1)))^(365 / d_k). Both cumulative default rates equal CO_t at every period.
   */
  @Test
  void rollRateChargeOffsEqualTheDefaultModelCalibratedToThem() {
    int periods = 24;
    ResolvedDeal roll = deal(CHARGING_OFF, "", "", periods, 100);
    RealMatrix step = matrix(roll, 0);
    double[] chargedOff = new double[periods + 1];
    RealVector law = unit(0);
    StringJoiner rates = new StringJoiner(", ", "[", "]");
    for (int t = 1; t <= periods; t++) {
      law = step.preMultiply(law);
      chargedOff[t] = law.getEntry(5);
      long days = ChronoUnit.DAYS.between(CLOSING.plusMonths(t - 1), CLOSING.plusMonths(t));
      double month = 1 - (1 - chargedOff[t]) / (1 - chargedOff[t - 1]);
      rates.add(String.format(Locale.ROOT, "%.17g", 1 - Math.pow(1 - month, 365.0 / days)));
    }
    ResolvedDeal byRate = ResolvedDeal.resolve(ScenarioLoader.parse(yaml(
        "annual_default_rate: " + rates + "\ncurves_by: months_on_book", "", periods, 100),
        "by-rate.yaml"));
    PathRecord a = ExpectedCashflows.run(roll).record();
    PathRecord b = ExpectedCashflows.run(byRate).record();
    for (int p = 0; p < periods; p++) {
      assertThat(a.cumulativeDefaultRate[p]).as("roll rates, period %d", p + 1)
          .isCloseTo(chargedOff[p + 1], within(1e-9));
      assertThat(b.cumulativeDefaultRate[p]).as("default rates, period %d", p + 1)
          .isCloseTo(chargedOff[p + 1], within(1e-9));
    }
    assertThat(chargedOff[periods]).isGreaterThan(0.02);
  }

  /**
   * The systematic factor stresses delinquency without moving its mean: over paths, the share of
   * the pool past due after the first due date is the base roll rate into delinquency (3%) within
   * 3 standard errors, under Vasicek and lognormal; and its spread is real (stressed paths show
   * more delinquency).
   */
  @Test
  void theFactorKeepsTheMeanRollRateIntoDelinquency() {
    for (String model : new String[] {"asset_correlation: 0.2",
        "defaults: lognormal\ndefault_cv: 0.8"}) {
      ResolvedDeal deal = deal(CHARGING_OFF, model, "", 3, 100);
      double[] first = new double[20_000];
      PathSampler sampler = new PathSampler(deal, Granularity.LARGE_POOL);
      sampler.startBlock(BlockStreams.startingAt(11, 0).next());
      for (int i = 0; i < first.length; i++) {
        first[i] = sampler.next().delinquency(0, 0);
      }
      double mean = Stats.mean(first);
      double sd = Stats.sd(first, mean);
      assertThat(Math.abs(mean - 0.03)).as(model).isLessThan(3 * sd / Math.sqrt(first.length));
      assertThat(sd).as(model).isGreaterThan(0.005);
    }
  }

  /**
   * The model's defining property: the factor moves the tail, not the mean. A current loan's first
   * fall past due is a default time under the factor (its cumulative probability keeps its mean)
   * and every other move has its base probability, so every expected count is the base chain's:
   * the mean cumulative charge-off rate over paths equals the expected-value path's at every
   * period within 3 standard errors, under Vasicek and lognormal (cv 0.5, where the cap at 1 takes
   * away about 0.2% of the rate), with cures and re-falls. With each due date's rate drawn from
   * the factor on its own, or with cured loans falling again at the factor-driven rate, it fails.
   */
  @Test
  void theMeanChargeOffRateIsTheBaseCaseUnderTheFactor() {
    for (String model : new String[] {"asset_correlation: 0.2",
        "defaults: lognormal\ndefault_cv: 0.5"}) {
      int periods = 12;
      ResolvedDeal deal = deal(CHARGING_OFF, model, "", periods, 100);
      PathRecord base = ExpectedCashflows.run(deal).record();
      int paths = 20_000;
      double[][] rates = new double[periods][paths];
      PathSampler sampler = new PathSampler(deal, Granularity.LARGE_POOL);
      sampler.startBlock(BlockStreams.startingAt(31, 0).next());
      for (int i = 0; i < paths; i++) {
        PathRecord r = sampler.next();
        for (int p = 0; p < periods; p++) {
          rates[p][i] = r.cumulativeDefaultRate[p];
        }
      }
      for (int p = 0; p < periods; p++) {
        double mean = Stats.mean(rates[p]);
        double se = Stats.sd(rates[p], mean) / Math.sqrt(paths);
        assertThat(Math.abs(mean - base.cumulativeDefaultRate[p])).as("%s, period %d", model, p + 1)
            .isLessThanOrEqualTo(3 * se);
      }
      assertThat(base.cumulativeDefaultRate[periods - 1]).isGreaterThan(0.02);
    }
  }

  /**
   * Drawing loan by loan and drawing each state's moves as binomials are one model: the mean
   * cumulative charge-off rate and 30+ delinquency after 12 periods agree within 3 standard errors
   * (independent seeds), for a pool of 400 loans with a Vasicek factor and prepayments.
   */
  @Test
  void cohortAndLoanModesAgree() {
    ResolvedDeal deal = deal(CHARGING_OFF, "asset_correlation: 0.1", "annual_prepayment_rate: 10%",
        12, 400);
    int paths = 6_000;
    double[][] loan = sample(deal, Granularity.LOAN, paths, 21);
    double[][] cohort = sample(deal, Granularity.COHORT, paths, 22);
    for (int k = 0; k < 2; k++) {
      double ml = Stats.mean(loan[k]);
      double mc = Stats.mean(cohort[k]);
      double se = Math.hypot(Stats.sd(loan[k], ml), Stats.sd(cohort[k], mc)) / Math.sqrt(paths);
      assertThat(Math.abs(ml - mc)).as(k == 0 ? "charge-offs" : "delinquency").isLessThan(3 * se);
      assertThat(ml).isGreaterThan(0.001);
    }
  }

  /**
   * Deal A on roll rates (the bundled example: revolving purchases in weekly batches, roll-rate and
   * default-rate segments together) drawn loan by loan in cohorts: on every path the pool's balance
   * moves only by defaults, prepayments, scheduled principal and purchases, its past-due principal
   * lies between 0 and the pool, and small cohorts whose current loans all prepay leave no trace.
   */
  @Test
  void theBundledExampleKeepsThePoolIdentityOnEveryPath() {
    ResolvedDeal deal = ResolvedDeal.resolve(ScenarioLoader.load(
        io.absmc.TestFiles.path("scenarios/examples/ali-microloan-roll-rates.yaml")));
    PathSampler sampler = new PathSampler(deal, Granularity.COHORT);
    sampler.startBlock(BlockStreams.startingAt(41, 0).next());
    double tol = 1e-6 * deal.initialPoolBalance;
    for (int i = 0; i < 300; i++) {
      PathRecord r = sampler.next();
      for (int p = 0; p < r.periods; p++) {
        double identity = r.poolOpening[p] - r.defaults[p] - r.prepayments[p]
            - r.scheduledPrincipal[p] + r.purchases[p] - r.poolClosing[p];
        assertThat(identity).as("path %d, period %d", i, p + 1).isBetween(-tol, tol);
        assertThat(r.delinquency(p, 0)).as("past due, path %d, period %d", i, p + 1)
            .isBetween(0.0, 1 + 1e-12);
      }
    }
  }

  /**
   * Deal A on roll rates gives the same paths on one and two threads; and with no correlation its
   * large-pool paths are the expected-value path to 1e-12 (the conditional rate of a first fall is
   * then the base rate, and every other move is base anyway).
   */
  @Test
  void theBundledExampleIsReproducibleAndItsUncorrelatedLimitIsTheExpectedPath() {
    String text = io.absmc.TestFiles.read("scenarios/examples/ali-microloan-roll-rates.yaml");
    ResolvedDeal deal = ResolvedDeal.resolve(ScenarioLoader.parse(text, "roll.yaml"));
    PathResults one = MonteCarloRunner.run(deal, new RunSettings(1_500, 7, 1, Granularity.COHORT),
        null, null);
    PathResults two = MonteCarloRunner.run(deal, new RunSettings(1_500, 7, 2, Granularity.COHORT),
        null, null);
    assertThat(two.poolDefaultRate).containsExactly(one.poolDefaultRate);
    assertThat(two.lossFraction).containsExactly(one.lossFraction);

    ResolvedDeal flat = ResolvedDeal.resolve(ScenarioLoader.parse(text.replace(
        "pool:\n  segments:", "pool:\n  model:\n    asset_correlation: 0\n  segments:"),
        "flat.yaml"));
    PathResults mc = MonteCarloRunner.run(flat, new RunSettings(20, 3, 1, Granularity.LARGE_POOL),
        null, null);
    double ev = ExpectedCashflows.run(flat).record().cumulativeDefaultRate[flat.periods - 1];
    assertThat(ev).isGreaterThan(0.002);
    for (int i = 0; i < mc.paths; i++) {
      assertThat(mc.poolDefaultRate[i]).isCloseTo(ev, within(1e-12));
    }
  }

  /** Per path: cumulative default rate and 30+ delinquency at the last period. */
  private static double[][] sample(ResolvedDeal deal, Granularity g, int paths, long seed) {
    double[][] out = new double[2][paths];
    PathSampler sampler = new PathSampler(deal, g);
    sampler.startBlock(BlockStreams.startingAt(seed, 0).next());
    int last = deal.periods - 1;
    for (int i = 0; i < paths; i++) {
      PathRecord r = sampler.next();
      out[0][i] = r.cumulativeDefaultRate[last];
      out[1][i] = r.delinquency(last, 30);
    }
    return out;
  }

  /** The resolved roll rates of a segment as a 6 x 6 matrix, charged off absorbing. */
  private static RealMatrix matrix(ResolvedDeal deal, int segment) {
    double[] m = deal.rollRates[segment];
    RealMatrix p = new Array2DRowRealMatrix(6, 6);
    for (int r = 0; r < 5; r++) {
      for (int c = 0; c < 6; c++) {
        p.setEntry(r, c, m[r * 6 + c]);
      }
    }
    p.setEntry(5, 5, 1);
    return p;
  }

  private static RealVector unit(int state) {
    RealVector v = new ArrayRealVector(6);
    v.setEntry(state, 1);
    return v;
  }

  /** pi with pi P = pi over the live states, summing to 1: (P^T - I) pi = 0 with one row replaced. */
  private static RealVector stationary(RealMatrix p) {
    RealMatrix a = p.getSubMatrix(0, 4, 0, 4).transpose()
        .subtract(org.apache.commons.math3.linear.MatrixUtils.createRealIdentityMatrix(5));
    for (int c = 0; c < 5; c++) {
      a.setEntry(4, c, 1);
    }
    RealVector rhs = new ArrayRealVector(5);
    rhs.setEntry(4, 1);
    RealVector pi = new LUDecomposition(a).getSolver().solve(rhs);
    return pi.append(0);
  }

  private static ResolvedDeal deal(String rollRates, String model, String extra, int periods,
      int loans) {
    return ResolvedDeal.resolve(ScenarioLoader.parse(yaml("roll_rates:\n"
        + rollRates.formatted().indent(2) + extra, model, periods, loans), "roll.yaml"));
  }

  private static String yaml(String performance, String model, int periods, int loans) {
    return """
        name: roll-rates
        calendar:
          closing_date: %s
          first_payment_date: %s
          legal_final_date: %s
        pool:
          model:
        %s
          segments:
            - name: loans
              balance: 100m
              loans: %d
              term_months: %d
              amortisation: interest_only
              annual_rate: 12%%
              performance:
        %s
        structure:
          plan_size: 100m
          tranches:
            - name: all
              amount: 100m
              payment_months: [1]
        waterfall:
          amortising:
            - pay_residual: all
        """.formatted(CLOSING, CLOSING.plusMonths(1), CLOSING.plusMonths(periods),
        (model.isEmpty() ? "asset_correlation: 0" : model).indent(4).stripTrailing(), loans,
        periods + 12, performance.indent(8).stripTrailing());
  }
}
