package io.absmc.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.absmc.TestFiles;
import io.absmc.output.RunFiles;
import io.absmc.stats.TrancheStatistics;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java example as a user meets it: the engine artifact just packaged is installed
 * (with its parent and the reports module) into a fresh local repository, which falls back on the
 * build's own for third-party libraries; the example's source, copied from the README, is compiled
 * by a fresh Maven project that depends on it, and run on Deal A. What it prints must be what the
 * same run gives in this JVM, and what the README shows.
 */
class JavaExampleIT {

  private static final Pattern TRANCHE = Pattern.compile(
      "^(\\S+)\\s+PD (\\S+) \\[(\\S+), (\\S+)\\]\\s+EL (\\S+)\\s+rating (\\S+)$");
  private static final Pattern POOL = Pattern.compile("^pool loss rate (\\S+) \\(s\\.e\\. (\\S+)\\)$");

  @Test
  void readmeExampleCompilesAndRunsAgainstTheInstalledEngine(@TempDir Path tmp) throws Exception {
    String readme = TestFiles.read("README.md");
    int marker = readme.indexOf("<!-- java-example -->\n```java\n");
    assertThat(marker).as("README's java-example block").isNotNegative();
    int start = marker + "<!-- java-example -->\n```java\n".length();
    String source = readme.substring(start, readme.indexOf("```\n", start));
    Matcher name = Pattern.compile("public class (\\w+)").matcher(source);
    assertThat(name.find()).isTrue();

    String version = System.getProperty("absmc.version");
    Path repo = tmp.resolve("repo");
    Path root = TestFiles.root();
    String install = "org.apache.maven.plugins:maven-install-plugin:3.1.3:install-file";
    maven(tmp, repo, install, "-Dfile=" + root.resolve("pom.xml"),
        "-DpomFile=" + root.resolve("pom.xml"));
    maven(tmp, repo, install, "-Dfile=" + System.getProperty("absmc.reportsJar"),
        "-DpomFile=" + root.resolve("reports/pom.xml"));
    maven(tmp, repo, install, "-Dfile=" + System.getProperty("absmc.engineJar"),
        "-DpomFile=" + root.resolve("engine/pom.xml"));
    assertThat(repo.resolve("io/absmc/absmc-engine/" + version + "/absmc-engine-" + version
        + ".jar")).isRegularFile();

    Path project = tmp.resolve("example");
    Files.createDirectories(project.resolve("src/main/java"));
    Files.writeString(project.resolve("src/main/java/" + name.group(1) + ".java"), source);
    Files.writeString(project.resolve("pom.xml"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>example</groupId>
          <artifactId>absmc-user</artifactId>
          <version>1</version>
          <properties>
            <maven.compiler.release>17</maven.compiler.release>
            <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
          </properties>
          <dependencies>
            <dependency>
              <groupId>io.absmc</groupId>
              <artifactId>absmc-engine</artifactId>
              <version>%s</version>
            </dependency>
          </dependencies>
          <build>
            <plugins>
              <plugin>
                <artifactId>maven-resources-plugin</artifactId>
                <version>3.3.1</version>
              </plugin>
              <plugin>
                <artifactId>maven-compiler-plugin</artifactId>
                <version>3.14.0</version>
              </plugin>
              <plugin>
                <artifactId>maven-dependency-plugin</artifactId>
                <version>3.8.1</version>
              </plugin>
            </plugins>
          </build>
        </project>
        """.formatted(version));
    maven(project, repo, "compile", "dependency:build-classpath", "-Dmdep.outputFile=cp.txt");

    Path scenario = TestFiles.path("scenarios/ali-microloan-plan1.yaml");
    Path out = tmp.resolve("out");
    String classpath = project.resolve("target/classes") + File.pathSeparator
        + Files.readString(project.resolve("cp.txt")).trim();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Result run = run(tmp, List.of(java.toString(), "-cp", classpath, name.group(1),
        scenario.toString(), out.toString()));
    assertThat(run.code).as(run.output).isZero();

    RunResult expected = Run.of(scenario).stress("defaults=x2,recovery=-20%").paths(20_000)
        .seed(7).call();
    List<String> lines = run.output.lines().filter(l -> !l.isBlank()).toList();
    assertThat(lines).as(run.output).hasSize(expected.tranches().size() + 1);
    for (int t = 0; t < expected.tranches().size(); t++) {
      TrancheStatistics e = expected.tranches().get(t);
      Matcher m = TRANCHE.matcher(lines.get(t));
      assertThat(m.matches()).as(lines.get(t)).isTrue();
      assertThat(m.group(1)).isEqualTo(e.name());
      double[] printed = Arrays.stream(new int[] {2, 3, 4, 5})
          .mapToDouble(g -> Double.parseDouble(m.group(g))).toArray();
      double[] values = {e.pd(), e.pdLow(), e.pdHigh(), e.el()};
      for (int i = 0; i < values.length; i++) {
        assertThat(printed[i]).as(lines.get(t)).isCloseTo(values[i], within(5.1e-7));
      }
      assertThat(m.group(6)).isEqualTo(e.ratingEl().range());
    }
    Matcher pool = POOL.matcher(lines.get(lines.size() - 1));
    assertThat(pool.matches()).as(lines.get(lines.size() - 1)).isTrue();
    assertThat(Double.parseDouble(pool.group(1)))
        .isCloseTo(expected.pool().lossRate().mean(), within(5.1e-7));
    // a stressed run loses something: the numbers compared are not all zeros
    assertThat(expected.pool().lossRate().mean()).isGreaterThan(0.001);
    // and what the README shows it printing
    String shown = "<!-- java-example-output -->\n```\n";
    int at = readme.indexOf(shown) + shown.length();
    assertThat(at).isGreaterThanOrEqualTo(shown.length());
    assertThat(run.output.strip()).isEqualTo(readme.substring(at, readme.indexOf("```", at)).strip());
    for (String f : List.of(RunFiles.SUMMARY, RunFiles.LOSS_DISTRIBUTION, RunFiles.CASHFLOWS,
        RunFiles.TRIGGERS, io.absmc.output.PathsFile.NAME)) {
      assertThat(out.resolve(f)).isRegularFile();
    }
  }

  /** Maven (the project's wrapper) in {@code dir}, on a fresh local repository over the build's. */
  private static void maven(Path dir, Path repo, String... args) throws Exception {
    Path root = TestFiles.root();
    List<String> command = new ArrayList<>(List.of(root.resolve("mvnw").toString(), "-B", "-q",
        "-Dmaven.repo.local=" + repo,
        "-Dmaven.repo.local.tail=" + System.getProperty("absmc.localRepository")));
    // an offline build (-o) runs its Maven offline too
    if ("offline=true".equals(System.getProperty("absmc.mavenMode"))) {
      command.add("-o");
    }
    command.addAll(List.of(args));
    Result r = run(dir, command);
    assertThat(r.code).as(String.join(" ", command) + "\n" + r.output).isZero();
  }

  private record Result(int code, String output) {
  }

  private static Result run(Path dir, List<String> command) throws IOException,
      InterruptedException {
    Path log = Files.createTempFile(dir, "process-", ".log");
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly().waitFor();
      throw new AssertionError(String.join(" ", command) + " took more than 10 minutes");
    }
    return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }
}
