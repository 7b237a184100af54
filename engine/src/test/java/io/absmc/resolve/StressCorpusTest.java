package io.absmc.resolve;

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
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The invalid stress-file corpus in {@code scenarios/invalid/stress/}: each file breaks one rule
 * (its name) and its second line states the exact message, {@code # expect: LINE: message}.
 * Given to {@code absmc batch --stress}, each is refused with exit 2 and that one message, before
 * any scenario runs or anything is written.
 */
class StressCorpusTest {

  private static final Path CORPUS = TestFiles.path("scenarios/invalid/stress");
  private static final String DEAL_A = TestFiles.path("scenarios/ali-microloan-plan1.yaml")
      .toString();

  @TempDir
  static Path tmp;

  private static List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(CORPUS)) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> eachStressFileIsRefusedWithItsExactMessageAndExitCode2() throws IOException {
    return files().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
        () -> {
          String expect = Files.readAllLines(file).stream()
              .filter(l -> l.startsWith("# expect: ")).findFirst()
              .orElseThrow(() -> new AssertionError(file + " has no '# expect:' line"))
              .substring("# expect: ".length());
          StringWriter err = new StringWriter();
          Path out = tmp.resolve(file.getFileName().toString());
          int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err),
              "batch", DEAL_A, "--stress", file.toString(), "--paths", "100", "--out",
              out.toString());
          assertThat(code).isEqualTo(2);
          assertThat(err.toString().strip()).isEqualTo(file + ":" + expect);
          assertThat(out).doesNotExist();
        }));
  }
}
