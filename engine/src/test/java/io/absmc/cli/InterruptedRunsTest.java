package io.absmc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.absmc.TestFiles;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs in other processes, as users start them on a shared machine: a second run on a folder
 * being written (or inside it) is refused while the first goes on; Ctrl-C and SIGTERM leave
 * neither temporary folder nor lock; kill -9 leaves a temporary folder that the next run on the
 * same folder removes, saying so.
 */
class InterruptedRunsTest {

  private static final String DEAL_A = TestFiles.path("scenarios/ali-microloan-plan1.yaml")
      .toString();

  @TempDir
  Path tmp;

  /** absmc in a JVM of its own (the test's class path), writing a long run into {@code out}. */
  private Process longRun(Path out) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        "io.absmc.cli.Main", "run", DEAL_A, "--paths", "2000000", "--threads", "1",
        "--no-report", "--out", out.toString())
        .redirectErrorStream(true).redirectOutput(tmp.resolve("log-" + out.getFileName()).toFile())
        .start();
  }

  /** The hidden temporary folders and lock of a target, beside it. */
  private static List<Path> leftovers(Path target) throws IOException {
    String prefix = "." + target.getFileName() + ".";
    try (Stream<Path> s = Files.list(target.getParent())) {
      return s.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
    }
  }

  /** Waits (up to 60 s) until the run has locked its target and started writing. */
  private static void awaitWriting(Process p, Path target) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      List<Path> l = leftovers(target);
      boolean locked = l.stream().anyMatch(x -> x.toString().endsWith(".lock"));
      boolean writing = l.stream().anyMatch(x -> x.getFileName().toString().contains(".tmp-"));
      if (locked && writing) {
        return;
      }
      assertThat(p.isAlive()).as("the run is still going").isTrue();
      Thread.sleep(50);
    }
    throw new AssertionError("the run never started writing " + target);
  }

  private static void stop(Process p, String signal) throws Exception {
    new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("stopped by " + signal).isTrue();
  }

  @Test
  void aSecondRunOnAFolderBeingWrittenIsRefusedAndTheFirstGoesOn() throws Exception {
    Path out = tmp.resolve("a");
    Process first = longRun(out);
    try {
      awaitWriting(first, out);
      Cli.Result same = Cli.run("run", DEAL_A, "--paths", "100", "--out", out.toString());
      assertThat(same.code()).isEqualTo(2);
      assertThat(same.err()).contains(out + " is being written by another absmc run (pid "
          + first.pid());
      Cli.Result inside = Cli.run("run", DEAL_A, "--paths", "100", "--out",
          out.resolve("inner").toString());
      assertThat(inside.code()).isEqualTo(2);
      assertThat(inside.err()).contains("is inside " + out + ", which another absmc run is writing");
      Cli.Result around = Cli.run("run", DEAL_A, "--paths", "100", "--overwrite", "--out",
          tmp.toString());
      assertThat(around.code()).isEqualTo(2);
      assertThat(around.err()).contains(tmp + " holds " + tmp + ", which another absmc run");
      assertThat(first.isAlive()).as("the first run goes on").isTrue();
      assertThat(leftovers(out)).anyMatch(p -> p.getFileName().toString().contains(".tmp-"));
    } finally {
      stop(first, "TERM");
    }
  }

  @Test
  void ctrlCAndSigtermLeaveNothingBehind() throws Exception {
    for (String signal : new String[] {"INT", "TERM"}) {
      Path out = tmp.resolve("stopped-" + signal);
      Process p = longRun(out);
      awaitWriting(p, out);
      stop(p, signal);
      assertThat(leftovers(out)).as(signal).isEmpty();
      assertThat(out).as(signal).doesNotExist();
    }
  }

  @Test
  void aRunAfterKillMinus9RemovesWhatTheKilledRunLeft() throws Exception {
    Path out = tmp.resolve("killed");
    Process p = longRun(out);
    awaitWriting(p, out);
    stop(p, "KILL");
    List<Path> left = leftovers(out);
    assertThat(left).anyMatch(x -> x.getFileName().toString().contains(".tmp-"));
    Cli.Result next = Cli.run("run", DEAL_A, "--paths", "200", "--no-report", "--no-paths",
        "--out", out.toString());
    assertThat(next.code()).as(next.err()).isZero();
    Path stale = left.stream().filter(x -> x.getFileName().toString().contains(".tmp-"))
        .findFirst().orElseThrow();
    assertThat(next.err()).contains("removed " + stale + ", left by an interrupted run on " + out);
    assertThat(leftovers(out)).isEmpty();
    assertThat(out.resolve("summary.parquet")).exists();
  }

  @Test
  void outOnAFileOrTheRootIsAUsageError() throws Exception {
    Path file = tmp.resolve("plain.txt");
    Files.writeString(file, "x");
    Cli.Result onFile = Cli.run("run", DEAL_A, "--paths", "100", "--out", file.toString());
    assertThat(onFile.code()).isEqualTo(2);
    assertThat(onFile.err()).contains(file + " is a file, not a folder");
    Cli.Result below = Cli.run("run", DEAL_A, "--paths", "100", "--out",
        file.resolve("sub").toString());
    assertThat(below.code()).isEqualTo(2);
    Cli.Result root = Cli.run("run", DEAL_A, "--paths", "100", "--out", File.separator);
    assertThat(root.code()).isEqualTo(2);
    assertThat(root.err()).doesNotContain("NullPointerException");
  }
}
