package io.absmc.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.absmc.TestFiles;
import io.absmc.montecarlo.BlockResult;
import io.absmc.output.RunFiles;
import io.absmc.stats.RunStatistics;
import io.absmc.stats.TrancheStatistics;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java API: runs, plans computed block by block elsewhere, batches, and its refusals. */
class ApiTest {

  private static final Path DEAL_A = TestFiles.path("scenarios/ali-microloan-plan1.yaml");

  /**
   * A plan's blocks computed one range at a time and merged in block order, as a distributed
   * runner does, give the statistics of the local run to the bit, on any number of threads.
   */
  @Test
  void blocksMergedInOrderAreTheLocalRun() {
    Run run = Run.of(DEAL_A).stress("defaults=x3").paths(5000).seed(11).threads(2);
    RunResult local = run.call();
    Plan plan = run.threads(1).plan();
    RunStatistics merged = plan.statistics();
    for (long[] range : new long[][] {{0, 2}, {2, 3}, {3, plan.blocks()}}) {
      RunStatistics part = new RunStatistics(plan.deal(), 0, plan.elTable(), plan.pdTable());
      for (Iterator<BlockResult> it = plan.blocks(range[0], range[1]); it.hasNext(); ) {
        part.accept(it.next());
      }
      merged.merge(part);
    }
    assertThat(merged.paths()).isEqualTo(5000);
    for (int t = 0; t < local.tranches().size(); t++) {
      TrancheStatistics a = local.tranches().get(t);
      TrancheStatistics b = merged.tranches().get(t);
      assertThat(b.el()).isEqualTo(a.el());
      assertThat(b.pd()).isEqualTo(a.pd());
      assertThat(b.lossQuantiles()).containsExactly(a.lossQuantiles());
    }
    assertThat(local.tranche("subordinated").el()).isGreaterThan(0);
  }

  /**
   * A batch runs each scenario on the same paths as a run under the same stress: the inline
   * shocks' only scenario gives the run's numbers exactly.
   */
  @Test
  void aBatchScenarioIsTheRunUnderItsStress(@TempDir Path tmp) throws Exception {
    List<RunFiles.SummaryEntry> batch = Batch.of(Run.of(DEAL_A).paths(3000),
        "defaults=x2,recovery=-20%").writeTo(tmp.resolve("b"));
    RunResult run = Run.of(DEAL_A).paths(3000).stress("defaults=x2,recovery=-20%").call();
    assertThat(batch).hasSize(1);
    for (int t = 0; t < run.tranches().size(); t++) {
      assertThat(batch.get(0).tranches().get(t).el()).isEqualTo(run.tranches().get(t).el());
    }
    assertThat(batch.get(0).pool().lossRate().mean()).isEqualTo(run.pool().lossRate().mean());
    assertThat(tmp.resolve("b/batch_summary.parquet")).isRegularFile();
  }

  @Test
  void badSettingsAreRefusedNamingThem() {
    Run run = Run.of(DEAL_A);
    assertThatThrownBy(() -> run.paths(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("paths must be between 1 and 2000000000, found 0");
    assertThatThrownBy(() -> run.threads(0)).hasMessage("threads must be at least 1, found 0");
    assertThatThrownBy(() -> Run.of(DEAL_A).importanceSampling("sometimes").plan())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("importance sampling must be off, auto, tranche=NAME or shift=MU");
    assertThatThrownBy(() -> run.stress("defaults=twice"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("defaults");
    RunResult r = Run.of(DEAL_A).paths(100).call();
    assertThatThrownBy(() -> r.tranche("junior")).hasMessage(
        "no tranche 'junior'; the deal has senior, mezzanine, subordinated");
    assertThatThrownBy(() -> Batch.of(Run.of(Scenarios.load(DEAL_A)), "defaults=x2"))
        .hasMessageStartingWith("a batch needs a scenario file");
  }

  /** A scenario built in memory runs too; its provenance says it has no file. */
  @Test
  void aScenarioInMemoryHasNoFile() {
    RunResult r = Run.of(Scenarios.load(DEAL_A)).paths(1000).call();
    assertThat(r.provenance()).containsEntry("absmc.scenario_file", "(in memory)")
        .containsEntry("absmc.scenario_sha256", "none");
    assertThat(r.paths()).isEqualTo(1000);
    assertThat(r.folder()).isNull();
  }
}
