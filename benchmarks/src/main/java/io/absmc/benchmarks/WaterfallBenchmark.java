package io.absmc.benchmarks;

import io.absmc.engine.PathEngine;
import io.absmc.engine.PathRecord;
import io.absmc.montecarlo.Granularity;
import io.absmc.resolve.ResolvedDeal;
import io.absmc.scenario.ScenarioLoader;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The deal side alone: accounts, triggers, the deal state and the waterfall of every period of a
 * recorded Monte Carlo path, replayed ({@link PathEngine#replay}) without the pool. Score:
 * microseconds per path; one waterfall step is that over the periods printed at set-up.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WaterfallBenchmark {

  @Param({"ali-microloan-plan1", "ant-credit-pay-abs"})
  public String scenario;

  private PathEngine engine;
  private PathRecord trace;
  private PathRecord out;

  @Setup
  public void setUp() {
    ResolvedDeal deal = ResolvedDeal.resolve(ScenarioLoader.load(
        PathEngineBenchmark.scenarioFile(scenario)));
    // the first path of block 0 of seed 1; the sampler does not draw again, so its record stays
    trace = new BlockedPaths(deal, Granularity.COHORT).next();
    engine = new PathEngine(deal);
    out = new PathRecord(deal);
    System.out.printf("%n%s: %d periods a path%n", scenario, deal.periods);
  }

  @Benchmark
  public PathRecord dealSide() {
    engine.replay(trace, out);
    return out;
  }
}
