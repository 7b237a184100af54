package io.absmc.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;

import io.absmc.TestFiles;
import io.absmc.random.BlockStreams;
import io.absmc.random.Normal;
import io.absmc.resolve.ResolvedDeal;
import io.absmc.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The default model's defining property for loans bought while revolving, with vintages of their
 * own factors (phi below 1): each vintage's mean conditional cumulative default (and prepayment)
 * probability is the base curve from its own start, 1 - (1 - r)^(age/365), however its exposure is
 * cut into windows; and the factors of vintages d days apart have correlation phi^(d/365).
 * Deal A, whose credit loans default at 2% a year and prepay at 20%, order loans at 1% and 0.
 */
class VintageFactorTest {

  private static final double K = 3;
  private static final int PATHS = 20_000;

  static ResolvedDeal dealA(String model) throws Exception {
    String yaml = Files.readString(TestFiles.path("scenarios/ali-microloan-plan1.yaml"));
    yaml = yaml.replace("pool:\n  segments:", "pool:\n  model:\n" + model.indent(4)
        + "  segments:");
    return ResolvedDeal.resolve(ScenarioLoader.parse(yaml, "deal-a.yaml"));
  }

  /** Cohorts to follow: segment and start day (the initial credit loans, bought credit and order loans). */
  private static int[][] cohorts(ResolvedDeal deal) {
    int[] v = deal.vintageDays;
    int credit = deal.templateSegment[0];
    int order = deal.templateSegment[1];
    return new int[][] {{0, 0}, {1, 0}, {credit, v[1]}, {credit, v[v.length / 2]},
        {order, v[v.length - 2]}};
  }

  /**
   * Each path's conditional cumulative probability of each cohort to the end of its life (or the
   * deal), the exposure cut into windows of {@code step} days: [cohort][path].
   */
  private static double[][] cumulative(ResolvedDeal deal, boolean prepayments, int step,
      long seed) {
    ModelTables tables = new ModelTables(deal);
    MonteCarloDriver driver = new MonteCarloDriver(deal, tables, Granularity.LARGE_POOL,
        ImportanceSampling.OFF);
    driver.useStreams(new BlockStreams(seed).next());
    int[][] cohorts = cohorts(deal);
    double[][] out = new double[cohorts.length][PATHS];
    for (int i = 0; i < PATHS; i++) {
      driver.beginPath();
      for (int c = 0; c < cohorts.length; c++) {
        int s = cohorts[c][0];
        int start = cohorts[c][1];
        int end = end(deal, s, start);
        double survival = 1;
        for (int from = start; from < end; from += step) {
          int to = Math.min(end, from + step);
          double p = prepayments ? driver.prepayments(s, start, from, to, 1)
              : driver.defaults(s, start, from, to, 1);
          survival *= 1 - p;
        }
        out[c][i] = 1 - survival;
      }
    }
    return out;
  }

  /** The end of a cohort's exposure: its loans' maturity, or the deal's last day. */
  private static int end(ResolvedDeal deal, int s, int start) {
    return Math.min(deal.maturityDay(s, deal.originDay(s, start)), deal.lastDay());
  }

  private static double annualRate(ResolvedDeal deal, int s, boolean prepayments) {
    return prepayments ? deal.prepayments.annualRate(s, 0) : deal.defaults.annualRate(s, 0);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "annual_factor_autocorrelation: 0.5",
      "annual_factor_autocorrelation: 0\nasset_correlation: 30%",
      "annual_factor_autocorrelation: 0.9\ndefaults: lognormal\ndefault_cv: 0.8"})
  void everyVintageKeepsTheBaseDefaultCurveFromItsOwnStart(String model) throws Exception {
    ResolvedDeal deal = dealA(model);
    for (int step : new int[] {9, 30}) {
      assertMeansAreTheBaseCurves(deal, false, step, 71);
    }
  }

  /** Each followed cohort's mean cumulative probability over its life is its base curve's. */
  private static void assertMeansAreTheBaseCurves(ResolvedDeal deal, boolean prepayments,
      int step, long seed) throws Exception {
    assertMeansAre(deal, prepayments, step, seed, (s, start, end) ->
        1 - Math.pow(1 - annualRate(deal, s, prepayments), (end - start) / 365.0));
  }

  /** A cohort's base cumulative probability from its start to its end, both days from the cut-off date. */
  private interface BaseCurve {
    double at(int segment, int start, int end);
  }

  private static void assertMeansAre(ResolvedDeal deal, boolean prepayments, int step, long seed,
      BaseCurve base) throws Exception {
    double[][] c = cumulative(deal, prepayments, step, seed);
    int[][] cohorts = cohorts(deal);
    for (int k = 0; k < cohorts.length; k++) {
      int s = cohorts[k][0];
      int start = cohorts[k][1];
      double expected = base.at(s, start, end(deal, s, start));
      if (!prepayments || deal.segmentNames[s].endsWith("credit_loan")) {
        assertThat(expected).as("cohort %d has exposure", k).isPositive();
      }
      double mean = Stats.mean(c[k]);
      double se = Stats.sd(c[k], mean) / Math.sqrt(PATHS);
      assertThat(Math.abs(mean - expected)).as("cohort %d, windows of %d days: %s against %s", k,
          step, mean, expected).isLessThanOrEqualTo(K * se);
    }
  }

  @Test
  void everyVintageKeepsTheBasePrepaymentCurve() throws Exception {
    String model = "annual_factor_autocorrelation: 0.5\nprepayment_volatility: 0.6\n"
        + "prepayment_correlation: -0.4";
    assertMeansAreTheBaseCurves(dealA(model), true, 13, 72);
  }

  private static final double[] CREDIT_BY_AGE = {0.005, 0.02, 0.04, 0.03, 0.02, 0.01};
  private static final double[] ORDER_BY_AGE = {0.005, 0.03};
  private static final double[] PREPAYMENT_BY_AGE = {0.05, 0.1, 0.3};

  /**
   * Deal A with curves by months on book: credit loans default at 0.5%, 2%, 4%, 3%, 2% and 1% a
   * year in their months 1 to 6 and prepay at 5%, 10% and then 30%; order loans default at 0.5%
   * in their first month and 3% after.
   */
  private static ResolvedDeal dealAByAge(String model) throws Exception {
    String yaml = Files.readString(TestFiles.path("scenarios/ali-microloan-plan1.yaml"))
        .replace("pool:\n  segments:", "pool:\n  model:\n" + model.indent(4) + "  segments:")
        .replaceFirst("annual_default_rate: 2.0%.*", "annual_default_rate: [0.5%, 2%, 4%, 3%, 2%,"
            + " 1%]\n        curves_by: months_on_book")
        .replaceFirst("annual_prepayment_rate: 20%.*", "annual_prepayment_rate: [5%, 10%, 30%]")
        .replaceFirst("annual_default_rate: 1.0%.*", "annual_default_rate: [0.5%, 3%]\n"
            + "        curves_by: months_on_book");
    return ResolvedDeal.resolve(ScenarioLoader.parse(yaml, "deal-a.yaml"));
  }

  /**
   * The base curve by age, walked day by day on the calendar with {@code java.time} (not the
   * engine's tables), days counted from the cut-off date: day d of a loan originated on o is in month m of its life, the smallest m with
   * o + m months (clamped to the month's end) on or after d.
   */
  private static BaseCurve byAge(ResolvedDeal deal, boolean prepayments) {
    LocalDate dayZero = deal.scenario.calendar().cutoffDate();
    return (s, start, end) -> {
      boolean credit = deal.segmentNames[s].endsWith("credit_loan");
      double[] rates = prepayments ? (credit ? PREPAYMENT_BY_AGE : new double[] {0})
          : credit ? CREDIT_BY_AGE : ORDER_BY_AGE;
      LocalDate origin = s < deal.initialSegments
          ? dayZero.minusDays(deal.scenario.pool().segments().get(s).seasoningDays())
          : dayZero.plusDays(start);
      double h = 0;
      for (int d = start + 1; d <= end; d++) {
        LocalDate day = dayZero.plusDays(d);
        int m = 1;
        while (origin.plusMonths(m).isBefore(day)) {
          m++;
        }
        h += -Math.log(1 - rates[Math.min(m, rates.length) - 1]) / 365;
      }
      return 1 - Math.exp(-h);
    };
  }

  /**
   * With curves by months on book, every cohort's mean conditional cumulative probability to the
   * end of its exposure is its base curve by age (seasoned loans from their month at the cut-off date,
   * bought loans from month 1), however the exposure is cut, for every default model.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "annual_factor_autocorrelation: 1",
      "annual_factor_autocorrelation: 0.5",
      "annual_factor_autocorrelation: 0.9\ndefaults: lognormal\ndefault_cv: 0.8"})
  void ageCurvesKeepTheBaseCurveOfEveryCohortByAge(String model) throws Exception {
    ResolvedDeal deal = dealAByAge(model);
    for (int step : new int[] {9, 30}) {
      assertMeansAre(deal, false, step, 74, byAge(deal, false));
    }
  }

  @Test
  void ageCurvesKeepTheBasePrepaymentCurveByAge() throws Exception {
    ResolvedDeal deal = dealAByAge("annual_factor_autocorrelation: 0.5\n"
        + "prepayment_volatility: 0.6\nprepayment_correlation: -0.4");
    assertMeansAre(deal, true, 13, 75, byAge(deal, true));
  }

  /**
   * The factor of a vintage, read back from its conditional cumulative default probability C over
   * its first 30 days (Vasicek: X = (sqrt(1 - rho) Phi^-1(C) - Phi^-1(F)) / sqrt(rho)), has
   * correlation phi^(d/365) with that of a vintage d days later.
   */
  @ParameterizedTest(name = "phi {0}")
  @ValueSource(doubles = {0.2, 0.7})
  void vintageFactorsAreCorrelatedByTheirDistanceInTime(double phi) throws Exception {
    ResolvedDeal deal = dealA("annual_factor_autocorrelation: " + phi);
    ModelTables tables = new ModelTables(deal);
    MonteCarloDriver driver = new MonteCarloDriver(deal, tables, Granularity.LARGE_POOL,
        ImportanceSampling.OFF);
    driver.useStreams(new BlockStreams(73).next());
    int s = deal.templateSegment[0];
    int[] v = deal.vintageDays;
    int a = v[1];
    int b = v[v.length - 1];
    double rho = deal.assetCorrelation[s];
    double q = Normal.quantile(1 - Math.pow(1 - annualRate(deal, s, false), 30 / 365.0));
    double[] xa = new double[PATHS];
    double[] xb = new double[PATHS];
    for (int i = 0; i < PATHS; i++) {
      driver.beginPath();
      xa[i] = (Math.sqrt(1 - rho) * Normal.quantile(driver.defaults(s, a, a, a + 30, 1)) - q)
          / Math.sqrt(rho);
      xb[i] = (Math.sqrt(1 - rho) * Normal.quantile(driver.defaults(s, b, b, b + 30, 1)) - q)
          / Math.sqrt(rho);
    }
    double expected = Math.pow(phi, (b - a) / 365.0);
    double r = Stats.correlation(xa, xb);
    assertThat(Math.abs(Stats.mean(xa))).isLessThan(K / Math.sqrt(PATHS));
    assertThat(Math.abs(Stats.sd(xa, Stats.mean(xa)) - 1)).isLessThan(K / Math.sqrt(2 * PATHS));
    assertThat(Math.abs(r - expected)).as("correlation %s against %s", r, expected)
        .isLessThan(K * (1 - expected * expected) / Math.sqrt(PATHS));
  }
}
