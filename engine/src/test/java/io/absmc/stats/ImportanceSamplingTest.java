package io.absmc.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.absmc.TestFiles;
import io.absmc.montecarlo.Granularity;
import io.absmc.montecarlo.ImportanceShift;
import io.absmc.montecarlo.MonteCarloRunner;
import io.absmc.montecarlo.RunSettings;
import io.absmc.montecarlo.StaticPools;
import io.absmc.rating.IdealizedTable;
import io.absmc.resolve.ResolvedDeal;
import io.absmc.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * Importance sampling (a mean shift of the default factor with likelihood-ratio weights) keeps the
 * statistics unbiased, against closed forms, and cuts the variance of tail estimates.
 */
class ImportanceSamplingTest {


  private static RunStatistics run(ResolvedDeal deal, int paths, long seed, double shift) {
    RunStatistics s = new RunStatistics(deal, paths, IdealizedTable.bundledExpectedLoss(),
        IdealizedTable.bundledDefaultProbability());
    MonteCarloRunner.run(deal, new RunSettings(paths, seed, 2, Granularity.LARGE_POOL,
        ImportanceShift.ofLength(deal, shift, 0.2)), s, null, null);
    return s;
  }

  /**
   * R3, rho = 0.1: the 10-100% tranche's EL is 0.000200 (closed form). Weighted by the likelihood
   * ratio, a shifted run estimates it within 4 standard errors, and at equal paths its standard
   * error is a small fraction of plain Monte Carlo's: a variance reduction of well over 20.
   */
  @Test
  void shiftedRunIsUnbiasedAndFarMorePreciseInTheTail() {
    ResolvedDeal deal = StaticPools.deal(1 - Math.exp(-0.05), 0.1, 0.4, 100_000, StaticPools.R3_TRANCHES, StaticPools.R3_WATERFALL);
    int paths = 100_000;
    TrancheStatistics plain = run(deal, paths, 71, 0).tranche(0);
    TrancheStatistics shifted = run(deal, paths, 71, 3.0).tranche(0);
    assertThat(Math.abs(shifted.el() - 0.000200)).isLessThan(4 * shifted.elSe());
    assertThat(Math.abs(plain.el() - 0.000200)).isLessThan(4 * plain.elSe());
    double reduction = Math.pow(plain.elSe() / shifted.elSe(), 2);
    assertThat(reduction).isGreaterThan(20);
  }

  /** The pool's mean loss stays (1 - R) PD under the shift, and its quantiles stay R1's. */
  @Test
  void weightedMeansAndQuantilesMatchTheUnshiftedDistribution() {
    double pd = 1 - Math.exp(-0.05);
    ResolvedDeal deal = StaticPools.deal(pd, 0.1, 0.4, 100_000, StaticPools.R3_TRANCHES, StaticPools.R3_WATERFALL);
    RunStatistics s = run(deal, 200_000, 72, 1.5);
    PoolStatistics.Distribution loss = s.pool().lossRate();
    assertThat(Math.abs(loss.mean() - 0.6 * pd)).isLessThan(4 * loss.meanSe());

    ResolvedDeal r1 = StaticPools.pool(0.01, 0.2, 100_000);
    RunStatistics q = run(r1, 200_000, 73, 2.0);
    double q999 = 0.145525;
    // the Vasicek density at q999 (p = 1%, rho = 0.2)
    double a = io.absmc.random.Normal.quantile(q999);
    double b = io.absmc.random.Normal.quantile(0.01);
    double density = Math.sqrt(0.8 / 0.2) * Math.exp(0.5 * a * a - Math.pow(Math.sqrt(0.8) * a - b, 2) / 0.4);
    // plain Monte Carlo's s.e. at this many paths; the shifted estimate is at least as precise
    double plainSe = Math.sqrt(0.999 * 0.001 / 200_000) / density;
    assertThat(Math.abs(q.pool().defaultRate().quantiles()[5] - q999)).isLessThan(4 * plainSe);
  }

  /** The automatic shift for Deal A points toward more defaults, and not absurdly far. */
  @Test
  void automaticShiftForDealAIsModerate() {
    ResolvedDeal deal = ResolvedDeal.resolve(
        ScenarioLoader.load(TestFiles.path("scenarios/ali-microloan-plan1.yaml")));
    assertThat(ImportanceShift.forTranche(deal, 0, 0.2).norm()).isBetween(0.0, 6.0);
  }
}
