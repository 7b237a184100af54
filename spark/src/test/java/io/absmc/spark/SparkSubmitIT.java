package io.absmc.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code absmc-spark.jar} runs through spark-submit ({@code SparkSubmit}, what the
 * {@code spark-submit} script starts) with nothing beside it but Spark's own jars, as on a cluster:
 * so the jar carries every library absmc needs that Spark does not. Runs after {@code package}
 * (failsafe), in a JVM of its own.
 */
class SparkSubmitIT {

  private static final Path ROOT = Path.of(System.getProperty("absmc.projectRoot", ".."));
  private static final Path TARGET = ROOT.resolve("spark/target");

  /** What absmc-spark.jar carries (the shade plugin's includes): a cluster does not have them. */
  private static final List<String> IN_THE_JAR = List.of("/io/absmc/", "/info/picocli/",
      "/commons-rng-", "/commons-numbers-", "/commons-statistics-", "/jackson-dataformat-csv/");

  @TempDir
  Path tmp;

  @Test
  void theJarRunsThroughSparkSubmitWithOnlySparksJarsBesideIt() throws Exception {
    Path out = tmp.resolve("deal-a");
    Process p = submit("--paths", "3000", "--out", out.toString());
    assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("spark-submit finished").isTrue();
    String log = Files.readString(tmp.resolve("log.txt"), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(log).isZero();
    assertThat(log).contains("3,000 paths").contains("Spark local[2]").contains("subordinated");
    assertThat(out.resolve("summary.parquet")).isRegularFile();
    assertThat(Files.readString(out.resolve("report.html")))
        .as("the report says where the run ran").contains("Apache Spark 4.2.0, master local[2]");
    try (var parts = Files.list(out.resolve("paths"))) {
      assertThat(parts.map(f -> f.getFileName().toString()))
          .anyMatch(n -> n.startsWith("part-") && n.endsWith(".parquet"));
    }
  }

  /** A run stopped by a signal leaves nothing: no output folder, no staging folder beside it. */
  @Test
  void aRunStoppedBySignalLeavesNothingBehind() throws Exception {
    Path out = tmp.resolve("deal-a");
    Process p = submit("--paths", "5000000", "--no-report", "--out", out.toString());
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (staging().isEmpty() && p.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(staging()).as("the run's staging folder, while it runs").isNotEmpty();
    Thread.sleep(1000);
    p.destroy();
    assertThat(p.waitFor(1, TimeUnit.MINUTES)).as("stopped").isTrue();
    assertThat(staging()).as(Files.readString(tmp.resolve("log.txt"))).isEmpty();
    assertThat(out).doesNotExist();
  }

  private List<String> staging() throws java.io.IOException {
    try (var files = Files.list(tmp)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(".deal-a.tmp-"))
          .toList();
    }
  }

  /** Starts {@code SparkSubmit} on Deal A with absmc's jar and Spark's jars only. */
  private Process submit(String... runOptions) throws java.io.IOException {
    List<String> cluster = new ArrayList<>();
    for (String entry : Files.readString(TARGET.resolve("spark-classpath.txt")).trim()
        .split(File.pathSeparator)) {
      if (IN_THE_JAR.stream().noneMatch(entry.replace('\\', '/')::contains)) {
        cluster.add(entry);
      }
    }
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(Arrays.asList(Files.readString(TARGET.resolve("spark-jvm-options.txt"))
        .trim().split("\\s+")));
    command.addAll(List.of("-Dlog4j2.configurationFile=" + TARGET.resolve("log4j2.properties"),
        "-cp", String.join(File.pathSeparator, cluster),
        "org.apache.spark.deploy.SparkSubmit", "--class", "io.absmc.spark.Main",
        "--master", "local[2]", "--conf", "spark.ui.enabled=false",
        TARGET.resolve("absmc-spark.jar").toString(),
        "run", ROOT.resolve("scenarios/ali-microloan-plan1.yaml").toString()));
    command.addAll(Arrays.asList(runOptions));
    return new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(tmp.resolve("log.txt").toFile()).start();
  }
}
