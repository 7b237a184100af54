package io.absmc.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.absmc.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loan tapes from spreadsheets and other desks: a byte-order mark is read; a tape path must stay
 * in the scenario's folder; a file that is not a tape is refused without repeating what it holds;
 * a CSV syntax error is reported on the line of the record it is in.
 */
class HostileTapeTest {

  @TempDir
  Path tmp;

  private Path deal(String tapeFile, String tapeText) throws Exception {
    Path scenario = tmp.resolve("deal.yaml");
    Files.writeString(scenario, TestFiles.read("scenarios/examples/ali-microloan-tape.yaml")
        .replace("file: loan-tape-sample.csv", "file: " + tapeFile));
    if (tapeText != null) {
      Files.writeString(tmp.resolve("tape.csv"), tapeText);
    }
    return scenario;
  }

  private static List<String> problems(Path scenario) {
    try {
      ScenarioLoader.load(scenario);
    } catch (ScenarioException e) {
      return e.problems();
    }
    throw new AssertionError("expected problems");
  }

  private static final String TAPE = TestFiles.read("scenarios/examples/loan-tape-sample.csv");

  @Test
  void aByteOrderMarkBeforeTheHeaderIsRead() throws Exception {
    assertThat(ScenarioLoader.load(deal("tape.csv", "\uFEFF" + TAPE)).pool()).isNotNull();
  }

  @Test
  void aTapeOutsideTheScenariosFolderIsRefused() throws Exception {
    for (String path : new String[] {"../tape.csv", "/etc/passwd", "data/../../tape.csv"}) {
      assertThat(problems(deal(path, null))).singleElement().asString()
          .contains("pool.loan_tape.file: expected a path relative to the scenario's folder and"
              + " inside it, found '" + path + "'");
    }
  }

  @Test
  void aFileThatIsNotATapeIsNotRepeated() throws Exception {
    Path scenario = deal("tape.csv", "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1\n");
    List<String> p = problems(scenario);
    assertThat(p).singleElement().asString().isEqualTo(tmp.resolve("tape.csv")
        + ":1: not a loan tape: its first line names none of the columns loan_id, segment,"
        + " balance, annual_rate, term_days, term_months, age_days, remaining_term_days, remaining_term_months, annual_default_rate, annual_prepayment_rate, performance_key");
    assertThat(String.join("\n", p)).doesNotContain("root:x");
  }

  @Test
  void anUnclosedQuoteIsReportedOnItsRecordsLine() throws Exception {
    String[] lines = TAPE.split("\n");
    lines[3] = lines[3].replaceFirst(",", ",\"");
    List<String> p = problems(deal("tape.csv", String.join("\n", lines) + "\n"));
    assertThat(p).singleElement().asString().startsWith(tmp.resolve("tape.csv")
        + ":4: not valid CSV: Missing closing quote");
  }
}
