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

  // src/test/python/weekly_revolving_reference.py, 2e8 plain paths: estimates and standard errors
  static final double WEEKLY_SENIOR_PD = 7.236500e-05;
  static final double WEEKLY_SENIOR_PD_SE = 6.01e-07;
  static final double WEEKLY_SENIOR_EL = 3.860978e-06;
  static final double WEEKLY_SENIOR_EL_SE = 4.54e-08;
  /** The variance of the senior's loss fraction under plain Monte Carlo: E[L^2] - EL^2. */
  static final double WEEKLY_SENIOR_LOSS_VARIANCE = 4.126376e-07;
  static final double WEEKLY_POOL_LOSS_RATE_Q999 = 5.233700e-03;

  /**
   * Aimed at the weekly revolving pool's senior (52 vintages, phi 0.3 a year), the 95% intervals
   * of its PD and EL and of the pool loss rate's 99.9% quantile cover the reference values in 93%
   * to 97% of 200 runs of 1,024 paths (seeds 1 to 200).
   */
  @Test
  void intervalsCoverTheTruthAcrossSeeds() {
    ResolvedDeal deal = weeklyRevolving();
    ImportanceSampling is = ImportanceShift.forTranche(deal, 0, 0.2);
    int runs = 200;
    int pd = 0;
    int el = 0;
    int quantile = 0;
    for (long seed = 1; seed <= runs; seed++) {
      RunStatistics s = run(deal, 1024, seed, Granularity.LARGE_POOL, is);
      TrancheStatistics senior = s.tranche(0);
      if (senior.pdLow() <= WEEKLY_SENIOR_PD && WEEKLY_SENIOR_PD <= senior.pdHigh()) {
        pd++;
      }
      if (senior.elLow() <= WEEKLY_SENIOR_EL && WEEKLY_SENIOR_EL <= senior.elHigh()) {
        el++;
      }
      Interval95.Interval q = s.lossDistribution(-1).quantileInterval(0.999);
      if (q.low() <= WEEKLY_POOL_LOSS_RATE_Q999 && WEEKLY_POOL_LOSS_RATE_Q999 <= q.high()) {
        quantile++;
      }
    }
    assertThat(pd).as("PD covered").isBetween(186, 194);
    assertThat(el).as("EL covered").isBetween(186, 194);
    assertThat(quantile).as("q99.9 covered").isBetween(186, 194);
  }

  /**
   * The weekly revolving pool's senior loses on about 7 paths in 100,000. Aimed at it, importance
   * sampling estimates its EL and PD with a variance per path well over 60 times smaller than
   * plain Monte Carlo's (from the reference: 4.13e-7 for the loss, p (1 - p) for the PD), while a
   * path costs about the same (MonteCarloPathBenchmark with and without importance sampling:
   * benchmarks/README.md); and its estimates agree with the reference.
   */
  @Test
  void farMoreEfficientForARareLoss() {
    ResolvedDeal deal = weeklyRevolving();
    int paths = 20_480;
    TrancheStatistics senior = run(deal, paths, 75, Granularity.LARGE_POOL,
        ImportanceShift.forTranche(deal, 0, 0.2)).tranche(0);
    assertThat(Math.abs(senior.pd() - WEEKLY_SENIOR_PD))
        .isLessThan(4 * Math.hypot(senior.pdSe(), WEEKLY_SENIOR_PD_SE));
    assertThat(Math.abs(senior.el() - WEEKLY_SENIOR_EL))
        .isLessThan(4 * Math.hypot(senior.elSe(), WEEKLY_SENIOR_EL_SE));
    double elGain = WEEKLY_SENIOR_LOSS_VARIANCE / (senior.elSe() * senior.elSe() * paths);
    double pdGain = WEEKLY_SENIOR_PD * (1 - WEEKLY_SENIOR_PD)
        / (senior.pdSe() * senior.pdSe() * paths);
    assertThat(elGain).isGreaterThan(60);
    assertThat(pdGain).isGreaterThan(60);
  }

  /**
   * For every tranche of R3's static pool and of the weekly revolving pool, importance sampling
   * aimed at it is never less precise at equal paths than plain Monte Carlo, by EL and PD (their
   * variances compared with a margin of 10% for the noise of the two estimates).
   */
  @Test
  void neverLessEfficientForTheTrancheItAimsAt() {
    ResolvedDeal r3 = StaticPools.deal(1 - Math.exp(-0.05), 0.3, 0.4, 100_000,
        StaticPools.R3_TRANCHES, StaticPools.R3_WATERFALL);
    ResolvedDeal weekly = weeklyRevolving();
    for (ResolvedDeal deal : new ResolvedDeal[] {r3, weekly}) {
      int paths = 40_960;
      RunStatistics plain = run(deal, paths, 76, Granularity.LARGE_POOL, ImportanceSampling.OFF);
      for (int t = 0; t < deal.tranches; t++) {
        ImportanceSampling is = ImportanceShift.forTranche(deal, t, 0.2);
        TrancheStatistics aimed = run(deal, paths, 77, Granularity.LARGE_POOL, is).tranche(t);
        TrancheStatistics p = plain.tranche(t);
        if (p.losingPaths() < Interval95.MIN_EVENTS) {
          // plain Monte Carlo cannot even estimate its own variance here
          assertThat(aimed.losingPaths()).isGreaterThan(Interval95.MIN_EVENTS);
          continue;
        }
        assertThat(aimed.elSe() * aimed.elSe()).as("%s EL", deal.trancheNames[t])
            .isLessThanOrEqualTo(1.1 * p.elSe() * p.elSe());
        assertThat(aimed.pdSe() * aimed.pdSe()).as("%s PD", deal.trancheNames[t])
            .isLessThanOrEqualTo(1.1 * p.pdSe() * p.pdSe());
      }
    }
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
    assertThat(is.norm()).isBetween(0.0, 15.0);
    assertThat(is.shift()[0]).isPositive();
  }
}
