package io.absmc.benchmarks;

import io.absmc.montecarlo.BlockResult;
import io.absmc.montecarlo.Granularity;
import io.absmc.montecarlo.MonteCarloRunner;
import io.absmc.montecarlo.RunSettings;
import io.absmc.rating.IdealizedTable;
import io.absmc.resolve.ResolvedDeal;
import io.absmc.scenario.ScenarioLoader;
import io.absmc.stats.RunStatistics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A run's statistics taking one block of 1,024 paths ({@link RunStatistics#accept}): moments,
 * the distributions' first pass (counts by bin, and the values themselves with {@code keep}, as a
 * run of up to 2,000,000 paths keeps them), balance histograms, trigger counts, and closing the
 * block into the exact sums. Real blocks of a bundled deal, simulated once at set-up. Score: blocks
 * per second; paths per second = score x 1,024. The statistics start afresh every iteration.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StatisticsBenchmark {

  @Param({"ali-microloan-plan1"})
  public String scenario;

  @Param({"true", "false"})
  public boolean keep;

  private ResolvedDeal deal;
  private final List<BlockResult> blocks = new ArrayList<>();
  private RunStatistics stats;
  private int next;

  @Setup
  public void setUp() {
    deal = ResolvedDeal.resolve(ScenarioLoader.load(PathEngineBenchmark.scenarioFile(scenario)));
    RunSettings settings = new RunSettings(64L * RunSettings.BLOCK_SIZE, RunSettings.DEFAULT_SEED,
        2, Granularity.COHORT);
    MonteCarloRunner.run(deal, settings, blocks::add, null, null);
  }

  @Setup(Level.Iteration)
  public void freshStatistics() {
    stats = new RunStatistics(deal, keep, IdealizedTable.bundledExpectedLoss(),
        IdealizedTable.bundledDefaultProbability());
  }

  @Benchmark
  public long accept() {
    stats.accept(blocks.get(next++ % blocks.size()));
    return stats.paths();
  }
}
