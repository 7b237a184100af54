package io.absmc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.absmc.TestFiles;
import io.absmc.output.DuckDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/duckdb.md's recipes, run as written (with RUN and BATCH pointing at a real run and batch of
 * Deal A) through DuckDB: every one runs and returns rows, and the weighted recomputation from the
 * paths gives back the summary's PD and EL.
 */
class DocsRecipesTest {

  @Test
  void everyDuckDbRecipeRunsAndThePathsGiveBackTheSummary(@TempDir Path tmp) throws Exception {
    String deal = TestFiles.path("scenarios/ali-microloan-plan1.yaml").toString();
    Path run = tmp.resolve("run");
    Cli.Result r = Cli.run("run", deal, "--paths", "3000", "--no-report", "--out", run.toString());
    assertThat(r.code()).as(r.err()).isZero();
    Path stress = tmp.resolve("two.yaml");
    Files.writeString(stress, """
        name: two
        scenarios:
          - name: base
          - name: defaults-x3
            defaults: {multiplier: 3}
        """);
    Path batch = tmp.resolve("batch");
    Cli.Result b = Cli.run("batch", deal, "--stress", stress.toString(), "--paths", "1000",
        "--no-paths", "--no-report", "--out", batch.toString());
    assertThat(b.code()).as(b.err()).isZero();

    String doc = TestFiles.read("docs/duckdb.md");
    Matcher m = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL).matcher(doc);
    List<String> recipes = new ArrayList<>();
    while (m.find()) {
      recipes.add(m.group(1).replace("RUN/", run + "/").replace("BATCH/", batch + "/"));
    }
    assertThat(recipes).hasSizeGreaterThanOrEqualTo(8);
    Map<String, List<Map<String, Object>>> results = new HashMap<>();
    for (String sql : recipes) {
      List<Map<String, Object>> rows = DuckDb.query(sql.strip().replaceAll(";$", ""));
      assertThat(rows).as(sql).isNotEmpty();
      results.put(sql, rows);
    }

    // the weighted recomputation equals the summary, tranche by tranche
    String weighted = recipes.stream().filter(s -> s.contains("equals summary.parquet's pd"))
        .findFirst().orElseThrow();
    Map<String, Map<String, Object>> summary = new HashMap<>();
    for (Map<String, Object> row : DuckDb.read(run.resolve("summary.parquet"))) {
      summary.put((String) row.get("tranche"), row);
    }
    for (Map<String, Object> row : results.get(weighted)) {
      Map<String, Object> s = summary.get((String) row.get("tranche"));
      assertThat(((Number) row.get("pd")).doubleValue()).as("pd of %s", row.get("tranche"))
          .isCloseTo(((Number) s.get("pd")).doubleValue(), within(1e-12));
      assertThat(((Number) row.get("el")).doubleValue()).as("el of %s", row.get("tranche"))
          .isCloseTo(((Number) s.get("el")).doubleValue(), within(1e-12));
    }
    // the batch recipe sees both scenarios
    String partitions = recipes.stream().filter(s -> s.contains("hive_partitioning"))
        .findFirst().orElseThrow();
    assertThat(results.get(partitions)).extracting(row -> row.get("scenario"))
        .contains("base", "defaults-x3");
  }
}
