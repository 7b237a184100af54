package io.absmc.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetTableTest {

  @Test
  void duckDbReadsBackWhatWasWritten(@TempDir Path tmp) throws Exception {
    double[] x = {1.5, Double.NaN, -2.25};
    String[] s = {"a", null, "三"};
    List<Column> columns = List.of(
        Column.ofLong("row", "", "row number", i -> i),
        Column.ofDouble("x", "RMB", "a value", i -> x[i]),
        Column.ofInt("small", "", "an int", i -> 10 * i),
        Column.ofString("label", "a label", i -> s[i]));
    Path file = tmp.resolve("t.parquet");
    ParquetTable.write(file, columns, Map.of("absmc.seed", "42"), 3);

    List<Map<String, Object>> rows = DuckDb.read(file);
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0)).containsEntry("row", 0L).containsEntry("x", 1.5)
        .containsEntry("small", 0).containsEntry("label", "a");
    assertThat(rows.get(1).get("x")).isNull();
    assertThat(rows.get(1).get("label")).isNull();
    assertThat(rows.get(2)).containsEntry("x", -2.25).containsEntry("label", "三");

    Map<String, String> meta = DuckDb.metadata(file);
    assertThat(meta).containsEntry("absmc.seed", "42")
        .containsEntry("absmc.column.x", "[RMB] a value");
    assertThat(DuckDb.query("SELECT DISTINCT compression FROM parquet_metadata('" + file + "')"))
        .extracting(r -> r.get("compression")).containsExactly("ZSTD");
    try (Stream<Path> files = Files.list(tmp)) {
      assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("t.parquet");
    }
  }

  /** A full disk (Linux's /dev/full answers every write with ENOSPC) is reported with the file. */
  @Test
  void aFullDiskIsReportedWithTheFile() {
    Path full = Path.of("/dev/full");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(full), "no /dev/full here");
    List<Column> columns = List.of(Column.ofLong("row", "", "row number", i -> i));
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> ParquetTable.write(full, columns, Map.of(), 100_000))
        .isInstanceOf(java.io.IOException.class)
        .hasMessageStartingWith("could not write /dev/full: ")
        .hasMessageContaining("No space left on device");
  }
}
