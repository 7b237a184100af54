package io.absmc.benchmarks;

import io.absmc.engine.PathRecord;
import io.absmc.montecarlo.Granularity;
import io.absmc.montecarlo.ImportanceSampling;
import io.absmc.montecarlo.ImportanceShift;
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
 * One whole Monte Carlo path of a bundled deal (draws, pool, waterfall, every period) in each
 * granularity, with and without importance sampling aimed at the senior tranche. Score: paths per second per thread. The streams are those of block 0 of seed 1; a
 * new block starts every 1,024 paths, as in a run. For loan mode run it on the 100,000-loan pool:
 * {@code -p scenario=order-loans-100k -p granularity=loan}; ns per loan-period = 1e9 / (score x
 * active loan-periods per path), the latter printed at setup.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MonteCarloPathBenchmark {

  @Param({"ali-microloan-plan1", "ant-credit-pay-abs"})
  public String scenario;

  @Param({"cohort", "large-pool"})
  public String granularity;

  /** {@code off}, or {@code auto}: importance sampling aimed at the senior tranche. */
  @Param({"off", "auto"})
  public String importance;

  /** Active loan-periods of one path on the expected-value path (for ns per loan-period). */
  public double loanPeriods;

  private BlockedPaths paths;

  @Setup
  public void setUp() {
    ResolvedDeal deal = ResolvedDeal.resolve(ScenarioLoader.load(
        PathEngineBenchmark.scenarioFile(scenario)));
    Granularity g = io.absmc.scenario.yaml.MapCursor.parseChoice(granularity, Granularity.class);
    ImportanceSampling is = importance.equals("auto")
        ? ImportanceShift.forTranche(deal, 0, ImportanceSampling.DEFAULT_DEFENSIVE_SHARE)
        : ImportanceSampling.OFF;
    paths = new BlockedPaths(deal, g, is);
    io.absmc.engine.PathRecord ev = io.absmc.cashflow.ExpectedCashflows.run(deal).record();
    double loans = 0;
    for (int p = 0; p < ev.periods; p++) {
      loans += ev.poolOpening[p];
    }
    double average = deal.initialPoolBalance / java.util.Arrays.stream(deal.initialLoans).sum();
    loanPeriods = loans / average;
    System.out.printf("%n%s: about %,.0f active loan-periods per path%n", scenario, loanPeriods);
  }

  @Benchmark
  public PathRecord path() {
    return paths.next();
  }
}
