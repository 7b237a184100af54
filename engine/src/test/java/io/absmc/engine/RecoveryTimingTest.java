package io.absmc.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.absmc.cashflow.ExpectedCashflows;
import org.junit.jupiter.api.Test;

/**
 * Recoveries that fall due after the legal final date never reach the plan: they are losses. A
 * pool of 1-year bullet loans (100m, 12% annual default rate, no interest) with 50% recoveries,
 * charged off at 90 days; the deal's legal final date is in month 6.
 */
class RecoveryTimingTest {

  private static final double CENT = 0.005;

  private static PathRecord run(int lagMonths) {
    String segment = """
        - name: loans
          balance: 100m
          average_balance: 1000
          term_days: 365
          amortisation: bullet
          annual_rate: 0
          performance:
            annual_default_rate: 12%
            recovery_rate: 50%
            charge_off_days: 90
            recovery_lag_months: LAG
        """.replace("LAG", Integer.toString(lagMonths));
    ExpectedCashflows run = Deals.expected(Deals.singleSegment(segment, "", "2024-07-01", """
        amortising:
          - pay_principal: [senior]
        """));
    return run.record();
  }

  private static double sum(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s;
  }

  /**
   * With no lag, the recoveries of defaults of the first three months arrive by month 6 and only
   * those of the last months' defaults are lost; with a 12-month lag none arrives and every default
   * is lost whole. By hand: losses = defaults - recoveries received, cash received = recoveries.
   */
  @Test
  void recoveriesDueAfterTheLegalFinalDateAreLosses() {
    PathRecord late = run(12);
    double defaults = sum(late.defaults);
    assertThat(defaults).isPositive();
    assertThat(sum(late.recoveries)).isZero();
    assertThat(sum(late.losses)).isCloseTo(defaults, within(CENT));

    PathRecord prompt = run(0);
    double received = sum(prompt.recoveries);
    assertThat(received).isPositive();
    assertThat(received).isLessThan(0.5 * sum(prompt.defaults));
    assertThat(sum(prompt.losses)).isCloseTo(sum(prompt.defaults) - received, within(CENT));
  }
}
