package io.absmc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.absmc.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code absmc stability}: rating categories moved under a moderate stress. */
class StabilityCommandTest {

  private static final String DEAL_A = TestFiles.path("scenarios/ali-microloan-plan1.yaml")
      .toString();

  @Test
  void categoriesOfMoodysRatings() {
    assertThat(StabilityCommand.category("Aaa")).isZero();
    assertThat(StabilityCommand.category("Aa3")).isEqualTo(1);
    assertThat(StabilityCommand.category("A1")).isEqualTo(2);
    assertThat(StabilityCommand.category("Baa2")).isEqualTo(3);
    assertThat(StabilityCommand.category("Ba1")).isEqualTo(4);
    assertThat(StabilityCommand.category("B3")).isEqualTo(5);
    assertThat(StabilityCommand.category("Caa")).isEqualTo(6);
    assertThat(StabilityCommand.category("below Caa")).isEqualTo(7);
    assertThat(StabilityCommand.category("-")).isEqualTo(-1);
  }

  /** Deal A under the agency set's BBB stress: the Aaa classes hold, exit 0. */
  @Test
  void dealAIsStableUnderTheBbbStress() {
    Cli.Result r = Cli.run("stability", DEAL_A, "--stress",
        TestFiles.path("scenarios/stress/agency-consumer.yaml").toString(), "--paths", "2000");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("moderate stress 'bbb-front'").containsPattern("senior +Aaa");
    assertThat(r.out()).doesNotContain("UNSTABLE");
  }

  /**
   * A "moderate" stress that multiplies every lifetime default rate by 150 costs the senior class
   * its Aaa by more than one category: flagged, exit 3.
   */
  @Test
  void aClassFallingTwoCategoriesFromAaaIsFlagged(@TempDir Path tmp) throws Exception {
    Path stress = harsh(tmp);
    Cli.Result r = Cli.run("stability", DEAL_A, "--stress", stress.toString(), "--paths", "1000");
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(3);
    assertThat(r.out()).contains("UNSTABLE");
    // the subordinated class repays no principal on any path: no WAL, rated at its legal final
    assertThat(r.out()).containsPattern("subordinated .* below Caa \\(below Caa\\) ");
  }

  /**
   * The moderate stress written inline gives what the same shock in a stress file gives, line for
   * line but the stress's name.
   */
  @Test
  void inlineShocksActLikeTheSameStressFile(@TempDir Path tmp) throws Exception {
    Path stress = harsh(tmp);
    Cli.Result file = Cli.run("stability", DEAL_A, "--stress", stress.toString(), "--paths", "1000");
    Cli.Result inline = Cli.run("stability", DEAL_A, "--stress", "lifetime_default_multiplier=150",
        "--paths", "1000");
    assertThat(inline.code()).as(inline.err()).isEqualTo(3);
    assertThat(inline.out()).contains("moderate stress 'lifetime_default_multiplier-150':");
    assertThat(inline.out().replace("'lifetime_default_multiplier-150'", "'bbb-front'"))
        .isEqualTo(file.out());
    Cli.Result neutral = Cli.run("stability", DEAL_A, "--stress", "defaults=x1", "--paths", "1000");
    assertThat(neutral.code()).as(neutral.err()).isZero();
    assertThat(neutral.out()).doesNotContain("UNSTABLE");
    Cli.Result bad = Cli.run("stability", DEAL_A, "--stress", "defaults=twice");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--stress");
  }

  /** A stress file whose "moderate" scenario multiplies every lifetime default rate by 150. */
  private static Path harsh(Path tmp) throws java.io.IOException {
    Path stress = tmp.resolve("harsh.yaml");
    Files.writeString(stress, """
        name: harsh
        scenarios:
          - name: bbb-front
            lifetime_default_multiplier: 150
        """);
    return stress;
  }
}
