package io.absmc.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.absmc.cashflow.ExpectedCashflows;
import io.absmc.scenario.DealState;
import org.junit.jupiter.api.Test;

/**
 * Short-tenor loans with monthly periods are exact in days. Closing 2024-01-01; period ends (days
 * from closing): Feb 1 = 31, Mar 1 = 60 (2024 is a leap year), Apr 1 = 91, May 1 = 121, Jun 1 = 152,
 * Jul 1 = 182, Aug 1 = 213, Sep 1 = 244.
 */
class RollOffTest {

  private static final double CENT = 0.005;

  private static final String ORDER_LOANS = """
      - name: order_loan
        balance: 100m
        average_balance: 1000
        term_days: 57
        amortisation: bullet
        annual_rate: 18%
        performance:
          annual_default_rate: 0
      """;

  private static final String PASS_THROUGH = """
      amortising:
        - pay_interest: [senior]
        - pay_principal: [senior]
      """;

  /** 57-day loans made at closing mature on day 57, in period 2 (days 31 to 60), with 57 days' interest. */
  @Test
  void orderLoansPayOffOnDay57() {
    ExpectedCashflows run = Deals.expected(Deals.singleSegment(ORDER_LOANS, "", "2024-06-01",
        PASS_THROUGH));
    PathRecord r = run.record();
    assertThat(r.scheduledPrincipal[0]).isZero();
    assertThat(r.interest[0]).isZero();
    assertThat(r.poolClosing[0]).isCloseTo(100e6, within(CENT));
    assertThat(r.scheduledPrincipal[1]).isCloseTo(100e6, within(CENT));
    // 100m x 18% x 57/365 = 2,810,958.90
    assertThat(r.interest[1]).isCloseTo(2_810_958.90, within(CENT));
    assertThat(r.poolClosing[1]).isZero();
    for (int p = 2; p < r.periods; p++) {
      assertThat(r.scheduledPrincipal[p] + r.interest[p]).isZero();
    }
  }

  /** Seasoned 40 days at closing, the loans mature on day 17, in period 1, paying their full 57 days' interest. */
  @Test
  void seasonedLoansMatureWhenTheirTermIsUp() {
    ExpectedCashflows run = Deals.expected(Deals.singleSegment(
        ORDER_LOANS.replace("term_days: 57", "term_days: 57\n  seasoning_days: 40"), "",
        "2024-06-01", PASS_THROUGH));
    PathRecord r = run.record();
    assertThat(r.scheduledPrincipal[0]).isCloseTo(100e6, within(CENT));
    assertThat(r.interest[0]).isCloseTo(2_810_958.90, within(CENT));
    assertThat(r.poolClosing[0]).isZero();
  }

  /**
   * Revolving at collection to month 6: each maturity buys a replacement the same day, so loans run
   * 0 -> 57 -> 114 -> 171 -> 228 (periods 2, 4, 6 and, after revolving, 8), and the pool stays at
   * 100m through the revolving period.
   */
  @Test
  void revolvingKeepsThePoolConstantAndReplacementsStartOnTheCollectionDay() {
    String revolving = """
        revolving:
          last_period: 6
          timing: collection
          template:
            - segment: order_loan
              share: 1
        """;
    ExpectedCashflows run = Deals.expected(Deals.singleSegment(ORDER_LOANS, revolving,
        "2024-12-01", Deals.REINVEST_THEN_PASS_THROUGH));
    PathRecord r = run.record();
    for (int p = 0; p < 6; p++) {
      assertThat(r.dealState[p]).isEqualTo(DealState.REVOLVING);
      assertThat(r.poolClosing[p]).as("pool after period %d", p + 1).isCloseTo(100e6, within(CENT));
    }
    java.util.Set<Integer> maturityPeriods = java.util.Set.of(1, 3, 5, 7);
    for (int p = 0; p < r.periods; p++) {
      boolean due = maturityPeriods.contains(p);
      assertThat(r.scheduledPrincipal[p]).as("principal in period %d", p + 1)
          .isCloseTo(due ? 100e6 : 0, within(CENT));
      assertThat(r.interest[p]).as("interest in period %d", p + 1)
          .isCloseTo(due ? 2_810_958.90 : 0, within(CENT));
    }
    assertThat(r.purchases[1] + r.purchases[3] + r.purchases[5]).isCloseTo(300e6, within(CENT));
    assertThat(r.purchases[7]).isZero();
    assertThat(r.poolClosing[7]).isZero();
    assertThat(r.dealState[6]).isEqualTo(DealState.AMORTISING);
  }

  /**
   * Weekly purchase batches: the loans maturing on day 57 (period 2 runs from day 31 to 60) pay in
   * the week of days 53-59, so their replacements start on day 59 and mature on day 116 (period 4,
   * days 91-121), not 114; the cash waits two days.
   */
  @Test
  void weeklyBatchesStartReplacementsAtTheEndOfTheWeek() {
    String revolving = """
        revolving:
          last_period: 6
          purchase_bucket_days: 7
          template:
            - segment: order_loan
              share: 1
        """;
    PathRecord r = Deals.expected(Deals.singleSegment(ORDER_LOANS, revolving, "2024-12-01",
        Deals.REINVEST_THEN_PASS_THROUGH)).record();
    assertThat(r.purchases[1]).isCloseTo(100e6, within(CENT));
    assertThat(r.poolClosing[1]).isCloseTo(100e6, within(CENT));
    assertThat(r.scheduledPrincipal[2]).isZero();
    assertThat(r.scheduledPrincipal[3]).isCloseTo(100e6, within(CENT));
    assertThat(r.interest[3]).isCloseTo(2_810_958.90, within(CENT));
    // day 116 falls in the week of days 113-119 (period 4 starts on day 91): replacement on day 119
    assertThat(r.purchases[3]).isCloseTo(100e6, within(CENT));
  }

  /** The eligibility limit shortens loans bought late so they mature by the latest maturity date. */
  @Test
  void loansBoughtLateAreShortenedToTheLatestMaturity() {
    String revolving = """
        revolving:
          last_period: 6
          latest_maturity: 2024-07-15
          template:
            - segment: order_loan
              share: 1
        """;
    ExpectedCashflows run = Deals.expected(Deals.singleSegment(ORDER_LOANS, revolving,
        "2024-12-01", Deals.REINVEST_THEN_PASS_THROUGH));
    PathRecord r = run.record();
    // the loan bought on day 171 would mature on day 228; the limit (Jul 15 = day 196) brings it to period 7
    assertThat(r.scheduledPrincipal[6]).isCloseTo(100e6, within(CENT));
    assertThat(r.interest[6]).isCloseTo(100e6 * 0.18 * (196 - 171) / 365, within(CENT));
    assertThat(r.poolClosing[6]).isZero();
  }
}
