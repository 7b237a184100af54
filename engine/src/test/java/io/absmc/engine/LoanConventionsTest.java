package io.absmc.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Loan-level market conventions, computed by hand. */
class LoanConventionsTest {

  private static final double CENT = 0.01;

  private static String bulletWithPrepayments(String convention) {
    return Deals.singleSegment("""
        - name: loans
          balance: 100m
          average_balance: 1000
          term_days: 90
          amortisation: bullet
          annual_rate: 12%%
          prepayment_interest: %s
          performance:
            annual_default_rate: 0
            annual_prepayment_rate: 20%%
        """.formatted(convention), "", "2024-06-01", Deals.REINVEST_THEN_PASS_THROUGH
        .substring(Deals.REINVEST_THEN_PASS_THROUGH.indexOf("amortising")));
  }

  /**
   * 90-day bullet loans at 12% prepaying at 20% a year: over period 1 (31 days) the expected-value
   * path repays 100m x (1 - 0.8^(31/365)) = 1,877,345.96 early. With accrued interest the borrowers
   * also pay 1,877,345.96 x 12% x 31/365 = 19,133.50; with none they pay the principal only.
   * Either way the loans that stay pay nothing before day 90.
   */
  @Test
  void prepaymentsPayAccruedInterestOnlyWhereThatIsTheConvention() {
    PathRecord accrued = Deals.expected(bulletWithPrepayments("accrued")).record();
    PathRecord none = Deals.expected(bulletWithPrepayments("none")).record();
    assertThat(accrued.prepayments[0]).isCloseTo(1_877_345.96, within(CENT));
    assertThat(none.prepayments[0]).isCloseTo(1_877_345.96, within(CENT));
    assertThat(accrued.interest[0]).isCloseTo(19_133.50, within(CENT));
    assertThat(none.interest[0]).isZero();
  }

  /**
   * Instalments fall on the loan's own day of the month, clamped to shorter months, counted from
   * origination. A 3-month equal-principal loan of 30m at 12% made on 2023-12-31 (one day before
   * closing) pays 10m plus 1% of its balance on Jan 31 (day 30), Feb 29 (day 59, the month's last
   * day) and Mar 31 (day 90). The deal pays on the 30th (Feb 29 in February): periods end on days
   * 29, 59, 89, 120 and 150. So period 1 collects nothing, period 2 two instalments (20m and 300,000
   * + 200,000 of interest), period 3 nothing, period 4 the last (10m and 100,000).
   */
  @Test
  void instalmentsFallOnTheLoansOwnDayOfTheMonth() {
    PathRecord r = Deals.expected("""
        name: month-end
        calendar:
          closing_date: 2024-01-01
          first_payment_date: 2024-01-30
          payment_day: 30
          legal_final_date: 2024-05-30
        pool:
          segments:
            - name: instalments
              balance: 30m
              average_balance: 3000
              term_months: 3
              seasoning_days: 1
              amortisation: equal_principal
              annual_rate: 12%
              performance:
                annual_default_rate: 0
        structure:
          plan_size: 30m
          tranches:
            - {name: senior, amount: 30m, coupon: 5%, payment_months: [5]}
        waterfall:
          amortising:
            - pay_interest: [senior]
            - pay_principal: [senior]
        """).record();
    double[] principal = {0, 20e6, 0, 10e6, 0};
    double[] interest = {0, 500_000, 0, 100_000, 0};
    for (int p = 0; p < 5; p++) {
      assertThat(r.scheduledPrincipal[p]).as("period %d", p + 1).isCloseTo(principal[p],
          within(CENT));
      assertThat(r.interest[p]).as("period %d", p + 1).isCloseTo(interest[p], within(CENT));
    }
  }
}
