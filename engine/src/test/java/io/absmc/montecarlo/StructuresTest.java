package io.absmc.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;

import io.absmc.TestFiles;
import io.absmc.resolve.ResolvedDeal;
import io.absmc.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Several capital structures of one pool on common paths are exact: each structure's outcomes for
 * a tranche, path by path, equal those of a full run of it with the same settings, to the last bit,
 * whether the pool is simulated once and the waterfall replayed (a pool that cannot depend on the
 * tranches) or every structure runs whole paths; and blocks added later extend a run exactly.
 */
class StructuresTest {

  private static final RunSettings SETTINGS = new RunSettings(2600, 17, 2, Granularity.COHORT);

  /** Deal B with its AAA class at 70% and its subordinated class at 24%. */
  private static String resizedDealB(String b) {
    return b.replace("share: 80%                   # assumption: within",
        "share: 70%                   # assumption: within")
        .replace("      share: 14%                   # assumption\n", "      share: 24%\n");
  }

  /** A full run's tranche-t outcomes, path by path: loss, PV loss, WAL, weight. */
  private static List<double[]> full(ResolvedDeal deal, int t, RunSettings settings) {
    List<double[]> out = new ArrayList<>();
    MonteCarloRunner.run(deal, settings, b -> {
      for (int i = 0; i < b.paths; i++) {
        int k = b.at(t, i);
        out.add(new double[] {b.lossFraction[k], b.pvLossFraction[k], b.walYears[k],
            b.weight[i]});
      }
    }, null, null);
    return out;
  }

  /** Structures' outcomes for each structure, path by path, over blocks from .. to-1. */
  private static List<List<double[]>> structures(ResolvedDeal pool, ResolvedDeal[] deals, int t,
      RunSettings settings, long from, long to) {
    List<List<double[]>> out = new ArrayList<>();
    for (int k = 0; k < deals.length; k++) {
      out.add(new ArrayList<>());
    }
    Structures.run(pool, deals, t, settings, from, to, blocks -> {
      for (int k = 0; k < blocks.length; k++) {
        Structures.Outcomes o = blocks[k];
        for (int i = 0; i < o.weight().length; i++) {
          out.get(k).add(new double[] {o.lossFraction()[i], o.pvLossFraction()[i],
              o.walYears()[i], o.weight()[i]});
        }
      }
    }, null);
    return out;
  }

  private static void check(String text, String resizedText, int t, RunSettings settings) {
    assertThat(resizedText).isNotEqualTo(text);
    ResolvedDeal deal = ResolvedDeal.resolve(ScenarioLoader.parse(text, "x.yaml"));
    ResolvedDeal resized = ResolvedDeal.resolve(ScenarioLoader.parse(resizedText, "y.yaml"));
    ResolvedDeal[] deals = {deal, resized};
    List<List<double[]>> together = structures(deal, deals, t, settings, 0, settings.blocks());
    // the same blocks in two ranges, as sizing adds paths
    List<List<double[]>> split = structures(deal, deals, t, settings, 0, 1);
    List<List<double[]>> rest = structures(deal, deals, t, settings, 1, settings.blocks());
    for (int k = 0; k < deals.length; k++) {
      List<double[]> expected = full(deals[k], t, settings);
      assertThat(together.get(k)).hasSize(expected.size());
      split.get(k).addAll(rest.get(k));
      for (int i = 0; i < expected.size(); i++) {
        assertThat(together.get(k).get(i)).as("structure %d, path %d", k, i)
            .containsExactly(expected.get(i));
        assertThat(split.get(k).get(i)).containsExactly(expected.get(i));
      }
    }
    assertThat(resized.trancheAmount[t]).isNotEqualTo(deal.trancheAmount[t]);
  }

  @Test
  void replayingDealAEqualsFullRunsOfBothStructures() {
    String a = TestFiles.read("scenarios/ali-microloan-plan1.yaml");
    check(a, a
        .replace("      share: 75%\n      coupon: 6.2%", "      share: 85%\n      coupon: 6.2%")
        .replace("      share: 15%\n      coupon: 11%", "      share: 5%\n      coupon: 11%"), 0,
        SETTINGS.withImportance(ImportanceShift.ofLength(ResolvedDeal.resolve(
            ScenarioLoader.parse(a, "a.yaml")), 2, 0.2)));
  }

  @Test
  void replayingDealBEqualsFullRunsOfBothStructures() {
    String b = TestFiles.read("scenarios/ant-credit-pay-abs.yaml");
    check(b, resizedDealB(b), 2, SETTINGS);
  }

  /** A pool that depends on its tranches (an excess-spread trigger ending revolving): full runs. */
  @Test
  void aPoolThatDependsOnItsTranchesRunsEveryStructureWhole() {
    String b = TestFiles.read("scenarios/ant-credit-pay-abs.yaml")
        .replace("effect: trap_excess_spread", "effect: end_revolving");
    assertThat(io.absmc.engine.PathEngine.poolIndependentOfTranches(
        ResolvedDeal.resolve(ScenarioLoader.parse(b, "b.yaml")))).isFalse();
    check(b, resizedDealB(b), 0, SETTINGS);
  }
}
