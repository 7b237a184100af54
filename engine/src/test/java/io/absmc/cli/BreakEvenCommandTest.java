package io.absmc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.absmc.TestFiles;
import io.absmc.cashflow.BreakEven;
import io.absmc.output.DuckDb;
import io.absmc.resolve.StressSet;
import io.absmc.scenario.Scenario;
import io.absmc.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BreakEvenCommandTest {

  @Test
  void writesEachTranchesBreakEvenUnderEachScenario(@TempDir Path tmp) {
    Path deal = TestFiles.path("scenarios/ali-microloan-plan1.yaml");
    Path stress = TestFiles.path("scenarios/stress/cn-revolving-consumer.yaml");
    StringWriter out = new StringWriter();
    int code = Main.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "breakeven",
        deal.toString(), "--stress", stress.toString(), "--paths", "2000",
        "--out", tmp.resolve("be").toString());
    assertThat(code).isZero();
    assertThat(out.toString()).contains("min critical CDR").contains("rating (multipliers)");
    List<Map<String, Object>> rows = DuckDb.query("SELECT * FROM read_parquet('"
        + tmp.resolve("be/breakeven.parquet") + "') ORDER BY tranche, scenario");
    assertThat(rows).hasSize(3 * 13);
    // the file holds the calculator's numbers
    Scenario scenario = ScenarioLoader.load(deal);
    StressSet.Named severe = StressSet.load(stress).scenarios().stream()
        .filter(n -> n.name().equals("combined-severe")).findFirst().orElseThrow();
    Map<String, Object> row = rows.stream().filter(r -> r.get("tranche").equals("mezzanine")
        && r.get("scenario").equals("combined-severe")).findFirst().orElseThrow();
    assertThat((Double) row.get("critical_default_rate"))
        .isEqualTo(BreakEven.of(scenario, severe.stress(), 1).criticalDefaultRate());
    // the minimum over scenarios is the least critical rate of each tranche
    for (Map<String, Object> r : rows) {
      assertThat((Double) r.get("min_critical_default_rate"))
          .isLessThanOrEqualTo((Double) r.get("critical_default_rate"));
    }
    assertThat(rows).allSatisfy(r -> assertThat(r.get("rating_stress_multiplier")).isNotNull());
  }
}
