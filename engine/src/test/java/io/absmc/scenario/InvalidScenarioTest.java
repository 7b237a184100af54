package io.absmc.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.absmc.Corpus;
import io.absmc.TestFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;


/**
 * The invalid-scenario corpus in {@code scenarios/invalid/}: each file breaks one rule (its name),
 * and its second line states the exact message, {@code # expect: LINE: field.path: message}.
 * {@code absmc validate} must print exactly that, prefixed with the file name, and exit with 2.
 */
class InvalidScenarioTest {

  private static List<Path> files() throws IOException {
    return Corpus.files("scenarios/invalid", ".yaml");
  }

  @Test
  void corpusCoversAtLeastTwentyRules() throws IOException {
    assertThat(files()).hasSizeGreaterThanOrEqualTo(20);
  }

  @TestFactory
  Stream<DynamicTest> eachFileFailsWithItsExactMessageAndExitCode2() throws IOException {
    return Corpus.tests(files(), file -> new Corpus.Case(Corpus.expectLine(file),
        new String[] {"validate", file.toString()}, null), file -> file);
  }

  @Test
  void everyProblemInAFileIsReportedAtOnce() {
    String text = TestFiles.read("scenarios/examples/seed-worked-example.yaml")
        .replace("coupon: 6.2%", "coupon: -6.2%")
        .replace("annual_rate: 0.5%", "annual_rate: 0.5%\n      anual_rate: 1%")
        .replace("timing: at_maturity", "timing: at_the_end");
    try {
      ScenarioLoader.parse(text, "x.yaml");
      throw new AssertionError("expected problems");
    } catch (ScenarioException e) {
      assertThat(e.problems()).hasSize(3);
      assertThat(e.problems().get(0)).startsWith("x.yaml:").contains("tranches[0].coupon");
      assertThat(e.problems().get(1)).contains("fees[0].anual_rate: unknown field (did you mean 'annual_rate'?)");
      assertThat(e.problems().get(2)).contains("guarantee.timing: unknown value 'at_the_end'");
    }
  }
}
