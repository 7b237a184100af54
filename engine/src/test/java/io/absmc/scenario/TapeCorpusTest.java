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
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The invalid loan-tape corpus in {@code scenarios/invalid/tapes/}: each CSV breaks one rule (its
 * name) and {@code NAME.csv.expect} beside it states the exact message, {@code LINE: field:
 * message}. Read as the tape of Deal A's tape example, each is refused by {@code absmc validate}
 * with exit 2 and that one message, naming the tape.
 */
class TapeCorpusTest {

  private static final Path CORPUS = TestFiles.path("scenarios/invalid/tapes");

  @TempDir
  static Path tmp;

  private static List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(CORPUS)) {
      return s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> eachTapeIsRefusedWithItsExactMessageAndExitCode2() throws IOException {
    String scenario = TestFiles.read("scenarios/examples/ali-microloan-tape.yaml")
        .replace("file: loan-tape-sample.csv", "file: tape.csv");
    return files().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
        () -> {
          String expect = Files.readString(Path.of(file + ".expect")).strip();
          Path dir = Files.createDirectories(tmp.resolve(file.getFileName().toString()));
          Files.copy(file, dir.resolve("tape.csv"));
          Path deal = dir.resolve("deal.yaml");
          Files.writeString(deal, scenario);
          StringWriter out = new StringWriter();
          StringWriter err = new StringWriter();
          int code = Main.execute(new PrintWriter(out), new PrintWriter(err), "validate",
              deal.toString());
          assertThat(code).isEqualTo(2);
          assertThat(err.toString().strip()).isEqualTo(dir.resolve("tape.csv") + ":" + expect);
          assertThat(out.toString()).isEmpty();
        }));
  }
}
