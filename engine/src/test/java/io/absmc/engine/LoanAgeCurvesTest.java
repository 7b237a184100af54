package io.absmc.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Default curves by the loan's months on book, computed by hand: each day a loan has the hazard
 * -ln(1 - r_m) / 365 of the month m of its life the day falls in, months counted on its own
 * calendar from its origination; loans bought while revolving start at month 1.
 */
class LoanAgeCurvesTest {

  private static final double CENT = 0.01;

  /**
   * Bullet loans of 100m made on 2023-11-16 (seasoned 46 days at closing, 2024-01-01), defaulting
   * at 10%, 20%, 40% and then 5% a year in their months 1, 2, 3 and 4 on. Their months end on Dec
   * 16, Jan 16 (day 15), Feb 16 (day 46), Mar 16 (day 75) and so on; the deal pays on the 1st
   * (days 31, 60, 91). Period 1 has 15 days of month 2 and 16 of month 3: H = (15 ln(1/0.8) + 16
   * ln(1/0.6)) / 365, defaults 100m (1 - e^-H) = 3,106,973.83. Period 2 has 15 days of month 3 and
   * 14 of month 4: 96,893,026.17 x (1 - 0.6^(15/365) 0.95^(14/365)) = 2,199,342.56. Period 3 is all
   * at 5%: 94,693,683.61 x (1 - 0.95^(31/365)) = 411,627.89. By payment period instead, period 1
   * would take the first value, 10%: 100m x (1 - 0.9^(31/365)) = 890,850.93.
   */
  @Test
  void seasonedLoansDefaultAtTheRateOfTheirOwnMonthOnBook() {
    PathRecord byAge = Deals.expected(seasoned("months_on_book")).record();
    assertThat(byAge.defaults[0]).isCloseTo(3_106_973.83, within(CENT));
    assertThat(byAge.defaults[1]).isCloseTo(2_199_342.56, within(CENT));
    assertThat(byAge.defaults[2]).isCloseTo(411_627.89, within(CENT));
    PathRecord byPeriod = Deals.expected(seasoned("payment_period")).record();
    assertThat(byPeriod.defaults[0]).isCloseTo(890_850.93, within(CENT));
  }

  private static String seasoned(String basis) {
    return Deals.singleSegment("""
        - name: loans
          balance: 100m
          average_balance: 1000
          term_months: 6
          seasoning_days: 46
          amortisation: bullet
          annual_rate: 12%%
          performance:
            annual_default_rate: [10%%, 20%%, 40%%, 5%%]
            curves_by: %s
        """.formatted(basis), "", "2024-06-01", Deals.REINVEST_THEN_PASS_THROUGH
        .substring(Deals.REINVEST_THEN_PASS_THROUGH.indexOf("amortising")));
  }

  /**
   * Loans made at closing run 31 days at 10% (their month 1, Jan 1 to Feb 1): 100m x (1 -
   * 0.9^(31/365)) = 890,850.93 default and 99,109,149.07 is repaid, all of it bought on Feb 1 as
   * new 29-day loans. Those start at month 1 too, so over Feb 1 to Mar 1 they default at 10%, not
   * at the 50% of the pool's second month: 99,109,149.07 x (1 - 0.9^(29/365)) = 826,190.64.
   */
  @Test
  void loansBoughtWhileRevolvingStartAtMonthOne() {
    PathRecord r = Deals.expected(Deals.singleSegment("""
        - name: loans
          balance: 100m
          average_balance: 1000
          term_days: 31
          amortisation: bullet
          annual_rate: 12%
          performance:
            annual_default_rate: [10%, 50%]
            curves_by: months_on_book
        """, """
        revolving:
          last_period: 1
          timing: payment_date
          template:
            - {segment: loans, share: 1, term_days: 29}
        """, "2024-06-01", Deals.REINVEST_THEN_PASS_THROUGH)).record();
    assertThat(r.defaults[0]).isCloseTo(890_850.93, within(CENT));
    assertThat(r.purchases[0]).isCloseTo(99_109_149.07, within(CENT));
    assertThat(r.defaults[1]).isCloseTo(826_190.64, within(CENT));
  }

  /**
   * Recovery rates by month on book, 10%, 20% and then 60%, for equal-principal loans made on
   * 2023-11-16 (instalments on the 16th; closing 2024-01-01, payments on the 1st) defaulting at
   * 10% a year and recovering two periods after the default. Period 1 holds 15 days of month 2, to
   * the Jan 16 instalment: 100m x (1 - 0.9^(15/365)) = 432,052.38 defaults, recovering 20%; the
   * survivors pay a fifth of their principal, and 16 days of month 3 follow on the 79,654,358.10
   * left: 367,038.85 defaults, recovering 60%. Period 3 receives 0.2 x 432,052.38 + 0.6 x
   * 367,038.85 = 306,633.78.
   */
  @Test
  void recoveryRatesFollowTheMonthOnBookOfTheDefault() {
    PathRecord r = Deals.expected(Deals.singleSegment("""
        - name: loans
          balance: 100m
          average_balance: 1000
          term_months: 6
          seasoning_days: 46
          amortisation: equal_principal
          annual_rate: 12%
          performance:
            annual_default_rate: 10%
            curves_by: months_on_book
            recovery_rate: [10%, 20%, 60%]
            recovery_lag_months: 2
        """, "", "2024-06-01", Deals.REINVEST_THEN_PASS_THROUGH
        .substring(Deals.REINVEST_THEN_PASS_THROUGH.indexOf("amortising")))).record();
    assertThat(r.defaults[0]).isCloseTo(799_091.22, within(CENT));
    assertThat(r.recoveries[2]).isCloseTo(306_633.78, within(CENT));
  }
}
