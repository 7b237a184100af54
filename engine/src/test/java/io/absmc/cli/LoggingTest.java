package io.absmc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.absmc.TestFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The libraries' messages (Parquet-MR writing the results) reach standard error through SLF4J:
 * none by default, their info messages with {@code --log-level info} or {@code --verbose}. Each run
 * is a JVM of its own, since a logger reads its level once.
 */
class LoggingTest {

  @TempDir
  Path tmp;

  /** Standard error of absmc run on Deal A with the extra arguments. */
  private String stderr(String out, String... extra) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp",
        System.getProperty("java.class.path"), "io.absmc.cli.Main", "run",
        TestFiles.path("scenarios/ali-microloan-plan1.yaml").toString(), "--paths", "200",
        "--no-report", "--out", tmp.resolve(out).toString()));
    command.addAll(List.of(extra));
    Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    byte[] err = p.getErrorStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(new String(err, StandardCharsets.UTF_8)).isZero();
    return new String(err, StandardCharsets.UTF_8);
  }

  @Test
  void libraryMessagesAreQuietByDefaultAndShownOnRequest() throws Exception {
    assertThat(stderr("a")).doesNotContain("[INFO]").doesNotContain("[WARN]");
    assertThat(stderr("b", "--log-level", "info")).contains("[INFO] CodecPool");
    assertThat(stderr("c", "--verbose")).contains("[INFO] CodecPool");
  }
}
