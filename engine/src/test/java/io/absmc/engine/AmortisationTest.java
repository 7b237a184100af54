package io.absmc.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.absmc.cashflow.ExpectedCashflows;
import org.junit.jupiter.api.Test;

/**
 * Instalment schedules. A 12-month loan made at closing (2024-01-01) pays instalment k on the 1st
 * of each month from February 2024 to January 2025 (its own calendar day), the days 31, 60, 91,
 * ..., 366 from closing, which are also the period ends: each period holds one instalment. (Loans
 * whose day of the month differs from the payment day are in {@link LoanConventionsTest}.)
 */
class AmortisationTest {

  private static final double CENT = 0.005;
  // 2024: Feb 1, Mar 1, Apr 1, May 1, Jun 1, Jul 1, Aug 1, Sep 1, Oct 1, Nov 1, Dec 1, 2025-01-01
  private static final int[] PERIOD_END = {31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366};
  private static final int[] INSTALMENT_DAYS = PERIOD_END;

  private static String loans(String amortisation) {
    return """
        - name: consumer
          balance: 120m
          average_balance: 5000
          term_months: 12
          amortisation: %s
          annual_rate: 12%%
          performance:
            annual_default_rate: 0
        """.formatted(amortisation);
  }

  private static final String WATERFALL = """
      amortising:
        - pay_interest: [senior]
        - pay_principal: [senior]
      """;

  private static int instalmentsIn(int p) {
    int start = p == 0 ? 0 : PERIOD_END[p - 1];
    int n = 0;
    for (int d : INSTALMENT_DAYS) {
      if (d > start && d <= PERIOD_END[p]) {
        n++;
      }
    }
    return n;
  }

  /** Level payment (等额本息): every instalment is the annuity P r / (1 - (1 + r)^-n) with r = 12%/12. */
  @Test
  void levelPaymentScheduleEqualsTheAnnuityFormula() {
    PathRecord r = Deals.expected(Deals.singleSegment(loans("level_payment"), "", "2025-01-01",
        WATERFALL)).record();
    double rate = 0.01;
    double annuity = 120e6 * rate / (1 - Math.pow(1 + rate, -12));
    assertThat(annuity).isCloseTo(10_661_854.64, within(0.01));
    int paid = 0;
    for (int p = 0; p < 12; p++) {
      int k = instalmentsIn(p);
      paid += k;
      assertThat(r.scheduledPrincipal[p] + r.interest[p]).as("period %d", p + 1)
          .isCloseTo(k * annuity, within(CENT));
      // balance after `paid` instalments: P (1+r)^k - A ((1+r)^k - 1) / r
      double growth = Math.pow(1 + rate, paid);
      double expectedBalance = 120e6 * growth - annuity * (growth - 1) / rate;
      assertThat(r.poolClosing[p]).as("balance after period %d", p + 1)
          .isCloseTo(Math.max(0, expectedBalance), within(0.01));
    }
    assertThat(paid).isEqualTo(12);
  }

  /** Equal principal (等额本金): 10m of principal per instalment plus 1% a month on the balance. */
  @Test
  void equalPrincipalRepaysOneTwelfthEachInstalment() {
    PathRecord r = Deals.expected(Deals.singleSegment(loans("equal_principal"), "", "2025-01-01",
        WATERFALL)).record();
    double balance = 120e6;
    for (int p = 0; p < 12; p++) {
      int k = instalmentsIn(p);
      double interest = 0;
      for (int i = 0; i < k; i++) {
        interest += balance * 0.01;
        balance -= 10e6;
      }
      assertThat(r.scheduledPrincipal[p]).as("period %d", p + 1).isCloseTo(k * 10e6, within(CENT));
      assertThat(r.interest[p]).as("period %d", p + 1).isCloseTo(interest, within(CENT));
    }
  }

  /** Interest-only with balloon: 1.2m interest each instalment, all principal on day 366. */
  @Test
  void interestOnlyPaysPrincipalAtTheEnd() {
    PathRecord r = Deals.expected(Deals.singleSegment(loans("interest_only"), "", "2025-01-01",
        WATERFALL)).record();
    for (int p = 0; p < 12; p++) {
      assertThat(r.interest[p]).isCloseTo(instalmentsIn(p) * 1.2e6, within(CENT));
      assertThat(r.scheduledPrincipal[p]).isCloseTo(p == 11 ? 120e6 : 0, within(CENT));
    }
  }

  /** Prepayments remove whole loans: the survivors keep their schedule, so the per-loan annuity holds. */
  @Test
  void prepaidLoansLeaveTheSurvivorsOnSchedule() {
    ExpectedCashflows run = Deals.expected(Deals.singleSegment(
        loans("level_payment").replace("annual_default_rate: 0", "annual_default_rate: 0\n    annual_prepayment_rate: 30%"),
        "", "2025-01-01", WATERFALL));
    PathRecord r = run.record();
    assertThat(r.prepayments[0]).isGreaterThan(0);
    assertThat(r.poolClosing[11]).isCloseTo(0, within(CENT));
    double collected = 0;
    for (int p = 0; p < 12; p++) {
      collected += r.scheduledPrincipal[p] + r.prepayments[p];
    }
    assertThat(collected).isCloseTo(120e6, within(CENT));
  }
}
