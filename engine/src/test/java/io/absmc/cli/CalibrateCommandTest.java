package io.absmc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.absmc.TestFiles;
import io.absmc.output.DuckDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code absmc calibrate} on the shipped synthetic data: its files, its estimates against the
 * parameters that generated the data, and Deal A run end to end on the calibrated block.
 */
class CalibrateCommandTest {

  private static final String DATA =
      TestFiles.path("scenarios/data/synthetic-credit-vintages.csv").toString();

  @Test
  void calibratedBlockRunsDealAEndToEnd(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("cal");
    Cli.Result r = Cli.run("calibrate", DATA, "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(out.resolve("performance.yaml")).exists();

    // every generating value (GenerateVintagesCommand: 0.5% .. 2% by month, 20% prepayment,
    // 10% recovered after 6 months) inside its 95% interval
    List<Map<String, Object>> rows = DuckDb.read(out.resolve("calibration.parquet"));
    double[] truth = GenerateVintagesCommand.DEFAULTS;
    int checked = 0;
    for (Map<String, Object> row : rows) {
      int m = ((Number) row.get("month_on_book")).intValue();
      double low = ((Number) row.get("ci_low")).doubleValue();
      double high = ((Number) row.get("ci_high")).doubleValue();
      double expected = switch ((String) row.get("parameter")) {
        case "annual_default_rate" -> truth[m - 1];
        case "annual_prepayment_rate" -> 0.2;
        case "recovery_rate" -> 0.1;
        default -> Double.NaN;
      };
      if (!Double.isNaN(expected)) {
        assertThat(expected).as("%s %d in [%s, %s]", row.get("parameter"), m, low, high)
            .isBetween(low - 1e-9, high + 1e-9);
        checked++;
      }
    }
    assertThat(checked).isEqualTo(13);
    assertThat(DuckDb.read(out.resolve("vintages.parquet"))).hasSize(60);

    // Deal A with the credit loans' performance replaced by the calibrated block
    String block = Files.readString(out.resolve("performance.yaml"));
    String performance = block.substring(block.indexOf("performance:\n") + 13,
        block.indexOf("# under pool.model"));
    String deal = TestFiles.read("scenarios/ali-microloan-plan1.yaml");
    int start = deal.indexOf("      performance:\n        annual_default_rate: 2.0%");
    int end = deal.indexOf("    - name: order_loan");
    Path scenario = tmp.resolve("deal-a-calibrated.yaml");
    Files.writeString(scenario, deal.substring(0, start) + "      performance:\n"
        + performance.indent(6).replaceAll("(?m)^\\s*#.*\\n", "")
        + "        charge_off_days: 90\n" + deal.substring(end));
    Cli.Result run = Cli.run("run", scenario.toString(), "--paths", "2000", "--out",
        tmp.resolve("run").toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("senior").contains("Report: ");
  }

  /**
   * The shipped roll-rate data (GenerateVintagesCommand with --roll-rates 0.0075,0.40,0.60,0.75,
   * 0.90): every generating flow rate inside its 95% interval, and Deal A on roll rates
   * (scenarios/examples/ali-microloan-roll-rates.yaml) run end to end with its credit loans'
   * performance replaced by the calibrated roll-rate block.
   */
  @Test
  void rollRatesFromPastDueBucketsRunDealAEndToEnd(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("cal");
    Cli.Result r = Cli.run("calibrate",
        TestFiles.path("scenarios/data/synthetic-credit-roll-rates.csv").toString(), "--out",
        out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("of the defaults (charge-offs) come after the loans' term");
    double[] truth = {0.0075, 0.40, 0.60, 0.75, 0.90};
    int checked = 0;
    for (Map<String, Object> row : DuckDb.read(out.resolve("calibration.parquet"))) {
      String parameter = (String) row.get("parameter");
      if (parameter.startsWith("roll_")) {
        int k = io.absmc.calibrate.Calibration.FLOWS.indexOf(parameter.substring(5));
        assertThat(truth[k]).as(parameter).isBetween(
            ((Number) row.get("ci_low")).doubleValue() - 1e-9,
            ((Number) row.get("ci_high")).doubleValue() + 1e-9);
        checked++;
      }
    }
    assertThat(checked).isEqualTo(5);
    assertThat(Files.readString(out.resolve("report.html"))).contains("<h2>Roll rates</h2>")
        .contains("dpd_91_plus</td>");

    String block = Files.readString(out.resolve("performance-roll-rates.yaml"));
    String performance = block.substring(block.indexOf("performance:\n") + 13)
        .replaceAll("  # 95%[^\n]*", "");
    String deal = TestFiles.read("scenarios/examples/ali-microloan-roll-rates.yaml");
    int start = deal.indexOf("      performance:\n        roll_rates:");
    int end = deal.indexOf("    - name: order_loan");
    Path scenario = tmp.resolve("deal-a-roll-rates-calibrated.yaml");
    Files.writeString(scenario, deal.substring(0, start) + "      performance:\n"
        + performance.indent(6) + deal.substring(end));
    Cli.Result run = Cli.run("run", scenario.toString(), "--paths", "1000", "--out",
        tmp.resolve("run").toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("senior").contains("Report: ");
  }

  @Test
  void badTablesExitWithTwoAndWriteNothing(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("v.csv");
    Files.writeString(f, "vintage,months_on_book,original_balanse\n");
    Cli.Result r = Cli.run("calibrate", f.toString(), "--out", tmp.resolve("cal").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith(f + ":1: original_balanse: unknown column (did you mean"
        + " 'original_balance'?)");
    assertThat(tmp.resolve("cal")).doesNotExist();
  }
}
