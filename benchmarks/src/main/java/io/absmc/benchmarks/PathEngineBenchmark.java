package io.absmc.benchmarks;

import io.absmc.engine.ExpectedValueDriver;
import io.absmc.engine.PathEngine;
import io.absmc.engine.PathRecord;
import io.absmc.resolve.ResolvedDeal;
import io.absmc.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * One whole path of a bundled deal through the period engine (pool and waterfall, every period),
 * with the expected-value driver: the engine's cost without random draws. Score: paths per second
 * per thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PathEngineBenchmark {

  @Param({"ali-microloan-plan1", "ant-credit-pay-abs"})
  public String scenario;

  private PathEngine engine;
  private PathRecord record;
  private ExpectedValueDriver driver;

  @Setup
  public void setUp() {
    ResolvedDeal deal = ResolvedDeal.resolve(ScenarioLoader.load(scenarioFile(scenario)));
    engine = new PathEngine(deal);
    record = new PathRecord(deal);
    driver = new ExpectedValueDriver(deal);
  }

  @Benchmark
  public PathRecord expectedValuePath() {
    engine.run(driver, record);
    return record;
  }

  /** A bundled scenario, found from the working directory (the project root or benchmarks/). */
  /** The 57-day order-loan pool of {@code order-loans-100k.yaml} with another loan count. */
  static ResolvedDeal orderLoans(int loans) throws java.io.IOException {
    String text = Files.readString(scenarioFile("order-loans-100k"))
        .replace("loans: 100000", "loans: " + loans);
    return ResolvedDeal.resolve(io.absmc.scenario.ScenarioLoader.parse(text, "order-loans.yaml"));
  }

  static Path scenarioFile(String name) {
    String root = System.getProperty("absmc.root");
    // a scenario file by its path (from the root), e.g. benchmarks/peer/peer.yaml
    if (name.endsWith(".yaml")) {
      Path file = root != null ? Path.of(root).resolve(name) : Path.of(name);
      if (Files.exists(file)) {
        return file;
      }
    }
    for (Path dir : root != null ? new Path[] {Path.of(root)} : new Path[] {Path.of("."), Path.of("..")}) {
      for (String folder : new String[] {"scenarios", "scenarios/examples"}) {
        Path file = dir.resolve(folder).resolve(name + ".yaml");
        if (Files.exists(file)) {
          return file;
        }
      }
    }
    throw new IllegalStateException("cannot find scenarios/" + name
        + ".yaml; run from the project root or set -Dabsmc.root");
  }
}
