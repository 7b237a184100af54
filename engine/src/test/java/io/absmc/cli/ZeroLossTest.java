package io.absmc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.absmc.TestFiles;
import io.absmc.output.DuckDb;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * R7 (docs/reference-values.md) at the command line: zero losing paths is not zero risk. Deal A's senior
 * never loses on 20,000 plain paths; its PD interval still reaches 1 - 0.025^(1/20000) =
 * 1.8443e-4, its EL interval that times the largest loss it can have, its ratings print as ranges,
 * and sizing it to Aaa with those paths says it is not resolved instead of giving an answer.
 */
class ZeroLossTest {

  private static final String DEAL_A = TestFiles.path("scenarios/ali-microloan-plan1.yaml")
      .toString();

  @Test
  void aTrancheThatNeverLosesGetsAnExactUpperBoundAndARatingRange(@TempDir Path tmp) {
    Cli.Result r = Cli.run("run", DEAL_A, "--paths", "20000", "--granularity", "large-pool",
        "--no-paths", "--no-report", "--out", tmp.resolve("run").toString());
    assertThat(r.code()).as(r.err()).isZero();
    Map<String, Object> senior = DuckDb.query("SELECT * FROM read_parquet('"
        + tmp.resolve("run/summary.parquet") + "') WHERE tranche = 'senior'").get(0);
    assertThat((Double) senior.get("pd")).isZero();
    assertThat((Double) senior.get("losing_paths")).isZero();
    assertThat((Double) senior.get("pd_ci_low")).isZero();
    assertThat((Double) senior.get("pd_ci_high")).isCloseTo(1.8443e-4, within(5e-9));
    // all principal and 6.2% a year to the legal final date (1.5 years): at most 1.093 of it
    double maxLoss = 1 + 0.062 * 549 / 365.0;
    assertThat((Double) senior.get("el_ci_high")).isCloseTo(1.8443e-4 * maxLoss, within(1e-8));
    assertThat(senior.get("implied_rating_el_resolved")).isEqualTo(false);
    String low = (String) senior.get("implied_rating_el_low");
    String high = (String) senior.get("implied_rating_el_high");
    assertThat(low).isEqualTo("Aaa");
    assertThat(high).isNotEqualTo("Aaa");
    assertThat(r.out()).contains("senior").contains(low + ".." + high)
        .contains("0% - 0.0184%");
  }

  @Test
  void sizingWithPlainPathsThatNeverLoseIsNotResolved(@TempDir Path tmp) {
    Cli.Result r = Cli.run("size", DEAL_A, "--tranche", "senior", "--target", "Aaa", "--method",
        "el", "--paths", "20000", "--max-paths", "20480", "--granularity", "large-pool",
        "--importance-sampling", "off", "--no-report", "--out", tmp.resolve("size").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Not resolved with 20,480 paths").doesNotContain("can be");
    Path file = tmp.resolve("size/sizing.parquet");
    Map<String, String> meta = DuckDb.metadata(file);
    assertThat(meta.get("absmc.sizing_resolved")).isEqualTo("false");
    assertThat(meta.get("absmc.sizing_answer")).isEqualTo("NaN");
    List<Map<String, Object>> curve = DuckDb.query("SELECT decision FROM read_parquet('" + file
        + "')");
    assertThat(curve).isNotEmpty().allSatisfy(row ->
        assertThat(row.get("decision")).isNotEqualTo("meets"));
  }
}
