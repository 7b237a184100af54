package io.absmc.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.absmc.TestFiles;
import io.absmc.rating.IdealizedTable;
import io.absmc.resolve.ResolvedDeal;
import io.absmc.scenario.ScenarioLoader;
import io.absmc.stats.RunStatistics;
import io.absmc.stats.TrancheStatistics;
import org.junit.jupiter.api.Test;

/**
 * Replaying the waterfall over a simulated pool is exact: for deals whose pool cannot depend on
 * their tranches, the statistics of a replayed capital structure equal those of a full run of it
 * with the same seed, to the last bit.
 */
class TraceSetTest {

  private static RunStatistics stats(ResolvedDeal deal) {
    return new RunStatistics(deal, 2600, IdealizedTable.bundledExpectedLoss(),
        IdealizedTable.bundledDefaultProbability());
  }

  private static void assertSame(RunStatistics a, RunStatistics b) {
    for (int t = 0; t < a.deal().tranches; t++) {
      TrancheStatistics x = a.tranche(t);
      TrancheStatistics y = b.tranche(t);
      assertThat(y.el()).isEqualTo(x.el());
      assertThat(y.pd()).isEqualTo(x.pd());
      assertThat(y.elPv()).isEqualTo(x.elPv());
      assertThat(y.walYears()).isEqualTo(x.walYears());
      assertThat(y.irrMean()).isEqualTo(x.irrMean());
      assertThat(y.lossQuantiles()).containsExactly(x.lossQuantiles());
    }
    assertThat(b.pool().lossRate().mean()).isEqualTo(a.pool().lossRate().mean());
  }

  private static void check(String file, String resizedText) throws Exception {
    String text = TestFiles.read(file);
    assertThat(resizedText).isNotEqualTo(text);
    ResolvedDeal deal = ResolvedDeal.resolve(ScenarioLoader.parse(text, "x.yaml"));
    ResolvedDeal resized = ResolvedDeal.resolve(ScenarioLoader.parse(resizedText, "y.yaml"));
    RunSettings settings = new RunSettings(2600, 17, 2, Granularity.COHORT);
    TraceSet traces = TraceSet.simulate(deal, settings);
    for (ResolvedDeal d : new ResolvedDeal[] {deal, resized}) {
      RunStatistics full = stats(d);
      MonteCarloRunner.run(d, settings, full, null, null);
      RunStatistics replayed = stats(d);
      traces.replay(d, replayed);
      assertSame(full, replayed);
    }
    assertThat(resized.trancheAmount[0]).isNotEqualTo(deal.trancheAmount[0]);
  }

  @Test
  void replayingDealAEqualsFullRunsOfBothStructures() throws Exception {
    String a = TestFiles.read("scenarios/ali-microloan-plan1.yaml");
    check("scenarios/ali-microloan-plan1.yaml", a
        .replace("      share: 75%\n      coupon: 6.2%", "      share: 85%\n      coupon: 6.2%")
        .replace("      share: 15%\n      coupon: 11%", "      share: 5%\n      coupon: 11%"));
  }

  @Test
  void replayingDealBEqualsFullRunsOfBothStructures() throws Exception {
    String b = TestFiles.read("scenarios/ant-credit-pay-abs.yaml");
    check("scenarios/ant-credit-pay-abs.yaml", b
        .replace("share: 80%                   # assumption: within", "share: 70%                   # assumption: within")
        .replace("      share: 14%                   # assumption\n", "      share: 24%\n"));
  }

  @Test
  void aPoolThatDependsOnItsTranchesIsRefused() {
    String text = TestFiles.read("scenarios/ant-credit-pay-abs.yaml")
        .replace("effect: trap_excess_spread", "effect: end_revolving");
    ResolvedDeal deal = ResolvedDeal.resolve(ScenarioLoader.parse(text, "x.yaml"));
    assertThatThrownBy(() -> TraceSet.simulate(deal, new RunSettings(10, 1, 1, Granularity.COHORT)))
        .hasMessageContaining("pool depends on its tranches");
  }
}
