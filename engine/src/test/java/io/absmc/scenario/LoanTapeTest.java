package io.absmc.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.absmc.TestFiles;
import io.absmc.cashflow.ExpectedCashflows;
import io.absmc.cli.Main;
import io.absmc.resolve.ResolvedDeal;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoanTapeTest {

  private static final Path SAMPLE = TestFiles.path("scenarios/examples/ali-microloan-tape.yaml");

  /** Strata computed here from the CSV by hand: kind, term and age // 7. */
  @Test
  void tapeIsStratifiedByKindTermAndAgeBucket() throws IOException {
    List<String> lines = Files.readAllLines(TestFiles.path("scenarios/examples/loan-tape-sample.csv"));
    Set<String> strata = new HashSet<>();
    Map<String, Double> balanceByKind = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split(",", -1);
      strata.add(c[1] + "|" + c[4] + "|" + c[5] + "|" + Integer.parseInt(c[6]) / 7);
      balanceByKind.merge(c[1], Double.parseDouble(c[2]), Double::sum);
    }
    Scenario s = ScenarioLoader.load(SAMPLE);
    assertThat(s.pool().segments()).hasSize(strata.size());
    assertThat(s.pool().balance()).isCloseTo(30e6, within(0.005));
    double loans = s.pool().segments().stream().mapToDouble(Segment::loanCount).sum();
    assertThat(loans).isCloseTo(4000, within(1e-6));
    assertThat(s.pool().kind("order_loan").balance()).isCloseTo(balanceByKind.get("order_loan"), within(0.005));
    assertThat(s.pool().kind("credit_loan").term()).isEqualTo(Term.ofMonths(6));
    assertThat(s.pool().kind("order_loan").term()).isEqualTo(Term.ofDays(57));
    assertThat(s.pool().segments()).allSatisfy(seg ->
        assertThat(seg.seasoningDays()).isLessThan(seg.term().daysFrom(
            s.calendar().closingDate().minusDays(seg.seasoningDays()))));
  }

  /** A tape of identical loans is one stratum and gives exactly the inline segment's cash flows. */
  @Test
  void tapeOfIdenticalLoansMatchesTheInlineSegment(@TempDir Path tmp) throws IOException {
    StringBuilder csv = new StringBuilder("loan_id,segment,balance,annual_rate,term_days,age_days\n");
    for (int i = 0; i < 100; i++) {
      csv.append("L").append(i).append(",pool,5000000,0,365,0\n");
    }
    Files.writeString(tmp.resolve("tape.csv"), csv);
    String inline = TestFiles.read("scenarios/examples/seed-worked-example.yaml");
    String tape = inline.replace("""
            - name: pool
              balance: 500m
              average_balance: 10000       # assumption: the article's "under 10,000 RMB" average loan
              term_days: 365               # assumption: everything is collected on the maturity date
              amortisation: bullet
              annual_rate: 0               # assumption: the 300m collected is the only cash
        """, """
          loan_tape:
            file: tape.csv
          segments:
            - name: pool
              amortisation: bullet
        """).replace("pool:\n  segments:\n  loan_tape:", "pool:\n  loan_tape:");
    assertThat(tape).contains("loan_tape:");
    Path file = tmp.resolve("deal.yaml");
    Files.writeString(file, tape);
    ExpectedCashflows a = ExpectedCashflows.run(ResolvedDeal.resolve(ScenarioLoader.parse(inline, "x.yaml")));
    ExpectedCashflows b = ExpectedCashflows.run(ResolvedDeal.resolve(ScenarioLoader.load(file)));
    assertThat(b.tranche("senior").received()).isEqualTo(a.tranche("senior").received());
    assertThat(b.tranche("mezzanine").received()).isEqualTo(a.tranche("mezzanine").received());
    assertThat(b.record().defaults[0]).isCloseTo(200e6, within(0.005));
  }

  @Test
  void badRowsAreReportedWithFileLineAndColumn(@TempDir Path tmp) throws IOException {
    Files.writeString(tmp.resolve("loan-tape-sample.csv"), """
        loan_id,segment,balance,annual_rate,term_days,term_months,age_days
        A1,credit_loan,1000,18%,,6,10
        A2,credit_lone,1000,18%,,6,10
        A3,order_loan,abc,18%,57,,10
        A1,order_loan,1000,18%,57,,10
        A5,order_loan,1000,18%,57,,57
        A6,credit_loan,1000,18%,180,,10
        """);
    Files.copy(SAMPLE, tmp.resolve("deal.yaml"));
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "validate",
        tmp.resolve("deal.yaml").toString());
    assertThat(code).isEqualTo(2);
    String tape = tmp.resolve("loan-tape-sample.csv").toString();
    assertThat(err.toString().lines()).containsExactly(
        tape + ":3: segment: unknown segment 'credit_lone' (did you mean 'credit_loan'?); the scenario defines credit_loan, order_loan",
        tape + ":4: balance: expected a number, found 'abc'",
        tape + ":5: loan_id: duplicate loan id 'A1'",
        tape + ":6: age_days: expected an age below the term of 57 days, found 57",
        tape + ":7: term_days: segment 'credit_loan' pays monthly instalments: give term_months instead");
  }

  @Test
  void unknownColumnIsRejectedWithTheNearestName(@TempDir Path tmp) throws IOException {
    Files.writeString(tmp.resolve("loan-tape-sample.csv"),
        "loan_id,segment,balance,anual_rate,term_days,age_days\nA1,order_loan,1000,0.18,57,1\n");
    Files.copy(SAMPLE, tmp.resolve("deal.yaml"));
    try {
      ScenarioLoader.load(tmp.resolve("deal.yaml"));
      throw new AssertionError("expected a problem");
    } catch (ScenarioException e) {
      assertThat(e.problems()).first().asString()
          .endsWith("loan-tape-sample.csv:1: anual_rate: unknown column (did you mean 'annual_rate'?); "
              + "columns: loan_id, segment, balance, annual_rate, term_days, term_months, age_days, remaining_term_days, remaining_term_months, annual_default_rate, annual_prepayment_rate, performance_key");
    }
  }
}
