package io.absmc.scenario;

import io.absmc.Corpus;
import io.absmc.TestFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;


/**
 * The invalid loan-tape corpus in {@code scenarios/invalid/tapes/}: each CSV breaks one rule (its
 * name) and {@code NAME.csv.expect} beside it states the exact message, {@code LINE: field:
 * message}. Read as the tape of Deal A's tape example, each is refused by {@code absmc validate}
 * with exit 2 and that one message, naming the tape.
 */
class TapeCorpusTest {

  @TempDir
  static Path tmp;

  /** Where a tape is copied, beside a copy of Deal A's tape example that reads it. */
  private static Path folder(Path tape) {
    return tmp.resolve(tape.getFileName().toString());
  }

  @TestFactory
  Stream<DynamicTest> eachTapeIsRefusedWithItsExactMessageAndExitCode2() throws IOException {
    String scenario = TestFiles.read("scenarios/examples/ali-microloan-tape.yaml")
        .replace("file: loan-tape-sample.csv", "file: tape.csv");
    return Corpus.tests(Corpus.files("scenarios/invalid/tapes", ".csv"), file -> {
      try {
        Path dir = Files.createDirectories(folder(file));
        Files.copy(file, dir.resolve("tape.csv"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve("deal.yaml"), scenario);
        return new Corpus.Case(Files.readString(Path.of(file + ".expect")).strip(),
            new String[] {"validate", dir.resolve("deal.yaml").toString()}, null);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, file -> folder(file).resolve("tape.csv"));
  }
}
