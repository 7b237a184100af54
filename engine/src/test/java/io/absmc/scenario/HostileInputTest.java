package io.absmc.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.absmc.TestFiles;
import io.absmc.resolve.StressSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input files from other desks and scripts: what cannot be a scenario or stress file is refused
 * quickly, with one line naming the file (and the line where there is one), whatever its size or
 * shape; the harmless oddities of other tools (a byte-order mark, an anchor on a scalar) are read.
 * The limits are checks, not performance measurements: the timeouts catch a hang.
 */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class HostileInputTest {

  private static final String TINY = TestFiles.read("scenarios/invalid/negative-default-rate.yaml")
      .replace("annual_default_rate: -2%", "annual_default_rate: 2%");

  @TempDir
  Path tmp;

  private static String messageOf(Runnable load) {
    try {
      load.run();
    } catch (ScenarioException e) {
      return String.join("\n", e.problems());
    }
    throw new AssertionError("expected the input to be refused");
  }

  @Test
  void aFileThatNeverEndsIsRefusedAtTheLimit() {
    Path zero = Path.of("/dev/zero");
    if (!Files.exists(zero)) {
      return;
    }
    assertThat(messageOf(() -> ScenarioLoader.load(zero)))
        .isEqualTo("/dev/zero: larger than 4 MiB; absmc reads scenario and stress files of at most"
            + " that size (is it the right file?)");
  }

  @Test
  void aFiftyMegabyteDescriptionIsRefusedBeforeParsing() throws Exception {
    Path big = tmp.resolve("big.yaml");
    Files.writeString(big, TINY.replace("description: smallest valid deal",
        "description: " + "x".repeat(50 << 20)));
    assertThat(messageOf(() -> ScenarioLoader.load(big))).startsWith(big + ": larger than 4 MiB");
  }

  @Test
  void aLongValueWithinTheFileLimitIsRefusedWithItsField() throws Exception {
    Path big = tmp.resolve("long.yaml");
    Files.writeString(big, TINY.replace("description: smallest valid deal",
        "description: " + "x".repeat(200_000)));
    assertThat(messageOf(() -> ScenarioLoader.load(big))).isEqualTo(big
        + ":4: description: a value of 200027 characters; absmc reads at most 100000");
  }

  @Test
  void bytesThatAreNotUtf8AreReportedOnTheirLine() throws Exception {
    Path bad = tmp.resolve("latin1.yaml");
    Files.write(bad, TINY.replace("name: tiny", "name: caf\u00e9").getBytes(
        StandardCharsets.ISO_8859_1));
    assertThat(messageOf(() -> ScenarioLoader.load(bad)))
        .isEqualTo(bad + ":3: not UTF-8 text (byte 0xE9); save the file as UTF-8");
  }

  @Test
  void aByteOrderMarkIsDroppedAndAScalarAnchorIsKept() throws Exception {
    Path bom = tmp.resolve("bom.yaml");
    Files.writeString(bom, "\uFEFF" + TINY.replace("      balance: 100m", "      balance: &ps 100m")
        .replace("  plan_size: 100m", "  plan_size: *ps"));
    Scenario s = ScenarioLoader.load(bom);
    assertThat(s.name()).isEqualTo("tiny");
    assertThat(s.structure().planSize()).isEqualTo(100e6);
  }

  @Test
  void aStressFileBombIsRefusedToo() throws Exception {
    StringBuilder bomb = new StringBuilder("name: laughs\n");
    bomb.append("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 9; i++) {
      bomb.append("a").append(i).append(": &a").append(i).append(" [")
          .append(String.join(", ", java.util.Collections.nCopies(10, "*a" + (i - 1))))
          .append("]\n");
    }
    bomb.append("scenarios:\n  - name: base\n");
    Path file = tmp.resolve("stress.yaml");
    Files.writeString(file, bomb);
    assertThatThrownBy(() -> StressSet.load(file)).isInstanceOf(ScenarioException.class)
        .hasMessageContaining(file + ":7: the document holds more than 200000 values");
  }

  @Test
  void aFolderIsNotAScenario() {
    assertThat(messageOf(() -> ScenarioLoader.load(tmp))).isEqualTo(tmp + ": is a folder, not a file");
  }
}
