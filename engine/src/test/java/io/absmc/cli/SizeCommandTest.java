package io.absmc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.absmc.TestFiles;
import io.absmc.output.DuckDb;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SizeCommandTest {

  @Test
  void sizesTheSeniorAndWritesTheCurve(@TempDir Path tmp) {
    StringWriter out = new StringWriter();
    int code = Main.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "size",
        TestFiles.path("scenarios/ali-microloan-plan1.yaml").toString(), "--tranche", "senior",
        "--target", "AAA", "--method", "breakeven", "--out", tmp.resolve("s").toString());
    assertThat(code).isZero();
    assertThat(out.toString()).contains("senior can be").contains("credit enhancement below it");
    List<Map<String, Object>> curve = DuckDb.query("SELECT * FROM read_parquet('"
        + tmp.resolve("s/sizing.parquet") + "') ORDER BY share");
    assertThat(curve).isNotEmpty();
    // the critical default rate falls as the senior grows
    for (int i = 1; i < curve.size(); i++) {
      assertThat((Double) curve.get(i).get("critical_default_rate"))
          .isLessThanOrEqualTo((Double) curve.get(i - 1).get("critical_default_rate"));
    }
    assertThat(DuckDb.metadata(tmp.resolve("s/sizing.parquet"))).containsKey("absmc.sizing_answer");
  }

  @Test
  void anUnknownRatingIsAUsageError() {
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "size",
        TestFiles.path("scenarios/ali-microloan-plan1.yaml").toString(), "--tranche", "senior",
        "--target", "AAAA", "--paths", "100");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("unknown rating 'AAAA'; the scale is Aaa, Aa1");
  }
}
