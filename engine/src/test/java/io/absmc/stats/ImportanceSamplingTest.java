package io.absmc.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.absmc.TestFiles;
import io.absmc.montecarlo.Granularity;
import io.absmc.montecarlo.ImportanceSampling;
import io.absmc.montecarlo.ImportanceShift;
import io.absmc.montecarlo.MonteCarloRunner;
import io.absmc.montecarlo.RunSettings;
import io.absmc.montecarlo.StaticPools;
import io.absmc.rating.IdealizedTable;
import io.absmc.resolve.ResolvedDeal;
import io.absmc.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * Importance sampling (a defensive mixture of shifted and unshifted default factors, weighted by
 * the likelihood ratio) keeps the statistics unbiased against closed forms and independent
 * reference values, its intervals cover the truth, and it is far more efficient than plain Monte
 * Carlo for the tranche it aims at.
 */
class ImportanceSamplingTest {

  static RunStatistics run(ResolvedDeal deal, int paths, long seed, Granularity g,
      ImportanceSampling is) {
    RunStatistics s = new RunStatistics(deal, paths, IdealizedTable.bundledExpectedLoss(),
        IdealizedTable.bundledDefaultProbability());
    MonteCarloRunner.run(deal, new RunSettings(paths, seed, 2, g, is), s, null, null);
    return s;
  }

  /**
   * The weekly revolving pool of {@code src/test/python/weekly_revolving_reference.py}: 52 weekly
   * vintages of 7-day loans whose factors follow an AR(1) (phi 0.3 a year), a senior of 67%.
   */
  static ResolvedDeal weeklyRevolving() {
    String yaml = """
        name: weekly-revolving
        calendar:
          closing_date: 2023-01-01
          first_payment_date: 2023-01-08
          payment_frequency: weekly
          legal_final_date: 2023-12-31
        pool:
          model:
            asset_correlation: 5%
            annual_factor_autocorrelation: 0.3
          segments:
            - name: loans
              balance: 100m
              loans: 100000
              term_days: 7
              amortisation: bullet
              annual_rate: 0
              performance:
                annual_default_rate: 5%
                recovery_rate: 0
        revolving:
          last_period: 51
          timing: payment_date
          template:
            - segment: loans
              share: 1
        structure:
          plan_size: 100m
          tranches:
            - name: senior
              amount: 67m
              coupon: 0
              payment_months: [52]
            - name: junior
              amount: 33m
              payment_months: [52]
        waterfall:
          revolving:
            - reinvest
          amortising:
            - pay_principal: [senior]
            - pay_residual: junior
        """;
    return ResolvedDeal.resolve(ScenarioLoader.parse(yaml, "weekly-revolving.yaml"));
  }

  /**
   * R3, rho = 0.1: the 10-100% tranche's EL is 0.000200 (closed form). Aimed at it, a run
   * estimates it within 4 standard errors, and at equal paths its variance is a small fraction
   * of plain Monte Carlo's.
   */
  @Test
  void shiftedRunIsUnbiasedAndFarMorePreciseInTheTail() {
    ResolvedDeal deal = StaticPools.deal(1 - Math.exp(-0.05), 0.1, 0.4, 100_000,
        StaticPools.R3_TRANCHES, StaticPools.R3_WATERFALL);
    int paths = 100_000;
    ImportanceSampling is = ImportanceShift.forTranche(deal, 0, 0.2);
    TrancheStatistics plain = run(deal, paths, 71, Granularity.LARGE_POOL,
        ImportanceSampling.OFF).tranche(0);
    TrancheStatistics shifted = run(deal, paths, 71, Granularity.LARGE_POOL, is).tranche(0);
    assertThat(Math.abs(shifted.el() - 0.000200)).isLessThan(4 * shifted.elSe());
    assertThat(Math.abs(plain.el() - 0.000200)).isLessThan(4 * plain.elSe());
    assertThat(Math.pow(plain.elSe() / shifted.elSe(), 2)).isGreaterThan(20);
  }

  /** The pool's mean loss stays (1 - R) PD under the shift, and its quantiles stay R1's. */
  @Test
  void weightedMeansAndQuantilesMatchTheUnshiftedDistribution() {
    double pd = 1 - Math.exp(-0.05);
    ResolvedDeal deal = StaticPools.deal(pd, 0.1, 0.4, 100_000, StaticPools.R3_TRANCHES,
        StaticPools.R3_WATERFALL);
    RunStatistics s = run(deal, 200_000, 72, Granularity.LARGE_POOL,
        ImportanceShift.ofLength(deal, 1.5, 0.2));
    PoolStatistics.Distribution loss = s.pool().lossRate();
    assertThat(Math.abs(loss.mean() - 0.6 * pd)).isLessThan(4 * loss.meanSe());

    ResolvedDeal r1 = StaticPools.pool(0.01, 0.2, 100_000);
    RunStatistics q = run(r1, 200_000, 73, Granularity.LARGE_POOL,
        ImportanceShift.ofLength(r1, 2.0, 0.2));
    double q999 = 0.145525;
    // the Vasicek density at q999 (p = 1%, rho = 0.2)
    double a = io.absmc.random.Normal.quantile(q999);
    double b = io.absmc.random.Normal.quantile(0.01);
    double density = Math.sqrt(0.8 / 0.2) * Math.exp(0.5 * a * a - Math.pow(Math.sqrt(0.8) * a - b, 2) / 0.4);
    // plain Monte Carlo's s.e. at this many paths; the shifted estimate is at least as precise
    double plainSe = Math.sqrt(0.999 * 0.001 / 200_000) / density;
    assertThat(Math.abs(q.pool().defaultRate().quantiles()[5] - q999)).isLessThan(4 * plainSe);
  }

  /** Every weight is at most 1 / a, so a weighted probability never leaves [0, 1]. */
  @Test
  void weightedProbabilitiesStayProbabilities() {
    ResolvedDeal deal = weeklyRevolving();
    RunStatistics s = run(deal, 20_000, 74, Granularity.LARGE_POOL,
        ImportanceShift.forTranche(deal, 0, 0.2));
    for (TrancheStatistics t : s.tranches()) {
      assertThat(t.pd()).isBetween(0.0, 1.0);
      assertThat(t.pdHigh()).isLessThanOrEqualTo(1.0);
    }
    // the junior loses on most shifted paths: its PD near 1 stays at most 1
    assertThat(s.tranche(1).pd()).isGreaterThan(0.5);
    assertThat(s.effectiveSampleSize()).isGreaterThan(0.1 * 20_000);
  }

  /** The automatic shift for Deal A points toward more defaults, and not beyond its cap. */
  @Test
  void automaticShiftForDealAIsBounded() {
    ResolvedDeal deal = ResolvedDeal.resolve(
        ScenarioLoader.load(TestFiles.path("scenarios/ali-microloan-plan1.yaml")));
    ImportanceSampling is = ImportanceShift.forTranche(deal, 0, 0.2);
    assertThat(is.norm()).isBetween(0.0, 8.0);
    assertThat(is.shift()[0]).isPositive();
  }
}
