package io.absmc.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.absmc.TestFiles;
import io.absmc.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
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

  private static final Path CORPUS = TestFiles.path("scenarios/invalid");

  private static List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(CORPUS)) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @Test
  void corpusCoversAtLeastTwentyRules() throws IOException {
    assertThat(files()).hasSizeGreaterThanOrEqualTo(20);
  }

  @TestFactory
  Stream<DynamicTest> eachFileFailsWithItsExactMessageAndExitCode2() throws IOException {
    return files().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
        () -> {
          String expect = Files.readAllLines(file).stream()
              .filter(l -> l.startsWith("# expect: ")).findFirst()
              .orElseThrow(() -> new AssertionError(file + " has no '# expect:' line"))
              .substring("# expect: ".length());
          StringWriter out = new StringWriter();
          StringWriter err = new StringWriter();
          int code = Main.execute(new PrintWriter(out), new PrintWriter(err), "validate",
              file.toString());
          assertThat(code).isEqualTo(2);
          assertThat(err.toString().strip()).isEqualTo(file + ":" + expect);
          assertThat(out.toString()).isEmpty();
        }));
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
