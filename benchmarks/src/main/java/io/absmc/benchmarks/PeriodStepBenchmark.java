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
 * One period of a bundled deal stepped from a fixed state: the pool (draws, defaults, prepayments,
 * instalments, purchases) and the waterfall. The state is the one a Monte Carlo path reaches at the
 * start of {@code period}; each operation restores it ({@code restore} measures that copy alone,
 * to subtract) and steps the period with fresh draws. Score: microseconds per period step.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PeriodStepBenchmark {

  @Param({"ali-microloan-plan1", "ant-credit-pay-abs"})
  public String scenario;

  @Param({"cohort", "large-pool"})
  public String granularity;

  /** The period stepped (0-based); 6 is mid-revolving in both bundled deals. */
  @Param({"6"})
  public int period;

  private SteppedPath path;

  @Setup
  public void setUp() {
    ResolvedDeal deal = ResolvedDeal.resolve(ScenarioLoader.load(
        PathEngineBenchmark.scenarioFile(scenario)));
    path = new SteppedPath(deal,
        io.absmc.scenario.yaml.MapCursor.parseChoice(granularity, Granularity.class), period);
  }

  @Benchmark
  public PathRecord step() {
    return path.step();
  }

  @Benchmark
  public PathEngine restore() {
    return path.restore();
  }
}
