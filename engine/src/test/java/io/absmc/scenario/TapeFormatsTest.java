package io.absmc.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.absmc.TestFiles;
import io.absmc.cli.Main;
import io.absmc.output.Column;
import io.absmc.output.DuckDb;
import io.absmc.output.ParquetTable;
import io.absmc.scenario.yaml.Problems;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loan tapes in Parquet as well as CSV, with per-loan default rates and performance keys, and
 * their stratification.
 */
class TapeFormatsTest {

  private static int run(StringWriter out, StringWriter err, String... args) {
    return Main.execute(new PrintWriter(out), new PrintWriter(err), args);
  }

  private static String scenario(String file, String keys) {
    return TestFiles.read("scenarios/examples/ali-microloan-tape.yaml")
        .replace("file: loan-tape-sample.csv     # relative to this file", "file: " + file + keys);
  }

  /**
   * The generator's tape in CSV and in Parquet (same seed) gives the same segments, to the bit, as
   * does the Parquet tape rewritten with Snappy pages by DuckDB.
   */
  @Test
  void parquetAndCsvTapesGiveTheSamePool(@TempDir Path tmp) throws IOException {
    for (String f : List.of("tape.csv", "tape.parquet")) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      assertThat(run(out, err, "generate-tape", "--loans", "3000", "--seed", "5",
          tmp.resolve(f).toString())).as(err.toString()).isZero();
    }
    String keys = "\n    performance_keys:\n      A: {default_multiplier: 0.5}\n"
        + "      B: {}\n      C: {}\n      D: {}\n      E: {default_multiplier: 2}";
    Files.writeString(tmp.resolve("csv.yaml"), scenario("tape.csv", keys));
    Files.writeString(tmp.resolve("parquet.yaml"), scenario("tape.parquet", keys));
    Scenario csv = ScenarioLoader.load(tmp.resolve("csv.yaml"));
    Scenario parquet = ScenarioLoader.load(tmp.resolve("parquet.yaml"));
    assertThat(parquet.pool().segments()).isEqualTo(csv.pool().segments());
    // the same tape as pandas, pyarrow or DuckDB write it by default: Snappy pages
    Path snappy = tmp.resolve("tape-snappy.parquet");
    DuckDb.execute("COPY (SELECT * FROM read_parquet('" + tmp.resolve("tape.parquet") + "')) TO '"
        + snappy + "' (FORMAT parquet, COMPRESSION snappy)");
    assertThat(DuckDb.query("SELECT DISTINCT compression FROM parquet_metadata('" + snappy + "')"))
        .extracting(r -> r.get("compression")).containsExactly("SNAPPY");
    Files.writeString(tmp.resolve("snappy.yaml"), scenario("tape-snappy.parquet", keys));
    assertThat(ScenarioLoader.load(tmp.resolve("snappy.yaml")).pool().segments())
        .isEqualTo(csv.pool().segments());
    assertThat(csv.pool().segments().size()).isGreaterThan(100);
    double loans = csv.pool().segments().stream().mapToDouble(Segment::loanCount).sum();
    assertThat(loans).isCloseTo(3000, within(1e-9));
  }

  /**
   * Per-loan rates and keys, by hand: two credit loans in band A, 1,000 at 1.0% and 3,000 at 1.4%
   * (one 0.5% band: 1.0-1.5%), are one stratum defaulting at (10 + 42) / 4,000 = 1.3% a year,
   * halved by key A's multiplier to 0.65%; an order loan in band E at 2% is doubled to 4%.
   */
  @Test
  void perLoanRatesAreAveragedByBalanceAndKeysMultiplyThem(@TempDir Path tmp) throws IOException {
    Files.writeString(tmp.resolve("tape.csv"), """
        loan_id,segment,balance,annual_rate,term_days,term_months,age_days,annual_default_rate,performance_key
        L1,credit_loan,1000,18%,,6,10,1.0%,A
        L2,credit_loan,3000,18%,,6,12,1.4%,A
        L3,order_loan,2000,18%,57,,5,2%,E
        """);
    Files.writeString(tmp.resolve("deal.yaml"), scenario("tape.csv",
        "\n    performance_keys:\n      A: {default_multiplier: 0.5}\n      E: {default_multiplier: 2}"));
    Scenario s = ScenarioLoader.load(tmp.resolve("deal.yaml"));
    assertThat(s.pool().segments()).hasSize(2);
    Segment credit = s.pool().segments().get(0);
    assertThat(credit.balance()).isEqualTo(4000);
    assertThat(credit.performance().annualDefaultRate().value(1)).isCloseTo(0.0065, within(1e-15));
    assertThat(credit.performance().annualDefaultRate().isConstant()).isTrue();
    Segment order = s.pool().segments().get(1);
    assertThat(order.performance().annualDefaultRate().value(1)).isCloseTo(0.04, within(1e-15));
  }

  /** A key the scenario does not map is refused with the row, as is a tape key without a map. */
  @Test
  void unknownPerformanceKeysAreRefused(@TempDir Path tmp) throws IOException {
    Files.writeString(tmp.resolve("tape.csv"), """
        loan_id,segment,balance,annual_rate,term_days,term_months,age_days,performance_key
        L1,credit_loan,1000,18%,,6,10,A
        L2,order_loan,3000,18%,57,,12,Z
        """);
    Files.writeString(tmp.resolve("keyed.yaml"), scenario("tape.csv",
        "\n    performance_keys:\n      A: {default_multiplier: 0.5}\n      B: {}"));
    Files.writeString(tmp.resolve("unkeyed.yaml"), scenario("tape.csv", ""));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertThat(run(out, err, "validate", tmp.resolve("keyed.yaml").toString())).isEqualTo(2);
    assertThat(err.toString().trim()).isEqualTo(tmp.resolve("tape.csv") + ":3: performance_key:"
        + " unknown performance key 'Z'; the scenario maps A, B");
    err = new StringWriter();
    assertThat(run(out, err, "validate", tmp.resolve("unkeyed.yaml").toString())).isEqualTo(2);
    assertThat(err.toString().trim()).isEqualTo(tmp.resolve("tape.csv") + ":1: performance_key:"
        + " the scenario maps no performance keys: add loan_tape.performance_keys, or leave the"
        + " column out");
  }

  private static void parquet(Path file, String[] ids, double[] balance, String[] segment)
      throws IOException {
    ParquetTable.write(file, List.of(
        Column.ofString("loan_id", "id", i -> ids[i]),
        Column.ofString("segment", "kind", i -> segment[i]),
        Column.ofDouble("balance", "RMB", "principal", i -> balance[i]),
        Column.ofDouble("annual_rate", "1/year", "rate", i -> 0.18),
        Column.ofDouble("term_days", "days", "term", i -> segment[i].equals("order_loan") ? 57
            : Double.NaN),
        Column.ofDouble("term_months", "months", "term", i -> segment[i].equals("order_loan")
            ? Double.NaN : 6),
        Column.ofInt("age_days", "days", "age", i -> 3)), Map.of(), ids.length);
  }

  /** Problems in a Parquet tape are reported by row, and duplicate ids by their second row. */
  @Test
  void parquetProblemsNameTheRow(@TempDir Path tmp) throws IOException {
    parquet(tmp.resolve("tape.parquet"), new String[] {"a", "b", "c", "b"},
        new double[] {100, -5, 100, 100},
        new String[] {"credit_loan", "credit_loan", "order_loan", "order_loan"});
    Files.writeString(tmp.resolve("deal.yaml"), scenario("tape.parquet", ""));
    Problems problems = new Problems("tape.parquet");
    assertThat(LoanTape.read(tmp.resolve("tape.parquet"), new LoanTape.Rules(
        java.util.Set.of("credit_loan", "order_loan"), java.util.Set.of("credit_loan"), null,
        null), 7, problems)).isNull();
    assertThat(problems.messages()).containsExactly(
        "tape.parquet:2: balance: expected 0.01 <= balance <= 1000000000000, found -5",
        "tape.parquet:4: loan_id: duplicate loan id 'b'");
  }

  /** A number column stored as text is refused by name, before any row is read. */
  @Test
  void parquetColumnsOfTheWrongTypeAreRefused(@TempDir Path tmp) throws IOException {
    ParquetTable.write(tmp.resolve("tape.parquet"), List.of(
        Column.ofString("loan_id", "id", i -> "x"),
        Column.ofString("segment", "kind", i -> "order_loan"),
        Column.ofString("balance", "principal", i -> "100"),
        Column.ofDouble("annual_rate", "1/year", "rate", i -> 0.18),
        Column.ofInt("term_days", "days", "term", i -> 57),
        Column.ofInt("age_days", "days", "age", i -> 3)), Map.of(), 1);
    Problems problems = new Problems("tape.parquet");
    assertThat(LoanTape.stratification(tmp.resolve("tape.parquet"), LoanTape.Rules.any(null),
        problems)).isNull();
    assertThat(problems.messages()).containsExactly(
        "tape.parquet:1: balance: expected a number column, found BINARY");
  }

  /**
   * {@code absmc tape}: the stratification by hand. Three loans: credit 1,000 at 18% (6 months, 10
   * days old) and 3,000 at 14% (6 months, 100 days old), order 2,000 at 18% (57 days, 5 days old).
   * Credit: 4,000, 66.67% of 6,000, WA rate (180 + 420) / 4,000 = 15.00%, WA age (10,000 +
   * 300,000) / 4,000 = 77.5 days; its remaining term, months of 365/12 days: 183 - 77.5 = 105.5.
   */
  @Test
  void tapeCommandPrintsTheStratification(@TempDir Path tmp) throws IOException {
    Files.writeString(tmp.resolve("tape.csv"), """
        loan_id,segment,balance,annual_rate,term_days,term_months,age_days
        L1,credit_loan,1000,18%,,6,10
        L2,credit_loan,3000,14%,,6,100
        L3,order_loan,2000,18%,57,,5
        """);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertThat(run(out, err, "tape", tmp.resolve("tape.csv").toString())).isZero();
    String text = out.toString();
    assertThat(text).contains("3 loans, 6,000.00 RMB");
    assertThat(text).containsPattern("credit_loan +2 +4,000.00 +66.67% +15.00% +77.5 +105.5");
    assertThat(text).containsPattern("order_loan +1 +2,000.00 +33.33% +18.00% +5.0 +52.0");
    assertThat(text).containsPattern("90-179 days +1 +3,000.00 +50.00%");
    assertThat(text).containsPattern("14%-15% +1 +3,000.00");
  }

  /**
   * A remaining term in place of an age: 4 of 6 months left at the cut-off date 2024-01-31 means
   * two instalments paid, a loan made on 2023-11-30: 62 days old; 20 of 57 days left, 37 days old.
   */
  @Test
  void remainingTermsGiveTheAge(@TempDir Path tmp) throws IOException {
    Files.writeString(tmp.resolve("tape.csv"), """
        loan_id,segment,balance,annual_rate,term_days,term_months,remaining_term_days,remaining_term_months
        L1,credit_loan,1000,18%,,6,,4
        L2,order_loan,3000,18%,57,,20,
        """);
    Problems problems = new Problems("tape.csv");
    LoanTape.Result r = LoanTape.read(tmp.resolve("tape.csv"), new LoanTape.Rules(
        java.util.Set.of("credit_loan", "order_loan"), java.util.Set.of("credit_loan"), null,
        java.time.LocalDate.of(2024, 1, 31)), 1, problems);
    assertThat(problems.messages()).isEmpty();
    assertThat(r.strata()).extracting(LoanTape.Stratum::seasoningDays).containsExactly(62, 37);
  }

  /** The generator refuses to overwrite a file. */
  @Test
  void generatorNeverOverwrites(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("tape.csv");
    Files.writeString(f, "mine");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertThat(run(out, err, "generate-tape", "--loans", "10", f.toString())).isEqualTo(2);
    assertThat(Files.readString(f)).isEqualTo("mine");
    assertThat(err.toString()).contains("already exists");
  }
}
