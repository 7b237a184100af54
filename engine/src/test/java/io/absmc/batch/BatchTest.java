package io.absmc.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.absmc.TestFiles;
import io.absmc.cli.Main;
import io.absmc.output.DuckDb;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stress batches: common random numbers, partitioned files, the combined summary, resuming. */
class BatchTest {

  private static final String DEAL_A = TestFiles.path("scenarios/ali-microloan-plan1.yaml").toString();

  private static int batch(Path stress, Path out, String... more) {
    String[] args = new String[8 + more.length];
    String[] base = {"batch", DEAL_A, "--stress", stress.toString(), "--out", out.toString(),
        "--paths", "2000"};
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args);
  }

  /** A stress of multiplier 1.0 is the base case: with common random numbers, bit for bit. */
  @Test
  void aNeutralStressReproducesTheBaseBitForBit(@TempDir Path tmp) throws Exception {
    Path stress = tmp.resolve("neutral.yaml");
    Files.writeString(stress, """
        name: neutral
        scenarios:
          - name: base
          - name: same
            defaults: {multiplier: 1.0}
            recovery: {relative: 0}
          - name: worse
            defaults: {multiplier: 3}
        """);
    Path out = tmp.resolve("b");
    assertThat(batch(stress, out)).isZero();
    String paths = "read_parquet('" + out + "/scenario=%s/paths.parquet')";
    List<Map<String, Object>> diff = DuckDb.query("SELECT count(*) AS n FROM "
        + paths.formatted("base") + " a JOIN " + paths.formatted("same")
        + " b USING (path, tranche) WHERE a.loss_fraction IS DISTINCT FROM b.loss_fraction"
        + " OR a.pool_default_rate IS DISTINCT FROM b.pool_default_rate OR a.irr IS DISTINCT FROM b.irr");
    assertThat(diff.get(0).get("n")).isEqualTo(0L);
    List<Map<String, Object>> summary = DuckDb.query("SELECT scenario, tranche, el FROM read_parquet('"
        + out.resolve("batch_summary.parquet") + "') ORDER BY scenario, tranche");
    assertThat(summary).hasSize(3 * 4);
    // the same economy path by path: tripled defaults can only make the pool worse on every path
    List<Map<String, Object>> worse = DuckDb.query("SELECT count(*) AS n FROM "
        + paths.formatted("base") + " a JOIN " + paths.formatted("worse")
        + " b USING (path, tranche) WHERE b.pool_default_rate < a.pool_default_rate");
    assertThat(worse.get(0).get("n")).isEqualTo(0L);
  }

  /**
   * Shocks written inline are a batch of one scenario, named after them: its paths are those of
   * {@code absmc run} under the same shocks, and its provenance records the shocks and their hash.
   */
  @Test
  void inlineShocksAreABatchOfOneScenarioLikeARun(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("b");
    String[] batch = {"batch", DEAL_A, "--stress", "defaults=x3,recovery=-20%", "--out",
        out.toString(), "--paths", "2000"};
    assertThat(Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
        batch)).isZero();
    Path run = tmp.resolve("r");
    assertThat(Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
        "run", DEAL_A, "--stress", "defaults=x3,recovery=-20%", "--out", run.toString(),
        "--paths", "2000")).isZero();
    List<Path> partitions;
    try (var list = Files.list(out)) {
      partitions = list.filter(p -> p.getFileName().toString().startsWith("scenario=")).toList();
    }
    assertThat(partitions).hasSize(1);
    Path partition = partitions.get(0).resolve("paths.parquet");
    List<Map<String, Object>> diff = DuckDb.query("SELECT count(*) AS n, count(b.path) AS matched"
        + " FROM read_parquet('" + partition + "') a LEFT JOIN read_parquet('"
        + run.resolve("paths.parquet") + "') b USING (path, tranche)"
        + " WHERE a.loss_fraction IS DISTINCT FROM b.loss_fraction");
    assertThat(diff.get(0).get("n")).isEqualTo(0L);
    assertThat(DuckDb.query("SELECT sum(loss_fraction) AS s FROM read_parquet('" + partition
        + "')").get(0).get("s")).isNotEqualTo(0.0);
    Map<String, String> meta = DuckDb.metadata(partition);
    assertThat(meta.get("absmc.stress_file")).isEqualTo("defaults=x3,recovery=-20%");
    String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest
        .getInstance("SHA-256").digest("defaults=x3,recovery=-20%".getBytes(
            java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(meta.get("absmc.stress_file_sha256")).isEqualTo(sha);
  }

  @Test
  void partitionsAreHiveStyleWithoutAScenarioColumn(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("b");
    assertThat(batch(TestFiles.path("scenarios/stress/cn-revolving-consumer.yaml"), out, "--no-paths"))
        .isZero();
    assertThat(out.resolve("scenario=spread-m50bp/summary.parquet")).exists();
    assertThat(DuckDb.query("DESCRIBE SELECT * FROM read_parquet('" + out
        + "/scenario=base/summary.parquet', hive_partitioning = false)"))
        .extracting(r -> r.get("column_name"))
        .doesNotContain("scenario").contains("tranche", "el", "implied_rating_el");
    // read as one hive-partitioned table, the folder name becomes the column
    List<Map<String, Object>> rows = DuckDb.query("SELECT scenario, el FROM read_parquet('" + out
        + "/scenario=*/summary.parquet', hive_partitioning = true) WHERE tranche = 'subordinated'"
        + " ORDER BY scenario");
    assertThat(rows).hasSize(13);
    List<Map<String, Object>> combined = DuckDb.query("SELECT scenario, stress, el FROM read_parquet('"
        + out.resolve("batch_summary.parquet") + "') WHERE tranche = 'subordinated' ORDER BY scenario");
    assertThat(combined).hasSize(13);
    for (int i = 0; i < 13; i++) {
      assertThat(combined.get(i).get("el")).isEqualTo(rows.get(i).get("el"));
    }
    assertThat(combined).anySatisfy(r -> assertThat(r.get("stress")).isEqualTo("yield -20.00%"));
  }

  /**
   * A batch killed mid-way and started again with the same command skips the scenarios it had
   * finished (their files are not touched) and ends with the same results as a batch never killed.
   */
  @Test
  void aKilledBatchResumesAndEndsWithTheSameResults(@TempDir Path tmp) throws Exception {
    Path stress = TestFiles.path("scenarios/stress/multiples.yaml");
    Path out = tmp.resolve("killed");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "io.absmc.cli.Main", "batch", DEAL_A, "--stress", stress.toString(), "--out",
        out.toString(), "--paths", "2000", "--threads", "1", "--no-paths")
        .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
    Manifest manifest = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      manifest = Files.exists(out.resolve(Manifest.FILE)) ? Manifest.read(out) : null;
      if (manifest != null && manifest.finished().size() >= 2) {
        break;
      }
      Thread.sleep(20);
    }
    child.destroyForcibly().waitFor();
    manifest = Manifest.read(out);
    assertThat(manifest.finished().size()).as("finished before the kill").isBetween(2, 17);
    assertThat(out.resolve(BatchRunner.SUMMARY)).doesNotExist();
    String first = manifest.finished().get(0).name();
    FileTime before = Files.getLastModifiedTime(out.resolve("scenario=" + first + "/summary.parquet"));

    assertThat(batch(stress, out, "--no-paths")).isZero();
    assertThat(Files.getLastModifiedTime(out.resolve("scenario=" + first + "/summary.parquet")))
        .isEqualTo(before);
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.startsWith(".")).filteredOn(n -> n.startsWith("scenario=")).hasSize(18);
    }

    Path clean = tmp.resolve("clean");
    assertThat(batch(stress, clean, "--no-paths")).isZero();
    String query = "SELECT scenario, tranche, el, pd, loss_q99 FROM read_parquet('%s')"
        + " ORDER BY scenario, tranche";
    assertThat(DuckDb.query(query.formatted(out.resolve(BatchRunner.SUMMARY))))
        .isEqualTo(DuckDb.query(query.formatted(clean.resolve(BatchRunner.SUMMARY))))
        .hasSize(18 * 4);
  }

  @Test
  void aFolderOfAnotherBatchIsRefused(@TempDir Path tmp) throws Exception {
    Path stress = TestFiles.path("scenarios/stress/cn-revolving-consumer.yaml");
    Path out = tmp.resolve("b");
    Files.createDirectories(out);
    Files.writeString(out.resolve("notes.txt"), "mine");
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "batch",
        DEAL_A, "--stress", stress.toString(), "--out", out.toString(), "--paths", "100");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo("absmc: " + out
        + " is not empty; choose another --out or add --overwrite (see 'absmc batch --help')");
    assertThat(new File(out.toFile(), "notes.txt")).exists();
  }

  /**
   * A batch resumes only with every setting that changes its results the same: started again with
   * other importance sampling, without paths or with another table, it is refused with what
   * differs, and its folder is left as it was.
   */
  @Test
  void aBatchResumedWithOtherSettingsIsRefused(@TempDir Path tmp) throws Exception {
    Path stress = tmp.resolve("two.yaml");
    Files.writeString(stress, """
        name: two
        scenarios:
          - name: base
          - name: defaults-x2
            defaults: {multiplier: 2}
        """);
    Path out = tmp.resolve("b");
    String[] first = {"batch", DEAL_A, "--stress", stress.toString(), "--out", out.toString(),
        "--paths", "300", "--no-report"};
    assertThat(Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
        first)).isZero();
    byte[] manifest = Files.readAllBytes(out.resolve(Manifest.FILE));
    String[][] others = {{"--importance-sampling", "auto"}, {"--no-paths"},
        {"--el-table", TestFiles.path("engine/src/main/resources/io/absmc/rating/moodys-idealized-el.csv").toString()}};
    String[] expected = {"importance sampling", "path writing", "expected-loss table"};
    for (int k = 0; k < others.length; k++) {
      String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(first),
          java.util.Arrays.stream(others[k])).toArray(String[]::new);
      StringWriter err = new StringWriter();
      int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), args);
      assertThat(code).as(String.join(" ", others[k])).isEqualTo(2);
      assertThat(err.toString()).contains(out + " holds a batch with other settings (")
          .contains(expected[k]).contains("run the same command to resume it");
      assertThat(Files.readAllBytes(out.resolve(Manifest.FILE))).isEqualTo(manifest);
    }
    // the same command resumes (nothing left to do)
    assertThat(Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
        first)).isZero();
  }
}
