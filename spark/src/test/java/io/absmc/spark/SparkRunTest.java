package io.absmc.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.Success$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * absmc on Spark's local mode gives what the local engine gives: the same statistics, the same
 * path rows, the same batch, also when a task fails and Spark runs it again. One session for all
 * tests: local[2,2] is two cores and a task may fail once before the job does; Spark serialises
 * with Kryo.
 */
class SparkRunTest {

  private static final Path ROOT = Path.of(System.getProperty("absmc.projectRoot", ".."));
  private static final String DEAL_A = ROOT.resolve("scenarios/ali-microloan-plan1.yaml").toString();
  private static final String[] RUN_FILES = {"summary.parquet", "loss_distribution.parquet",
      "cashflows.parquet", "triggers.parquet"};

  private static SparkSession spark;
  private static final AtomicInteger failedTasks = new AtomicInteger();

  @TempDir
  Path tmp;

  @BeforeAll
  static void startSpark() {
    // Kryo, as many clusters are set: absmc's definitions must travel whatever the serializer
    // (SparkSubmitIT runs with Spark's default, Java serialization)
    spark = SparkSession.builder().master("local[2,2]").appName("absmc spark tests")
        .config("spark.ui.enabled", "false")
        .config("spark.serializer", "org.apache.spark.serializer.KryoSerializer").getOrCreate();
    spark.sparkContext().addSparkListener(new SparkListener() {
      @Override
      public void onTaskEnd(SparkListenerTaskEnd end) {
        if (end.reason() != Success$.MODULE$) {
          failedTasks.incrementAndGet();
        }
      }
    });
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  record Result(int code, String out, String err) {
  }

  private static Result absmc(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = io.absmc.cli.Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  private static Result absmcSpark(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void runGivesTheLocalEnginesStatisticsAndPathsExactly() throws IOException {
    Path local = tmp.resolve("local");
    Path onSpark = tmp.resolve("spark");
    String[] common = {"run", DEAL_A, "--paths", "5000", "--seed", "17", "--no-report"};
    Result l = absmc(concat(common, "--threads", "2", "--out", local.toString()));
    Result s = absmcSpark(concat(common, "--tasks", "3", "--out", onSpark.toString()));
    assertThat(l.code()).as(l.err()).isZero();
    assertThat(s.code()).as(s.err()).isZero();
    assertThat(s.out()).contains("Spark local[2,2], 3 tasks");

    for (String file : RUN_FILES) {
      assertSameRows(local.resolve(file), onSpark.resolve(file));
    }
    assertThat(provenance(onSpark.resolve("summary.parquet")))
        .isEqualTo(provenance(local.resolve("summary.parquet")));
    assertSamePaths(read(local.resolve("paths.parquet")), read(onSpark.resolve("paths")));
    // the printed tables are the same too, but for the line that says where and how fast
    assertThat(tables(s.out())).isEqualTo(tables(l.out()));
  }

  @Test
  void batchOfThreeStressesEqualsTheLocalBatch() throws IOException {
    Path stresses = tmp.resolve("three.yaml");
    Files.writeString(stresses, """
        name: three
        scenarios:
          - name: base
          - name: defaults-x3
            defaults: {multiplier: 3}
          - name: recovery-m40pct
            defaults: {multiplier: 2}
            recovery: {relative: -40%}
        """);
    Path local = tmp.resolve("local");
    Path onSpark = tmp.resolve("spark");
    // importance sampling too: weighted statistics merge exactly as well
    String[] common = {"batch", DEAL_A, "--stress", stresses.toString(), "--paths", "3000",
        "--seed", "5", "--importance-sampling", "shift=1", "--no-report"};
    Result l = absmc(concat(common, "--threads", "2", "--out", local.toString()));
    Result s = absmcSpark(concat(common, "--tasks", "2", "--out", onSpark.toString()));
    assertThat(l.code()).as(l.err()).isZero();
    assertThat(s.code()).as(s.err()).isZero();

    assertSameRows(local.resolve("batch_summary.parquet"), onSpark.resolve("batch_summary.parquet"));
    assertThat(provenance(onSpark.resolve("batch_summary.parquet")))
        .isEqualTo(provenance(local.resolve("batch_summary.parquet")));
    Dataset<Row> sparkPaths = read(onSpark.resolve("paths"));
    for (String name : List.of("base", "defaults-x3", "recovery-m40pct")) {
      for (String file : RUN_FILES) {
        assertSameRows(local.resolve("scenario=" + name).resolve(file),
            onSpark.resolve("scenario=" + name).resolve(file));
      }
      assertThat(provenance(onSpark.resolve("scenario=" + name).resolve("summary.parquet")))
          .isEqualTo(provenance(local.resolve("scenario=" + name).resolve("summary.parquet")));
      assertSamePaths(read(local.resolve("scenario=" + name).resolve("paths.parquet")),
          sparkPaths.where(sparkPaths.col("scenario").equalTo(name)).drop("scenario"));
    }
  }

  /**
   * A run too large to keep its values is read in a second Spark job over the same tasks (without
   * it the statistics could not be read at all): its files are the local run's, which kept its
   * values, importance sampling's weights included.
   */
  @Test
  void aSecondPassOnSparkGivesTheLocalRunsFiles() throws IOException {
    Path local = tmp.resolve("local");
    Path onSpark = tmp.resolve("spark");
    String[] common = {"run", DEAL_A, "--paths", "4000", "--seed", "29", "--no-paths",
        "--importance-sampling", "shift=1", "--no-report"};
    Result l = absmc(concat(common, "--out", local.toString()));
    Result s;
    System.setProperty("absmc.keepPaths", "0");
    try {
      s = absmcSpark(concat(common, "--tasks", "3", "--out", onSpark.toString()));
    } finally {
      System.clearProperty("absmc.keepPaths");
    }
    assertThat(l.code()).as(l.err()).isZero();
    assertThat(s.code()).as(s.err()).isZero();
    for (String file : RUN_FILES) {
      assertSameRows(local.resolve(file), onSpark.resolve(file));
    }
  }

  @Test
  void aTaskThatFailsOnceIsRetriedAndTheResultsDoNotChange() throws IOException {
    Path clean = tmp.resolve("clean");
    Path retried = tmp.resolve("retried");
    String[] common = {"run", DEAL_A, "--paths", "8000", "--seed", "3", "--tasks", "3",
        "--no-report"};
    assertThat(absmcSpark(concat(common, "--out", clean.toString())).code()).isZero();
    int failedBefore = failedTasks.get();
    Result r = absmcSpark(concat(common, "--fail-task-once", "1", "--out", retried.toString()));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(failedTasks.get() - failedBefore).as("failed task attempts").isEqualTo(1);

    for (String file : RUN_FILES) {
      assertSameRows(clean.resolve(file), retried.resolve(file));
    }
    assertSamePaths(read(clean.resolve("paths")), read(retried.resolve("paths")));
  }

  @Test
  void withoutPathsTheStatisticsAreTheSame() throws IOException {
    Path local = tmp.resolve("local");
    Path onSpark = tmp.resolve("spark");
    String[] common = {"run", DEAL_A, "--paths", "3000", "--seed", "23", "--no-paths",
        "--no-report"};
    assertThat(absmc(concat(common, "--out", local.toString())).code()).isZero();
    Result s = absmcSpark(concat(common, "--tasks", "2", "--out", onSpark.toString()));
    assertThat(s.code()).as(s.err()).isZero();
    for (String file : RUN_FILES) {
      assertSameRows(local.resolve(file), onSpark.resolve(file));
    }
    assertThat(onSpark.resolve("paths")).doesNotExist();
  }

  @Test
  void aSparkFolderHasItsReportAndAbsmcReportRewritesIt() throws IOException {
    Path out = tmp.resolve("spark");
    Result s = absmcSpark("run", DEAL_A, "--paths", "2000", "--out", out.toString());
    assertThat(s.code()).as(s.err()).isZero();
    assertThat(s.out()).contains("Report: " + out.resolve("report.html"));
    String written = Files.readString(out.resolve("report.html"));
    assertThat(written).contains("ran on").contains("Apache Spark " + spark.version());
    Files.delete(out.resolve("report.html"));
    // the local command reads a Spark folder too (paths/ beside the files)
    Result r = absmc("report", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readString(out.resolve("report.html"))).isEqualTo(written);
  }

  @Test
  void aBadTaskCountIsAUsageError() {
    Path out = tmp.resolve("out");
    Result r = absmcSpark("run", DEAL_A, "--tasks", "0", "--out", out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--tasks must be at least 1, found 0")
        .contains("absmc spark run --help");
    assertThat(out).doesNotExist();
  }

  @Test
  void aBadScenarioIsAUsageErrorAndWritesNothing() {
    Path out = tmp.resolve("out");
    Path bad = ROOT.resolve("scenarios/invalid").resolve(firstInvalid());
    Result r = absmcSpark("run", bad.toString(), "--paths", "2000", "--out", out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(bad.getFileName().toString() + ":");
    assertThat(out).doesNotExist();
  }

  @Test
  void aFolderThatHoldsFilesIsNotReplacedWithoutOverwrite() throws IOException {
    Path out = tmp.resolve("out");
    Files.createDirectories(out);
    Files.writeString(out.resolve("keep.txt"), "mine");
    Result r = absmcSpark("run", DEAL_A, "--paths", "2000", "--out", out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("not empty").contains("--overwrite");
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("keep.txt");
    }
  }

  private static String firstInvalid() {
    try (var files = Files.list(ROOT.resolve("scenarios/invalid"))) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted()
          .findFirst().orElseThrow();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Dataset<Row> read(Path parquet) {
    return spark.read().parquet(parquet.toString());
  }

  /** The same rows in the same order, value for value (doubles exactly). */
  private static void assertSameRows(Path expected, Path actual) {
    List<Row> e = read(expected).collectAsList();
    List<Row> a = read(actual).collectAsList();
    assertThat(e).as("rows of %s", expected.getFileName()).isNotEmpty();
    assertThat(a).as("rows of %s", actual).containsExactlyElementsOf(e);
  }

  /** The same path rows: ordered by path and tranche, value for value. */
  private static void assertSamePaths(Dataset<Row> expected, Dataset<Row> actual) {
    assertThat(actual.columns()).containsExactly(expected.columns());
    List<Row> e = expected.orderBy("path", "tranche").collectAsList();
    List<Row> a = actual.orderBy("path", "tranche").collectAsList();
    assertThat(e).isNotEmpty();
    assertThat(a).hasSameSizeAs(e);
    for (int i = 0; i < e.size(); i++) {
      assertThat(a.get(i)).as("path row %d", i).isEqualTo(e.get(i));
    }
  }

  /** A file's absmc.* metadata, less what differs from run to run or by where it ran. */
  private static Map<String, String> provenance(Path file) throws IOException {
    Map<String, String> meta;
    try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(
        new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))) {
      meta = new HashMap<>(reader.getFileMetaData().getKeyValueMetaData());
    }
    meta.keySet().removeIf(k -> !k.startsWith("absmc.") || k.equals("absmc.run_start")
        || k.equals("absmc.run_seconds") || k.startsWith("absmc.spark_"));
    assertThat(meta).containsKeys("absmc.seed", "absmc.paths", "absmc.scenario_sha256");
    return meta;
  }

  /** The printed tables, less the line of speed and where the paths ran and the results' place. */
  private static List<String> tables(String out) {
    List<String> lines = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (!line.contains("paths/s") && !line.startsWith("Results:")) {
        lines.add(line);
      }
    }
    return lines;
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
