package io.absmc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.absmc.TestFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's example output is a real run's: the main job (Deal A, 100,000 paths, the default
 * seed, two threads) prints every line of it, but for the timing and the output folder.
 */
class ReadmeExampleTest {

  @Test
  void theReadmeShowsWhatTheMainJobPrints(@TempDir Path tmp) {
    String readme = TestFiles.read("README.md");
    int from = readme.indexOf("<!-- example-output -->");
    int to = readme.indexOf("<!-- /example-output -->");
    assertThat(from).isPositive();
    List<String> shown = readme.substring(from, to).lines()
        .filter(l -> !l.startsWith("<!--") && !l.startsWith("```"))
        .filter(l -> !l.contains("paths/s") && !l.startsWith("Results:")
            && !l.startsWith("Report:"))
        .toList();
    assertThat(shown).hasSizeGreaterThan(15);
    Cli.Result r = Cli.run("run", TestFiles.path("scenarios/ali-microloan-plan1.yaml").toString(),
        "--threads", "2", "--no-report", "--no-paths", "--out", tmp.resolve("run").toString());
    assertThat(r.code()).as(r.err()).isZero();
    List<String> printed = r.out().lines().map(String::stripTrailing)
        .filter(l -> !l.contains("paths/s") && !l.startsWith("Results:"))
        .toList();
    assertThat(printed).containsExactlyElementsOf(shown);
  }
}
