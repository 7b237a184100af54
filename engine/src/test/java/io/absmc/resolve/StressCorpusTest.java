package io.absmc.resolve;

import io.absmc.Corpus;
import io.absmc.TestFiles;
import java.io.IOException;
import java.nio.file.Path;
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

  private static final String DEAL_A = TestFiles.path("scenarios/ali-microloan-plan1.yaml")
      .toString();

  @TempDir
  static Path tmp;

  @TestFactory
  Stream<DynamicTest> eachStressFileIsRefusedWithItsExactMessageAndExitCode2() throws IOException {
    return Corpus.tests(Corpus.files("scenarios/invalid/stress", ".yaml"), file -> {
      Path out = tmp.resolve(file.getFileName().toString());
      return new Corpus.Case(Corpus.expectLine(file), new String[] {"batch", DEAL_A, "--stress",
          file.toString(), "--paths", "100", "--out", out.toString()}, out);
    }, file -> file);
  }
}
