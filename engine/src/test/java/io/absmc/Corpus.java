package io.absmc;

import static org.assertj.core.api.Assertions.assertThat;

import io.absmc.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The invalid-input corpora under {@code scenarios/invalid/}: files that each break one rule, with
 * the exact message the command line must give. Every file becomes a test that runs the command
 * and expects exit 2, that one message (prefixed with the file the message names) on stderr and
 * nothing on stdout.
 */
public final class Corpus {

  private Corpus() {
  }

  /** The files of a corpus folder whose names end with {@code suffix}, sorted. */
  public static List<Path> files(String folder, String suffix) throws IOException {
    try (Stream<Path> s = Files.list(TestFiles.path(folder))) {
      return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }

  /** The message a file states on its {@code # expect: } line. */
  public static String expectLine(Path file) {
    try {
      return Files.readAllLines(file).stream().filter(l -> l.startsWith("# expect: "))
          .findFirst().orElseThrow(() -> new AssertionError(file + " has no '# expect:' line"))
          .substring("# expect: ".length());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * What one file expects and how to run it.
   *
   * @param expected the message after "{@code FILE:}"
   * @param args the command line
   * @param absent a path the refused command must not have created (null: none)
   */
  public record Case(String expected, String[] args, Path absent) {
  }

  /**
   * One test per file: {@code cases} gives the message expected (after "{@code FILE:}") and the
   * command line; the message must be exactly {@code named + ":" + expected}, where {@code named}
   * is the file the message names (by default the corpus file itself).
   */
  public static Stream<DynamicTest> tests(List<Path> files, Function<Path, Case> cases,
      Function<Path, Path> named) {
    return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
        () -> {
          Case c = cases.apply(file);
          StringWriter out = new StringWriter();
          StringWriter err = new StringWriter();
          int code = Main.execute(new PrintWriter(out), new PrintWriter(err), c.args());
          assertThat(code).isEqualTo(2);
          assertThat(err.toString().strip()).isEqualTo(named.apply(file) + ":" + c.expected());
          assertThat(out.toString()).isEmpty();
          if (c.absent() != null) {
            assertThat(c.absent()).doesNotExist();
          }
        }));
  }
}
