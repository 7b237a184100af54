package io.absmc.benchmarks;

import io.absmc.engine.PathRecord;
import io.absmc.montecarlo.Granularity;
import io.absmc.resolve.ResolvedDeal;
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
 * How a path's cost scales with the number of loans: the 57-day order-loan pool of
 * {@code scenarios/examples/order-loans-100k.yaml} with its loan count replaced by {@code loans}.
 * Cohort and large-pool paths should cost the same whatever the count; loan-mode paths should grow
 * in proportion to it. Score: microseconds per path.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PoolSizeBenchmark {

  @Param({"10000", "100000", "1000000"})
  public int loans;

  @Param({"cohort", "large-pool", "loan"})
  public String granularity;

  private BlockedPaths paths;

  @Setup
  public void setUp() throws Exception {
    ResolvedDeal deal = PathEngineBenchmark.orderLoans(loans);
    paths = new BlockedPaths(deal,
        io.absmc.scenario.yaml.MapCursor.parseChoice(granularity, Granularity.class));
  }

  @Benchmark
  public PathRecord path() {
    return paths.next();
  }
}
