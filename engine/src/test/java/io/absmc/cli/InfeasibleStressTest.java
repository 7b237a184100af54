package io.absmc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.absmc.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stress that leaves a segment's recovery rate with no Beta distribution of the model's
 * recovery_sd (a Beta with mean m has a standard deviation below sqrt(m (1 - m))) is an input
 * error: exit 2, one line naming the file, the stress and the segment, and nothing written.
 */
class InfeasibleStressTest {

  /** Deal A with recovery_sd 0.25: credit loans recover 10% (sd at most 0.30), order loans 50%. */
  private static Path dealWithRecoverySpread(Path dir) throws Exception {
    String yaml = TestFiles.read("scenarios/ali-microloan-plan1.yaml")
        .replace("pool:\n  segments:", "pool:\n  model:\n    recovery_sd: 0.25\n  segments:");
    Path file = dir.resolve("deal.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  @Test
  void runWithARecoveryStressTheBetaCannotTakeIsAnInputError(@TempDir Path tmp) throws Exception {
    Path deal = dealWithRecoverySpread(tmp);
    Path out = tmp.resolve("out");
    Cli.Result r = Cli.run("run", deal.toString(), "--stress", "recovery=-50%", "--paths", "100",
        "--out", out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).contains(deal.toString()).contains("segment 'credit_loan'")
        .contains("recovery rate 0.05").contains("recovery_sd 0.25")
        .doesNotContain("Exception").doesNotContain("not greater than");
    assertThat(out).doesNotExist();
    // the same deal unstressed runs
    assertThat(Cli.run("run", deal.toString(), "--paths", "100", "--no-report", "--no-paths",
        "--out", out.toString()).code()).isZero();
  }

  @Test
  void batchChecksEveryStressBeforeRunningAny(@TempDir Path tmp) throws Exception {
    Path deal = dealWithRecoverySpread(tmp);
    Path stresses = tmp.resolve("stress.yaml");
    Files.writeString(stresses, """
        name: recovery haircuts
        scenarios:
          - name: base
          - name: deep_haircut
            recovery: {multiplier: 0.5}
        """);
    Path out = tmp.resolve("batch");
    Cli.Result r = Cli.run("batch", deal.toString(), "--stress", stresses.toString(), "--paths",
        "100", "--out", out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(stresses.toString()).contains("deep_haircut")
        .contains("segment 'credit_loan'");
    assertThat(out).doesNotExist();
  }
}
