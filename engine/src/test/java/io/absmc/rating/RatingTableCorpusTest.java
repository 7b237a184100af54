package io.absmc.rating;

import io.absmc.Corpus;
import io.absmc.TestFiles;
import java.io.IOException;
import java.nio.file.Path;
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

  private static final String DEAL_A = TestFiles.path("scenarios/ali-microloan-plan1.yaml")
      .toString();

  @TempDir
  static Path tmp;

  @TestFactory
  Stream<DynamicTest> eachTableIsRefusedWithItsExactMessageAndExitCode2() throws IOException {
    return Corpus.tests(Corpus.files("scenarios/invalid/tables", ".csv"), file -> {
      Path out = tmp.resolve(file.getFileName().toString());
      return new Corpus.Case(Corpus.expectLine(file), new String[] {"run", DEAL_A, "--paths",
          "100", "--el-table", file.toString(), "--out", out.toString()}, out);
    }, file -> file);
  }
}
