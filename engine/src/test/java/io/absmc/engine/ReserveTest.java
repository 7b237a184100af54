package io.absmc.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.absmc.cashflow.ExpectedCashflows;
import io.absmc.resolve.ResolvedDeal;
import io.absmc.resolve.Stress;
import io.absmc.scenario.ScenarioLoader;
import io.absmc.TestFiles;
import org.junit.jupiter.api.Test;

/**
 * The reserve account, cent by cent: drawn only by steps that name it, topped up by
 * {@code fund_reserve} from interest, filled by a trap trigger, released on the final payment date.
 *
 * <p>The deal: closing 2024-01-01, payment dates on the 1st of February to June (5 periods of 31,
 * 29, 31, 30 and 31 days), no defaults or prepayments. Two bullet segments of 50m at 12%: one
 * matures on day 45 (Feb 15, period 2) paying 50m x 12% x 45/365 = 739,726.03 of interest, the
 * other on day 100 (Apr 10, period 4) paying 50m x 12% x 100/365 = 1,643,835.62. A 70m senior
 * at 5%, a 30m subordinated class, and a reserve with target 1m and 500,000 at closing.
 */
class ReserveTest {

  private static final double CENT = 0.01;

  private static String deal(String reserveAndTriggers, String amortising) {
    return """
        name: reserve
        calendar:
          closing_date: 2024-01-01
          first_payment_date: 2024-02-01
          payment_day: 1
          legal_final_date: 2024-06-01
        pool:
          segments:
            - name: short
              balance: 50m
              average_balance: 1000
              term_days: 45
              amortisation: bullet
              annual_rate: 12%%
              performance:
                annual_default_rate: 0
            - name: long
              balance: 50m
              average_balance: 1000
              term_days: 100
              amortisation: bullet
              annual_rate: 12%%
              performance:
                annual_default_rate: 0
        structure:
          plan_size: 100m
          tranches:
            - name: senior
              amount: 70m
              coupon: 5%%
              principal: pass_through
              payment_months: [5]
            - name: subordinated
              amount: 30m
              payment_months: [5]
          reserve:
            target: 1m
            initial_balance: 500000
        %s
        waterfall:
          amortising:
        %s
        """.formatted(reserveAndTriggers, Deals.indent(amortising, 4));
  }

  /**
   * Period 1 collects nothing: the senior's 70m x 5% x 31/365 = 297,260.27 comes from the reserve
   * (500,000 - 297,260.27 = 202,739.73 left). Period 2: 739,726.03 of interest pays the senior's
   * 70m x 5% x 29/365 = 278,082.19; fund_reserve takes the remaining 461,643.84 (the reserve needs
   * 797,260.27): 664,383.57. The 50m of principal goes to the senior (20m left). Period 3: the
   * senior's 20m x 5% x 31/365 = 84,931.51 from the reserve: 579,452.06. Period 4 is the final
   * payment date (the pool pays its last loan and no recovery is due): the reserve is released
   * into the interest account (1,643,835.62 + 579,452.06 = 2,223,287.68) and fund_reserve does
   * nothing; the senior gets 20m x 5% x 30/365 = 82,191.78 of interest and its 20m (from the
   * 2,141,095.90 of interest left, then 17,858,904.10 of principal); the subordinated class its
   * 30m and the remaining 2,141,095.90 as residual return.
   */
  @Test
  void drawnOnlyByTheStepThatNamesItFundedFromInterestReleasedOnTheFinalDate() {
    PathRecord r = Deals.expected(deal("", """
        - pay_interest: {tranches: senior, from: [interest, reserve]}
        - fund_reserve
        - pay_principal: senior
        - pay_residual: subordinated
        """)).record();
    int senior = 0;
    int sub = 1;
    assertThat(r.interestPaid[r.at(senior, 0)]).isCloseTo(297_260.27, within(CENT));
    assertThat(r.reserveDrawn[0]).isCloseTo(297_260.27, within(CENT));
    assertThat(r.reserveAccount[0]).isCloseTo(202_739.73, within(CENT));

    assertThat(r.interest[1]).isCloseTo(739_726.03, within(CENT));
    assertThat(r.interestPaid[r.at(senior, 1)]).isCloseTo(278_082.19, within(CENT));
    assertThat(r.reserveDrawn[1]).isZero();
    assertThat(r.reserveAccount[1]).isCloseTo(664_383.57, within(CENT));
    assertThat(r.principalPaid[r.at(senior, 1)]).isCloseTo(50_000_000, within(CENT));
    assertThat(r.interestAccount[1]).isCloseTo(0, within(CENT));

    assertThat(r.reserveDrawn[2]).isCloseTo(84_931.51, within(CENT));
    assertThat(r.reserveAccount[2]).isCloseTo(579_452.06, within(CENT));

    assertThat(r.interest[3]).isCloseTo(1_643_835.62, within(CENT));
    assertThat(r.reserveAccount[3]).isZero();
    assertThat(r.reserveDrawn[3]).as("a release is not a draw").isZero();
    assertThat(r.interestPaid[r.at(senior, 3)]).isCloseTo(82_191.78, within(CENT));
    assertThat(r.principalPaid[r.at(senior, 3)]).isCloseTo(20_000_000, within(CENT));
    assertThat(r.principalPaid[r.at(sub, 3)]).isCloseTo(30_000_000, within(CENT));
    assertThat(r.trancheResidualPaid[r.at(sub, 3)]).isCloseTo(2_141_095.90, within(CENT));
    assertThat(r.principalAccount[3] + r.interestAccount[3]).isCloseTo(0, within(CENT));
  }

  /**
   * The same deal without naming the reserve: it is never drawn. Period 1 the senior's 297,260.27
   * is carried unpaid (the reserve keeps its 500,000). Period 2 the senior is paid 297,260.27 +
   * 278,082.19 = 575,342.46, and fund_reserve takes the 739,726.03 - 575,342.46 = 164,383.57 left:
   * 664,383.57. Period 3 the senior's 84,931.51 is carried again, the reserve untouched.
   */
  @Test
  void aStepThatDoesNotNameTheReserveLeavesItAlone() {
    PathRecord r = Deals.expected(deal("", """
        - pay_interest: {tranches: senior, from: interest}
        - fund_reserve
        - pay_principal: senior
        - pay_residual: subordinated
        """)).record();
    assertThat(r.interestPaid[r.at(0, 0)]).isZero();
    assertThat(r.interestShortfall[r.at(0, 0)]).isCloseTo(297_260.27, within(CENT));
    assertThat(r.reserveAccount[0]).isEqualTo(500_000);
    assertThat(r.interestPaid[r.at(0, 1)]).isCloseTo(575_342.46, within(CENT));
    assertThat(r.reserveAccount[1]).isCloseTo(664_383.57, within(CENT));
    assertThat(r.interestShortfall[r.at(0, 2)]).isCloseTo(84_931.51, within(CENT));
    assertThat(r.reserveAccount[2]).isCloseTo(664_383.57, within(CENT));
    for (int p = 0; p < r.periods; p++) {
      assertThat(r.reserveDrawn[p]).isZero();
    }
  }

  /**
   * A trap trigger (excess spread below 100% a year: always, while it is defined) sends what the
   * interest-funded residual step would pay into the reserve while the senior is outstanding: in
   * period 2 the 461,643.84 left after the senior's interest (reserve 202,739.73 + 461,643.84 =
   * 664,383.57), as fund_reserve did above. The trigger is tested in periods 1 to 4; period 5
   * starts with an empty pool, so the deal is over and it is not tested.
   */
  @Test
  void aTrapTriggerFillsTheReserveUntilTheFinalDate() {
    PathRecord r = Deals.expected(deal("""
        triggers:
          - name: trap
            metric: excess_spread_3m
            threshold: 100%
            effect: trap_excess_spread
            curable: true
        """, """
        - pay_interest: {tranches: senior, from: [interest, reserve]}
        - pay_residual: {tranches: subordinated, from: interest}
        - pay_principal: senior
        - pay_residual: subordinated
        """)).record();
    assertThat(r.triggerMask).containsExactly(1, 1, 1, 1, 0);
    assertThat(r.trancheResidualPaid[r.at(1, 1)]).isZero();
    assertThat(r.reserveAccount[1]).isCloseTo(664_383.57, within(CENT));
    assertThat(r.reserveAccount[2]).isCloseTo(579_452.06, within(CENT));
    assertThat(r.reserveAccount[3]).isZero();
    assertThat(r.trancheResidualPaid[r.at(1, 3)]).isCloseTo(2_141_095.90, within(CENT));
  }

  /**
   * Deal B's reserve (0.5% of 3bn = 15m) is a liquidity reserve for the senior classes' interest.
   * It stays at 15m through the amortising periods until the AA+ class is repaid; under a heavy
   * stress the accelerated waterfall pays the AAA class's principal from interest, and the reserve
   * pays the AA+ class's coupon, 180m x 5.8% x days/365, in full.
   */
  @Test
  void dealBsReserveProtectsTheAaPlusInterest() {
    ResolvedDeal base = ResolvedDeal.resolve(
        ScenarioLoader.load(TestFiles.path("scenarios/ant-credit-pay-abs.yaml")));
    PathRecord r = ExpectedCashflows.run(base).record();
    int aaPlus = 1;
    for (int p = 12; p < r.periods && r.trancheClosing[r.at(aaPlus, p)] > 0; p++) {
      assertThat(r.reserveAccount[p]).as("period %d", p + 1).isCloseTo(15_000_000, within(CENT));
    }

    ResolvedDeal stressed = ResolvedDeal.resolve(base.scenario, Stress.multipliers(8, 1, 1));
    PathRecord s = ExpectedCashflows.run(stressed).record();
    var dates = base.scenario.calendar().paymentDates();
    int drawn = 0;
    for (int p = 0; p < s.periods; p++) {
      if (s.reserveDrawn[p] > 0) {
        drawn++;
        long days = java.time.temporal.ChronoUnit.DAYS.between(
            p == 0 ? base.scenario.calendar().closingDate() : dates.get(p - 1), dates.get(p));
        double coupon = s.trancheOpening[s.at(aaPlus, p)] * 0.058 * days / 365;
        assertThat(s.reserveDrawn[p]).as("period %d", p + 1).isCloseTo(coupon, within(CENT));
        assertThat(s.interestShortfall[s.at(aaPlus, p)]).isCloseTo(0, within(CENT));
      }
    }
    assertThat(drawn).isGreaterThanOrEqualTo(3);
  }

  /**
   * Deal B's excess-spread trap was reported as breached on every path once its pool ran out: from
   * period 25 the pool is empty, and a ratio over an empty pool is undefined, not a breach.
   */
  @Test
  void dealBsTriggersAreNotTestedOnceItsPoolIsEmpty() {
    ResolvedDeal deal = ResolvedDeal.resolve(
        ScenarioLoader.load(TestFiles.path("scenarios/ant-credit-pay-abs.yaml")));
    PathRecord r = ExpectedCashflows.run(deal).record();
    int empty = 0;
    for (int p = 0; p < r.periods; p++) {
      if (r.poolOpening[p] == 0) {
        empty++;
        assertThat(r.triggerMask[p]).as("period %d", p + 1).isZero();
      }
    }
    assertThat(empty).isGreaterThanOrEqualTo(10);
  }
}
