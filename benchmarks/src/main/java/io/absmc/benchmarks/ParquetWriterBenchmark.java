package io.absmc.benchmarks;

import io.absmc.output.Column;
import io.absmc.output.ParquetTable;
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
 * Writing a table shaped like {@code paths.parquet} (13 columns: 2 integers, a text, 10 doubles)
 * with ZSTD, {@code rows} rows per operation. Score: operations per second; rows per second =
 * score x rows.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParquetWriterBenchmark {

  @Param({"1000000"})
  public int rows;

  private Path dir;
  private List<Column> columns;
  private double[] values;

  @Setup
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("absmc-parquet-bench");
    values = new double[rows];
    for (int i = 0; i < rows; i++) {
      values[i] = ((i * 2654435761L) & 0xffffff) / 1.6e7;
    }
    String[] tranches = {"senior", "mezzanine", "subordinated"};
    columns = new ArrayList<>();
    columns.add(Column.ofLong("path", "", "path", i -> i / 3));
    columns.add(Column.ofString("tranche", "tranche", i -> tranches[i % 3]));
    for (int c = 0; c < 10; c++) {
      int shift = c;
      columns.add(Column.ofDouble("x" + c, "", "value", i -> values[(i + shift) % rows]));
    }
    columns.add(Column.ofInt("trigger_period", "", "period", i -> i % 7));
  }

  @Benchmark
  public long write() throws IOException {
    Path file = dir.resolve("t.parquet");
    ParquetTable.write(file, columns, Map.of(), rows);
    return Files.size(file);
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
