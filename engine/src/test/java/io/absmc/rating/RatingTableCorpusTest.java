package io.absmc.rating;

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
 * The invalid rating-table corpus in {@code scenarios/invalid/tables/}: each file breaks one rule
 * (its name) and its third line states the exact message, {@code # expect: LINE: message}. Given
 * to {@code absmc run --el-table}, each is refused with exit 2 and that message, before anything
 * runs or is written.
 */
class RatingTableCorpusTest {

  private static final Path CORPUS = TestFiles.path("scenarios/invalid/tables");
  private static final String DEAL_A = TestFiles.path("scenarios/ali-microloan-plan1.yaml")
      .toString();

  @TempDir
  static Path tmp;

  private static List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(CORPUS)) {
      return s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> eachTableIsRefusedWithItsExactMessageAndExitCode2() throws IOException {
    return files().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
        () -> {
          String expect = Files.readAllLines(file).stream()
              .filter(l -> l.startsWith("# expect: ")).findFirst()
              .orElseThrow(() -> new AssertionError(file + " has no '# expect:' line"))
              .substring("# expect: ".length());
          StringWriter err = new StringWriter();
          Path out = tmp.resolve(file.getFileName().toString());
          int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "run",
              DEAL_A, "--paths", "100", "--el-table", file.toString(), "--out", out.toString());
          assertThat(code).isEqualTo(2);
          assertThat(err.toString().strip()).isEqualTo(file + ":" + expect);
          assertThat(out).doesNotExist();
        }));
  }
}
