package io.absmc.cli;

import static io.absmc.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.absmc.TestFiles;
import io.absmc.cli.Cli.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

  private static final String WORKED = TestFiles.path("scenarios/examples/seed-worked-example.yaml")
      .toString();

  @Test
  void validateAcceptsEveryBundledScenario() {
    Result r = run("validate", TestFiles.path("scenarios/ali-microloan-plan1.yaml").toString(),
        TestFiles.path("scenarios/ant-credit-pay-abs.yaml").toString(), WORKED);
    assertThat(r.code()).isZero();
    assertThat(r.out().lines()).hasSize(3).allMatch(l -> l.contains(": valid: "));
    assertThat(r.err()).isEmpty();
  }

  @Test
  void validateChecksStressFilesToo() {
    Result r = run("validate", TestFiles.path("scenarios/stress/multiples.yaml").toString(),
        TestFiles.path("scenarios/stress/cn-revolving-consumer.yaml").toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("valid: stress set multiples, 18 scenarios")
        .contains("valid: stress set cn-revolving-consumer, 13 scenarios");
  }

  @Test
  void cashflowsPrintsTheWorkedExampleAndWritesCsvFiles(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("out");
    Result r = run("cashflows", WORKED, "--out", dir.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("398,250,000.00").contains("110,900,000.00")
        .contains("44,150,000.00").contains("-35,900,000.00");
    List<String> pool = Files.readAllLines(dir.resolve("pool_cashflows.csv"));
    assertThat(pool.get(0)).startsWith("period,payment_date,deal_state,opening_balance,defaults");
    assertThat(pool).hasSize(2);
    assertThat(pool.get(1)).startsWith("1,2014-07-01,amortising,500000000.00,200000000.00");
    List<String> tranches = Files.readAllLines(dir.resolve("tranche_cashflows.csv"));
    assertThat(tranches.get(0)).isEqualTo("period,payment_date,tranche,opening_balance,interest_due,"
        + "interest_paid,principal_paid,interest_shortfall,guarantee_draw,residual_paid,closing_balance");
    assertThat(tranches).contains(
        "1,2014-07-01,mezzanine,75000000.00,8250000.00,8250000.00,30850000.00,0.00,39100000.00,0.00,44150000.00");
    // one year from paying in 375m to receiving 398.25m is 6.2%; the mezzanine gets back 39.1m of
    // 75m, -47.8667%; the subordinated class nothing, -100%
    assertThat(Files.readAllLines(dir.resolve("tranche_summary.csv"))).containsExactly(
        "tranche,paid_in,received,from_guarantor,gain_vs_paid_in,promised,shortfall_vs_promised,"
            + "wal_years,irr",
        "senior,375000000.00,398250000.00,110900000.00,23250000.00,398250000.00,0.00,1.000000,"
            + "0.06200000",
        "mezzanine,75000000.00,39100000.00,39100000.00,-35900000.00,83250000.00,44150000.00,"
            + "1.000000,-0.47866667",
        "subordinated,50000000.00,0.00,0.00,-50000000.00,50000000.00,50000000.00,,-1.00000000");
    assertThat(r.out()).contains("Pool (RMB m)");
    assertThat(run("cashflows", WORKED, "--units", "rmb").out()).contains("Pool (RMB)")
        .contains("500,000,000.00");
    try (var files = Files.list(tmp)) {
      assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("out");
    }
  }

  @Test
  void runPrintsMonteCarloStatisticsAndWritesToTheGivenFolder(@TempDir Path tmp) {
    Result r = run("run", TestFiles.path("scenarios/ali-microloan-plan1.yaml").toString(),
        "--paths", "2000", "--seed", "5", "--threads", "2", "--out", tmp.resolve("r").toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("2,000 paths, seed 5, cohort granularity, 2 threads")
        .contains("PD").contains("rating (EL)").contains("senior").contains("subordinated")
        .contains("cumulative default rate").contains("early_warning_defaults")
        .contains("Results: " + tmp.resolve("r"));
    assertThat(tmp.resolve("r/summary.parquet")).exists();
    assertThat(tmp.resolve("r/paths.parquet")).exists();
  }

  @Test
  void runPrintsTheSameTableForAnyThreadCount(@TempDir Path tmp) {
    String file = TestFiles.path("scenarios/ant-credit-pay-abs.yaml").toString();
    String one = run("run", file, "--paths", "1500", "--threads", "1", "--out", tmp.resolve("a").toString()).out();
    String two = run("run", file, "--paths", "1500", "--threads", "2", "--out", tmp.resolve("b").toString()).out();
    assertThat(table(one)).isEqualTo(table(two)).contains("senior_aaa");
  }

  /** The printed tables, without the timing line and output paths. */
  private static String table(String out) {
    return out.lines().filter(l -> !l.contains("paths/s") && !l.startsWith("Results:")
            && !l.startsWith("Report:"))
        .reduce("", (a, b) -> a + b + "\n");
  }

  @Test
  void unknownGranularityIsAUsageError() {
    Result r = run("run", WORKED, "--granularity", "cohorts");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("unknown value 'cohorts' (did you mean 'cohort'?)");
  }

  @Test
  void stressChangesTheOutcome() {
    Result base = run("cashflows", TestFiles.path("scenarios/ant-credit-pay-abs.yaml").toString());
    Result stressed = run("cashflows", TestFiles.path("scenarios/ant-credit-pay-abs.yaml").toString(),
        "--stress", "defaults=x5,recovery=-50%");
    assertThat(stressed.code()).isZero();
    assertThat(stressed.out()).contains("stress: defaults +400.0%, recovery -50.00%");
    assertThat(stressed.out()).isNotEqualTo(base.out());
  }

  @Test
  void badStressIsAUsageErrorWithExitCode2() {
    Result r = run("cashflows", WORKED, "--stress", "defualts=x2");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("unknown key 'defualts' (did you mean 'defaults'?)");
  }

  @Test
  void pathsOutOfRangeIsAUsageErrorForEveryCommandThatSimulates(@TempDir Path tmp) {
    for (String command : List.of("run", "breakeven")) {
      Result r = run(command, WORKED, "--paths", "0", "--out", tmp.resolve(command).toString());
      assertThat(r.code()).as(command).isEqualTo(2);
      assertThat(r.err()).as(command).contains("--paths must be between 1 and 2000000000, found 0");
      assertThat(tmp.resolve(command)).as(command).doesNotExist();
    }
  }

  @Test
  void missingFileExitsWith2AndNoStackTrace() {
    Result r = run("cashflows", "no-such.yaml");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("no-such.yaml: no such file");
  }

  @Test
  void unknownCommandIsAUsageError() {
    Result r = run("simulate", WORKED);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("Unmatched argument");
  }

  @Test
  void invalidScenarioWritesNothing(@TempDir Path tmp) {
    Result r = run("cashflows", TestFiles.path("scenarios/invalid/coupon-out-of-range.yaml").toString(),
        "--out", tmp.resolve("o").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(tmp.resolve("o")).doesNotExist();
  }
}
