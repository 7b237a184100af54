package io.absmc.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.absmc.scenario.DealState;
import org.junit.jupiter.api.Test;

/**
 * A breached trigger switches the deal state on the payment date it is breached, and that date's
 * waterfall is the new state's. Closing 2024-01-01; period 4 runs from Apr 1 (day 91) to May 1
 * (day 121). Defaults happen only in period 4 (annual rate 50%), so nothing can breach earlier.
 */
class TriggerTest {

  private static final String LOANS = """
      - name: order_loan
        balance: 100m
        average_balance: 1000
        term_days: 57
        amortisation: bullet
        annual_rate: 18%
        performance:
          annual_default_rate: [0, 0, 0, 50%, 0]
          charge_off_days: 60
      """;

  private static final String WATERFALL = """
      revolving:
        - pay_interest: [senior]
        - reinvest
      amortising:
        - pay_interest: [senior]
        - pay_principal: [senior]
      """;

  private static String deal(String trigger) {
    return Deals.singleSegment(LOANS, """
        revolving:
          last_period: 9
          template:
            - segment: order_loan
              share: 1
        triggers:
        %s
        """.formatted(Deals.indent(trigger, 2)), "2025-01-01", WATERFALL);
  }

  @Test
  void cumulativeDefaultTriggerEndsRevolvingInTheBreachPeriod() {
    PathRecord r = Deals.expected(deal("""
        - name: cdr
          metric: cumulative_default_rate
          threshold: 1%
          effect: end_revolving
        """)).record();
    for (int p = 0; p < 3; p++) {
      assertThat(r.dealState[p]).isEqualTo(DealState.REVOLVING);
      assertThat(r.triggerMask[p]).isZero();
      assertThat(r.principalPaid[r.at(0, p)]).isZero();
    }
    assertThat(r.cumulativeDefaultRate[3]).isGreaterThan(0.01);
    assertThat(r.triggerMask[3]).isEqualTo(1);
    assertThat(r.dealState[3]).isEqualTo(DealState.AMORTISING);
    // the breach date's waterfall is already the amortising one: principal goes to the senior
    assertThat(r.principalPaid[r.at(0, 3)]).isGreaterThan(0);
    // not curable: it stays breached, and nothing is bought after the breach period. The last
    // loans were bought by day 121 and mature 57 days later, in period 5 (days 152-182): from
    // period 6 the pool is empty, the deal is over and the trigger is no longer tested.
    for (int p = 4; p < r.periods; p++) {
      assertThat(r.dealState[p]).isEqualTo(DealState.AMORTISING);
      assertThat(r.purchases[p]).isZero();
      assertThat(r.triggerMask[p]).as("period %d", p).isEqualTo(p <= 5 ? 1 : 0);
      assertThat(r.poolOpening[p] > 0).isEqualTo(p <= 5);
    }
  }

  /**
   * Loans defaulting in period 4 (day 91) are 30 days past due at its end (day 121) and charged off
   * at 60 days, before the end of period 5 (day 152): the 30+ delinquency line is crossed in period
   * 4 only. A curable trigger lets revolving resume in period 5; one that is not curable does not.
   */
  @Test
  void curableTriggerLetsRevolvingResume() {
    String curable = """
        - name: dq30
          metric: delinquency_30
          threshold: 1%
          effect: end_revolving
          curable: true
        """;
    PathRecord r = Deals.expected(deal(curable)).record();
    assertThat(r.delinquency(2, 30)).isZero();
    assertThat(r.delinquency(3, 30)).isGreaterThan(0.01);
    assertThat(r.delinquency(4, 30)).isZero();
    assertThat(r.dealState[2]).isEqualTo(DealState.REVOLVING);
    assertThat(r.dealState[3]).isEqualTo(DealState.AMORTISING);
    assertThat(r.dealState[4]).isEqualTo(DealState.REVOLVING);

    PathRecord sticky = Deals.expected(deal(curable.replace("curable: true", "curable: false")))
        .record();
    assertThat(sticky.dealState[4]).isEqualTo(DealState.AMORTISING);
    assertThat(sticky.triggerMask[4]).isEqualTo(1);
  }

  /** A pool-factor trigger breaches below its line, not above. */
  @Test
  void poolFactorBreachesBelowTheThreshold() {
    PathRecord r = Deals.expected(deal("""
        - name: factor
          metric: pool_factor
          threshold: 0.97
          effect: end_revolving
        """)).record();
    assertThat(r.poolClosing[2] / 100e6).isCloseTo(1.0, within(1e-12));
    assertThat(r.dealState[2]).isEqualTo(DealState.REVOLVING);
    assertThat(r.poolClosing[3] / 100e6).isLessThan(0.97);
    assertThat(r.dealState[3]).isEqualTo(DealState.AMORTISING);
  }
}
