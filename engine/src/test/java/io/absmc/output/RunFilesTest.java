package io.absmc.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.absmc.TestFiles;
import io.absmc.cli.Main;
import io.absmc.montecarlo.Granularity;
import io.absmc.montecarlo.MonteCarloRunner;
import io.absmc.montecarlo.PathResults;
import io.absmc.montecarlo.RunSettings;
import io.absmc.rating.IdealizedTable;
import io.absmc.resolve.ResolvedDeal;
import io.absmc.scenario.ScenarioLoader;
import io.absmc.stats.PoolStatistics;
import io.absmc.stats.RunStatistics;
import io.absmc.stats.TrancheStatistics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code absmc run} writes, read back by an independent reader (DuckDB): the values equal the
 * engine's in-memory results, and every file carries its provenance.
 */
class RunFilesTest {

  private static final Path DEAL_A = TestFiles.path("scenarios/ali-microloan-plan1.yaml");
  private static final int PATHS = 3_000;
  private static final long SEED = 77;

  @TempDir
  static Path tmp;
  static Path out;
  static RunStatistics stats;
  static PathResults paths;
  static ResolvedDeal deal;

  @BeforeAll
  static void runOnceThroughTheCommandLine() {
    out = tmp.resolve("run");
    int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
        "run", DEAL_A.toString(), "--paths", Integer.toString(PATHS), "--seed", Long.toString(SEED),
        "--threads", "2", "--out", out.toString());
    assertThat(code).isZero();
    deal = ResolvedDeal.resolve(ScenarioLoader.load(DEAL_A));
    stats = new RunStatistics(deal, PATHS, IdealizedTable.bundledExpectedLoss(),
        IdealizedTable.bundledDefaultProbability());
    MonteCarloRunner.run(deal, new RunSettings(PATHS, SEED, 1, Granularity.COHORT), stats, null, null);
    paths = MonteCarloRunner.run(deal, new RunSettings(PATHS, SEED, 1, Granularity.COHORT), null, null);
  }

  @Test
  void writesTheFiveFilesAndTheReportAndNothingElse() throws Exception {
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrder(
          "summary.parquet", "paths.parquet", "loss_distribution.parquet", "cashflows.parquet",
          "triggers.parquet", "report.html");
    }
    try (Stream<Path> siblings = Files.list(tmp)) {
      assertThat(siblings).extracting(p -> p.getFileName().toString())
          .noneMatch(name -> name.startsWith("."));
    }
  }

  @Test
  void summaryEqualsTheInMemoryStatistics() {
    List<Map<String, Object>> rows = DuckDb.read(out.resolve("summary.parquet"));
    assertThat(rows).hasSize(4);
    List<TrancheStatistics> ts = stats.tranches();
    for (int t = 0; t < 3; t++) {
      Map<String, Object> row = rows.get(t);
      TrancheStatistics s = ts.get(t);
      assertThat(row).containsEntry("scenario", "ali-microloan-plan1").containsEntry("tranche", s.name())
          .containsEntry("paths", (long) PATHS);
      assertThat((Double) row.get("pd")).isEqualTo(s.pd());
      assertThat((Double) row.get("el")).isEqualTo(s.el());
      assertThat((Double) row.get("el_se")).isEqualTo(s.elSe());
      assertThat((Double) row.get("el_pv")).isEqualTo(s.elPv());
      assertThat((Double) row.get("wal_years")).isEqualTo(s.walYears());
      assertThat((Double) row.get("loss_q99")).isEqualTo(s.lossQuantile(0.99));
      assertThat((Double) row.get("loss_q999")).isEqualTo(s.lossQuantile(0.999));
      assertThat((Double) row.get("es_99")).isEqualTo(s.es99());
      assertThat(row.get("implied_rating_el")).isEqualTo(s.ratingEl().rating());
      assertThat(row.get("implied_rating_pd")).isEqualTo(s.ratingPd().rating());
      assertThat(row.get("default_rate_mean")).isNull();
    }
    Map<String, Object> pool = rows.get(3);
    PoolStatistics p = stats.pool();
    assertThat(pool).containsEntry("tranche", "pool");
    assertThat((Double) pool.get("el")).isEqualTo(p.lossRate().mean());
    assertThat((Double) pool.get("default_rate_mean")).isEqualTo(p.defaultRate().mean());
    assertThat((Double) pool.get("default_rate_q99")).isEqualTo(p.defaultRate().quantiles()[3]);
    assertThat(pool.get("pd")).isNull();
    assertThat(pool.get("implied_rating_el")).isNull();
  }

  @Test
  void pathsEqualThePathByPathResults() {
    List<Map<String, Object>> rows = DuckDb.query("SELECT * FROM read_parquet('"
        + out.resolve("paths.parquet") + "') ORDER BY path, tranche");
    assertThat(rows).hasSize(PATHS * 3);
    // tranche names sort as mezzanine, senior, subordinated
    int[] order = {1, 0, 2};
    for (int i = 0; i < PATHS; i += 97) {
      for (int k = 0; k < 3; k++) {
        Map<String, Object> row = rows.get(3 * i + k);
        int t = order[k];
        assertThat(row).containsEntry("path", (long) i).containsEntry("tranche", deal.trancheNames[t]);
        assertThat((Double) row.get("loss_fraction")).isEqualTo(paths.lossFraction[paths.at(t, i)]);
        assertThat((Double) row.get("pool_default_rate")).isEqualTo(paths.poolDefaultRate[i]);
        assertThat((Double) row.get("pool_loss_rate")).isEqualTo(paths.poolLossRate[i]);
      }
    }
    // the summary's EL is the mean of the paths' loss fractions
    Map<String, Object> el = DuckDb.query("SELECT avg(loss_fraction) AS el FROM read_parquet('"
        + out.resolve("paths.parquet") + "') WHERE tranche = 'subordinated'").get(0);
    assertThat((Double) el.get("el")).isCloseTo(stats.tranche(2).el(), within(1e-15));
  }

  @Test
  void lossDistributionSumsToOneAndStartsAtThePd() {
    List<Map<String, Object>> rows = DuckDb.query("SELECT series, sum(probability) AS total,"
        + " max(exceedance_probability) FILTER (WHERE bin_lower = 0) AS first FROM read_parquet('"
        + out.resolve("loss_distribution.parquet") + "') GROUP BY series ORDER BY series");
    assertThat(rows).extracting(r -> r.get("series"))
        .containsExactly("mezzanine", "pool", "senior", "subordinated");
    for (Map<String, Object> r : rows) {
      assertThat((Double) r.get("total")).isCloseTo(1.0, within(1e-9));
    }
    assertThat((Double) rows.get(3).get("first")).isCloseTo(stats.tranche(2).pd(), within(1e-12));
  }

  @Test
  void cashflowsAndTriggersHaveARowPerPeriod() {
    List<Map<String, Object>> cash = DuckDb.read(out.resolve("cashflows.parquet"));
    assertThat(cash).hasSize(deal.periods * 4);
    Map<String, Object> first = cash.get(0);
    assertThat(first).containsEntry("period", 1).containsEntry("series", "pool")
        .containsEntry("payment_date", "2013-08-15");
    assertThat((Double) first.get("balance_mean")).isEqualTo(stats.poolCashflows(0)[0]);
    Map<String, Object> senior13 = cash.stream().filter(r -> r.get("period").equals(13)
        && r.get("series").equals("senior")).findFirst().orElseThrow();
    assertThat((Double) senior13.get("principal_paid_mean")).isEqualTo(stats.trancheCashflows(0, 12)[4])
        .isPositive();
    assertThat(senior13.get("collections_mean")).isNull();
    List<Map<String, Object>> triggers = DuckDb.read(out.resolve("triggers.parquet"));
    assertThat(triggers).hasSize(deal.periods * 2);
    double total = triggers.stream().filter(r -> r.get("trigger").equals("early_warning_defaults"))
        .mapToDouble(r -> (Double) r.get("first_breach_probability")).sum();
    assertThat(total).isCloseTo(stats.triggers().get(0).probability(), within(1e-12));
  }

  @Test
  void everyFileCarriesItsProvenance() throws Exception {
    try (Stream<Path> files = Files.list(out)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".parquet")).toList()) {
        Map<String, String> meta = DuckDb.metadata(f);
        assertThat(meta).as(f.toString())
            .containsEntry("absmc.seed", Long.toString(SEED))
            .containsEntry("absmc.paths", Integer.toString(PATHS))
            .containsEntry("absmc.granularity", "cohort")
            .containsEntry("absmc.scenario", "ali-microloan-plan1")
            .containsEntry("absmc.scenario_sha256", Provenance.sha256(DEAL_A))
            .containsKeys("absmc.version", "absmc.git_commit", "absmc.generator", "absmc.run_start",
                "absmc.java");
        // the versions that ran, read from the libraries themselves
        assertThat(meta.get("absmc.lib.parquet")).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(meta.get("absmc.lib.hadoop")).matches("\\d+\\.\\d+\\.\\d+.*");
        // the build's Commons versions, and what Math.exp and Math.log may depend on
        for (String lib : new String[] {"rng", "statistics", "numbers", "math3"}) {
          assertThat(meta.get("absmc.lib.commons-" + lib)).as(lib).matches("\\d+\\.\\d+.*");
        }
        assertThat(meta.get("absmc.os_arch")).isEqualTo(System.getProperty("os.arch"));
        assertThat(meta.get("absmc.java_vm")).contains(System.getProperty("java.vm.version"));
      }
    }
  }

  /** The README documents every column of every file (a table row starting with the column's name). */
  @Test
  void readmeDocumentsEveryColumn() throws Exception {
    String readme = TestFiles.read("README.md");
    try (Stream<Path> files = Files.list(out)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".parquet")).toList()) {
        for (Map<String, Object> col : DuckDb.query("DESCRIBE SELECT * FROM read_parquet('" + f + "')")) {
          assertThat(readme).as("README documents %s in %s", col.get("column_name"), f.getFileName())
              .contains("| `" + col.get("column_name") + "` | ");
        }
      }
    }
  }

  @Test
  void aNonEmptyFolderIsRefusedUnlessOverwriteIsGiven() throws Exception {
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "run",
        DEAL_A.toString(), "--paths", "100", "--out", out.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("is not empty; choose another --out or add --overwrite");
    Path other = tmp.resolve("other");
    Files.createDirectories(other);
    Files.writeString(other.resolve("old.txt"), "x");
    code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
        "run", DEAL_A.toString(), "--paths", "100", "--out", other.toString(), "--overwrite",
        "--no-paths");
    assertThat(code).isZero();
    try (Stream<Path> files = Files.list(other)) {
      assertThat(files).extracting(p -> p.getFileName().toString())
          .containsExactlyInAnyOrder("summary.parquet", "loss_distribution.parquet",
              "cashflows.parquet", "triggers.parquet", "report.html");
    }
  }

  @Test
  void jsonSummaryIsMachineReadable() throws Exception {
    StringWriter outText = new StringWriter();
    int code = Main.execute(new PrintWriter(outText), new PrintWriter(new StringWriter()), "run",
        DEAL_A.toString(), "--paths", "500", "--seed", "3", "--format", "json", "--no-paths",
        "--out", tmp.resolve("json").toString());
    assertThat(code).isZero();
    JsonNode json = new ObjectMapper().readTree(outText.toString());
    assertThat(json.get("paths").asLong()).isEqualTo(500);
    assertThat(json.get("tranches")).hasSize(3);
    assertThat(json.get("tranches").get(0).get("name").asText()).isEqualTo("senior");
    assertThat(json.get("tranches").get(0).get("lgd").isNull()).isTrue();
    assertThat(json.get("pool").get("defaultRate").get("mean").asDouble()).isPositive();
  }
}
