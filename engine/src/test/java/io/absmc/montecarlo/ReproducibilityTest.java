package io.absmc.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;

import io.absmc.TestFiles;
import io.absmc.cashflow.ExpectedCashflows;
import io.absmc.resolve.ResolvedDeal;
import io.absmc.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/** The same seed gives the same numbers path by path on any number of threads; another seed does not. */
class ReproducibilityTest {

  private static final ResolvedDeal DEAL_A = ResolvedDeal.resolve(
      ScenarioLoader.load(TestFiles.path("scenarios/ali-microloan-plan1.yaml")));

  private static PathResults run(long seed, int threads, Granularity g) {
    return MonteCarloRunner.run(DEAL_A, new RunSettings(2_600, seed, threads, g), null, null);
  }

  @Test
  void sameSeedGivesIdenticalPathsOnOneTwoAndEightThreads() {
    PathResults one = run(7, 1, Granularity.COHORT);
    for (int threads : new int[] {2, 8}) {
      PathResults many = run(7, threads, Granularity.COHORT);
      assertThat(many.lossFraction).as("%d threads", threads).containsExactly(one.lossFraction);
      assertThat(many.walYears).containsExactly(one.walYears);
      assertThat(many.poolDefaultRate).containsExactly(one.poolDefaultRate);
      assertThat(many.poolLossRate).containsExactly(one.poolLossRate);
      assertThat(many.guaranteeDraw).containsExactly(one.guaranteeDraw);
    }
  }

  @Test
  void differentSeedGivesDifferentPaths() {
    assertThat(run(8, 2, Granularity.COHORT).poolDefaultRate)
        .isNotEqualTo(run(7, 2, Granularity.COHORT).poolDefaultRate);
  }

  /** A path's result does not depend on which block boundaries the run has: path i is path i. */
  @Test
  void aLongerRunStartsWithTheShorterRunsPaths() {
    PathResults shorter = MonteCarloRunner.run(DEAL_A, new RunSettings(1_500, 9, 2, Granularity.COHORT), null, null);
    PathResults longer = MonteCarloRunner.run(DEAL_A, new RunSettings(2_600, 9, 2, Granularity.COHORT), null, null);
    for (int i = 0; i < shorter.paths; i++) {
      assertThat(longer.poolDefaultRate[i]).isEqualTo(shorter.poolDefaultRate[i]);
    }
  }

  /**
   * With no correlation the large-pool path is the expected-value path: every cohort loses exactly
   * its expected share. Deal A is run whole (revolving, triggers, guarantee).
   */
  @Test
  void largePoolWithoutCorrelationIsTheExpectedValuePath() {
    String text = TestFiles.read("scenarios/ali-microloan-plan1.yaml")
        .replace("pool:\n  segments:", "pool:\n  model:\n    asset_correlation: 0\n  segments:");
    ResolvedDeal deal = ResolvedDeal.resolve(ScenarioLoader.parse(text, "a.yaml"));
    PathResults mc = MonteCarloRunner.run(deal, new RunSettings(50, 3, 1, Granularity.LARGE_POOL), null, null);
    ExpectedCashflows ev = ExpectedCashflows.run(deal);
    double evDefaultRate = ev.record().cumulativeDefaultRate[deal.periods - 1];
    for (int i = 0; i < mc.paths; i++) {
      assertThat(mc.poolDefaultRate[i]).isCloseTo(evDefaultRate, org.assertj.core.data.Offset.offset(1e-12));
    }
  }

  /** Drawn loan by loan in a large pool with no correlation, the mean approaches the expected path. */
  @Test
  void cohortMeanApproachesTheExpectedValuePath() {
    ResolvedDeal deal = StaticPools.pool(0.03, 0.0, 10_000);
    PathResults mc = StaticPools.run(deal, 20_000, 5, Granularity.COHORT);
    double ev = ExpectedCashflows.run(deal).record().cumulativeDefaultRate[0];
    double mean = Stats.mean(mc.poolDefaultRate);
    double se = Math.sqrt(0.03 * 0.97 / 10_000) / Math.sqrt(mc.paths);
    assertThat(Math.abs(mean - ev)).isLessThan(4 * se);
  }
}
