package io.absmc.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;

import io.absmc.engine.PathRecord;
import io.absmc.random.BlockStreams;
import io.absmc.resolve.ResolvedDeal;
import io.absmc.scenario.ScenarioLoader;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * R6 (docs/reference-values.md): the default model keeps the base case's term structure whatever the payment
 * calendar. A static pool of 366-day bullet loans (annual default rate 10%, asset correlation 20%,
 * no recovery) over one year cut into 1, 4, 12 or 52 periods: the mean cumulative default rate at
 * every payment date is the base curve 1 - 0.9^(t/365) within 3 standard errors, for every factor
 * autocorrelation and granularity; the horizon distribution is Vasicek(10%, 0.2) (q99 39.3717%,
 * q99.9 54.4706%, computed outside the project) and the same for every layout.
 */
class CalendarInvarianceTest {

  private static final double K = 3;

  /** The year's layouts: first payment date and frequency (closing 2023-01-01, final 2024-01-01). */
  private static final String[][] LAYOUTS = {
      {"2024-01-01", "annual"}, {"2023-04-01", "quarterly"}, {"2023-02-01", "monthly"},
      {"2023-01-09", "weekly"}};

  static ResolvedDeal staticPool(int layout, double phi, String model) {
    String yaml = """
        name: static-year
        calendar:
          closing_date: 2023-01-01
          first_payment_date: %s
          payment_frequency: %s
          legal_final_date: 2024-01-01
        pool:
          model:
            asset_correlation: 20%%
            annual_factor_autocorrelation: %s
        %s
          segments:
            - name: loans
              balance: 100m
              loans: 100000
              term_days: 366
              amortisation: bullet
              annual_rate: 0
              performance:
                annual_default_rate: 10%%
                recovery_rate: 0
        structure:
          plan_size: 100m
          tranches:
            - name: senior
              amount: 90m
              coupon: 0
              payment_months: [1]
            - name: junior
              amount: 10m
              payment_months: [1]
        waterfall:
          amortising:
            - pay_principal: [senior]
            - pay_residual: junior
        """.formatted(LAYOUTS[layout][0], LAYOUTS[layout][1], phi, model.indent(4).stripTrailing());
    return ResolvedDeal.resolve(ScenarioLoader.parse(yaml, "static-year.yaml"));
  }

  /** Each path's cumulative default rate at every payment date, [period][path]. */
  static double[][] cumulativeDefaults(ResolvedDeal deal, Granularity g, int paths, long seed) {
    PathSampler sampler = new PathSampler(deal, g);
    BlockStreams streams = new BlockStreams(seed);
    double[][] out = new double[deal.periods][paths];
    for (int i = 0; i < paths; i++) {
      if (i % RunSettings.BLOCK_SIZE == 0) {
        sampler.startBlock(streams.next());
      }
      PathRecord r = sampler.next();
      for (int p = 0; p < deal.periods; p++) {
        out[p][i] = r.cumulativeDefaultRate[p];
      }
    }
    return out;
  }

  static Stream<Arguments> layoutsAndOptions() {
    Stream.Builder<Arguments> b = Stream.builder();
    for (int layout = 0; layout < LAYOUTS.length; layout++) {
      for (double phi : new double[] {0, 0.5, 1}) {
        for (Granularity g : new Granularity[] {Granularity.LARGE_POOL, Granularity.COHORT}) {
          b.add(Arguments.of(layout, phi, g));
        }
      }
    }
    return b.build();
  }

  @ParameterizedTest(name = "layout {0}, phi {1}, {2}")
  @MethodSource("layoutsAndOptions")
  void meanCumulativeDefaultRateIsTheBaseCurveAtEveryPaymentDate(int layout, double phi,
      Granularity g) {
    ResolvedDeal deal = staticPool(layout, phi, "");
    int paths = 20_000;
    double[][] cdr = cumulativeDefaults(deal, g, paths, 601 + layout);
    for (int p = 0; p < deal.periods; p++) {
      double base = 1 - Math.pow(0.9, deal.periodEndDay[p] / 365.0);
      double mean = Stats.mean(cdr[p]);
      double se = Stats.sd(cdr[p], mean) / Math.sqrt(paths);
      assertThat(Math.abs(mean - base)).as("period %d of %d: mean %s, base %s", p + 1,
          deal.periods, mean, base).isLessThan(K * se);
    }
  }

  @ParameterizedTest(name = "lognormal, layout {0}")
  @MethodSource("layouts")
  void lognormalModelKeepsTheBaseCurveToo(int layout) {
    ResolvedDeal deal = staticPool(layout, 1, "defaults: lognormal\ndefault_cv: 0.6");
    int paths = 20_000;
    double[][] cdr = cumulativeDefaults(deal, Granularity.LARGE_POOL, paths, 611 + layout);
    for (int p = 0; p < deal.periods; p++) {
      double base = 1 - Math.pow(0.9, deal.periodEndDay[p] / 365.0);
      double mean = Stats.mean(cdr[p]);
      double se = Stats.sd(cdr[p], mean) / Math.sqrt(paths);
      assertThat(Math.abs(mean - base)).as("period %d", p + 1).isLessThan(K * se);
    }
    // and the horizon rate is the multiplier times 10%: its standard deviation is 0.6 x 10%
    double[] horizon = cdr[deal.periods - 1];
    double mean = Stats.mean(horizon);
    assertThat(Math.abs(Stats.sd(horizon, mean) - 0.06)).isLessThan(K * Stats.sdSe(horizon, mean));
  }

  static Stream<Integer> layouts() {
    return Stream.of(0, 1, 2, 3);
  }

  /**
   * With one factor, the large-pool horizon default rate is Vasicek(F(T), rho) exactly for any
   * layout: the same path's rate agrees across layouts to rounding, and its quantiles are R6's.
   */
  @ParameterizedTest(name = "layout {0}")
  @MethodSource("layouts")
  void horizonDistributionIsVasicekForEveryLayout(int layout) {
    int paths = 100_000;
    double[] horizon = last(cumulativeDefaults(staticPool(layout, 1, ""), Granularity.LARGE_POOL,
        paths, 620));
    double[] oneyear = last(cumulativeDefaults(staticPool(0, 1, ""), Granularity.LARGE_POOL, paths,
        620));
    for (int i = 0; i < paths; i += 97) {
      assertThat(horizon[i]).isCloseTo(oneyear[i], org.assertj.core.data.Offset.offset(1e-12));
    }
    for (double[] qa : new double[][] {{0.99, 0.393717}, {0.999, 0.544706}}) {
      assertThat(VasicekLargePoolTest.vasicekQuantile(0.10, 0.2, qa[0]))
          .isCloseTo(qa[1], org.assertj.core.data.Offset.offset(5e-7));
      double se = Math.sqrt(qa[0] * (1 - qa[0]) / paths)
          / VasicekLargePoolTest.vasicekDensity(0.10, 0.2, qa[1]);
      assertThat(Math.abs(Stats.quantile(horizon, qa[0]) - qa[1])).as("q%s", qa[0])
          .isLessThan(K * se);
    }
  }

  /**
   * With binomial draws (a finite pool), the horizon distribution of every layout has the same
   * quantiles within 3 standard errors of their difference (independent seeds).
   */
  @ParameterizedTest(name = "layout {0} against one period, phi {1}")
  @MethodSource("layoutPairs")
  void cohortHorizonDistributionDoesNotDependOnTheLayout(int layout, double phi) {
    int paths = 40_000;
    double[] one = last(cumulativeDefaults(staticPool(0, phi, ""), Granularity.COHORT, paths, 630));
    double[] other = last(cumulativeDefaults(staticPool(layout, phi, ""), Granularity.COHORT,
        paths, 631));
    for (double alpha : new double[] {0.5, 0.9, 0.99}) {
      double q = Stats.quantile(one, alpha);
      double se = Math.sqrt(alpha * (1 - alpha) / paths)
          / VasicekLargePoolTest.vasicekDensity(0.10, 0.2, q);
      assertThat(Math.abs(Stats.quantile(other, alpha) - q)).as("q%s", alpha)
          .isLessThan(K * Math.sqrt(2) * se);
    }
  }

  static Stream<Arguments> layoutPairs() {
    return Stream.of(Arguments.of(1, 1.0), Arguments.of(2, 1.0), Arguments.of(3, 1.0),
        Arguments.of(3, 0.5), Arguments.of(3, 0.0));
  }

  private static double[] last(double[][] byPeriod) {
    return byPeriod[byPeriod.length - 1];
  }
}
