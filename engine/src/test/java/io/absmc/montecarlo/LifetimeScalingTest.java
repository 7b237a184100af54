package io.absmc.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.absmc.cashflow.ExpectedCashflows;
import io.absmc.resolve.ResolvedDeal;
import io.absmc.resolve.Stress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lifetime default rates scaled along a fixed timing curve: under k, the static pool of {@link
 * CalendarInvarianceTest} (366-day bullet loans defaulting at 10% a year) has cumulative default
 * rate min(1, k (1 - 0.9^(t/365))) at every payment date t, on the expected path exactly and on
 * average over Monte Carlo paths within 3 standard errors, whatever the layout.
 */
class LifetimeScalingTest {

  private static final double K = 3;

  private static double scaled(double k, int day) {
    return Math.min(1, k * (1 - Math.pow(0.9, day / 365.0)));
  }

  /** k = 12 reaches 100% when 1 - 0.9^(t/365) = 1/12, on day 302: every loan left defaults. */
  @ParameterizedTest(name = "k {0}, layout {1}")
  @CsvSource({"3, 2", "3, 3", "12, 2", "0.5, 1"})
  void expectedPathFollowsTheScaledCurve(double k, int layout) {
    ResolvedDeal deal = ResolvedDeal.resolve(CalendarInvarianceTest.staticPool(layout, 1, "")
        .scenario, Stress.NONE.withLifetimeDefaults(k));
    double[] cdr = ExpectedCashflows.run(deal).record().cumulativeDefaultRate;
    for (int p = 0; p < deal.periods; p++) {
      assertThat(cdr[p]).as("period %d", p + 1).isCloseTo(scaled(k, deal.periodEndDay[p]),
          within(1e-9));
    }
  }

  @ParameterizedTest(name = "layout {0}")
  @ValueSource(ints = {1, 2, 3})
  void monteCarloMeanFollowsTheScaledCurve(int layout) {
    ResolvedDeal base = CalendarInvarianceTest.staticPool(layout, 1, "");
    ResolvedDeal deal = ResolvedDeal.resolve(base.scenario, Stress.NONE.withLifetimeDefaults(3));
    int paths = 20_000;
    double[][] cdr = CalendarInvarianceTest.cumulativeDefaults(deal, Granularity.LARGE_POOL,
        paths, 811 + layout);
    for (int p = 0; p < deal.periods; p++) {
      double expected = scaled(3, deal.periodEndDay[p]);
      double mean = Stats.mean(cdr[p]);
      double se = Stats.sd(cdr[p], mean) / Math.sqrt(paths);
      assertThat(Math.abs(mean - expected)).as("period %d: %s against %s", p + 1, mean, expected)
          .isLessThan(K * se);
    }
  }
}
