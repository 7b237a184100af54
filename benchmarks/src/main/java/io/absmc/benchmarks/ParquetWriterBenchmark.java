package io.absmc.benchmarks;

import io.absmc.montecarlo.BlockResult;
import io.absmc.montecarlo.Granularity;
import io.absmc.montecarlo.MonteCarloRunner;
import io.absmc.montecarlo.RunSettings;
import io.absmc.output.PathsFile;
import io.absmc.resolve.ResolvedDeal;
import io.absmc.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Writing {@code paths.parquet} exactly as a run does ({@link PathsFile}, ZSTD): real blocks of a
 * bundled deal, simulated once at set-up ({@code distinctBlocks} of them, about 2.4 MB of each
 * double column, more than a page, so compression never sees a repeat it would not see in a run)
 * and handed over again and again until {@code rows} rows are written. Score: files per second;
 * rows per second = score x the rows printed at set-up.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParquetWriterBenchmark {

  @Param({"ali-microloan-plan1"})
  public String scenario;

  /** Rows per file (path x tranche), rounded up to whole blocks. */
  @Param({"1000000"})
  public int rows;

  @Param({"100"})
  public int distinctBlocks;

  private Path dir;
  private ResolvedDeal deal;
  private final List<BlockResult> blocks = new ArrayList<>();
  private int blocksPerFile;

  @Setup
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("absmc-parquet-bench");
    deal = ResolvedDeal.resolve(ScenarioLoader.load(PathEngineBenchmark.scenarioFile(scenario)));
    RunSettings settings = new RunSettings((long) distinctBlocks * RunSettings.BLOCK_SIZE,
        RunSettings.DEFAULT_SEED, 2, Granularity.COHORT);
    MonteCarloRunner.run(deal, settings, blocks::add, null, null);
    int rowsPerBlock = RunSettings.BLOCK_SIZE * deal.tranches;
    blocksPerFile = (rows + rowsPerBlock - 1) / rowsPerBlock;
    System.out.printf("%n%,d rows a file (%d blocks of %,d rows)%n",
        (long) blocksPerFile * rowsPerBlock, blocksPerFile, rowsPerBlock);
  }

  @Benchmark
  public long write() throws IOException {
    try (PathsFile file = PathsFile.open(dir, deal, Map.of())) {
      for (int b = 0; b < blocksPerFile; b++) {
        file.accept(blocks.get(b % blocks.size()));
      }
    }
    return Files.size(dir.resolve(PathsFile.NAME));
  }

  @TearDown
  public void tearDown() throws IOException {
    try (var s = Files.list(dir)) {
      for (Path p : s.toList()) {
        Files.delete(p);
      }
    }
    Files.delete(dir);
  }
}
