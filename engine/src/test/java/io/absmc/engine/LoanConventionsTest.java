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
}
