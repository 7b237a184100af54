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
 * One loan-mode period step (a uniform draw and a compare per loan and event, then the cohort
 * update, purchases and the waterfall) on the 57-day order-loan pool of
 * {@code scenarios/examples/order-loans-100k.yaml} with {@code loans} loans, from the state a path
 * reaches at the start of {@code period}. Score: microseconds per period; ns per active
 * loan-period = score x 1000 / the active loans printed at set-up.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LoanStepBenchmark {

  @Param({"100000", "1000000"})
  public int loans;

  @Param({"3"})
  public int period;

  private SteppedPath path;

  @Setup
  public void setUp() throws Exception {
    ResolvedDeal deal = PathEngineBenchmark.orderLoans(loans);
    path = new SteppedPath(deal, Granularity.LOAN, period);
    double averageLoan = deal.initialPoolBalance / java.util.Arrays.stream(deal.initialLoans).sum();
    System.out.printf("%n%d loans: about %,.0f active in period %d%n", loans,
        path.openingBalance() / averageLoan, period);
  }

  @Benchmark
  public PathRecord step() {
    return path.step();
  }
}
