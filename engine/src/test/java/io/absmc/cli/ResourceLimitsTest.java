package io.absmc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.absmc.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs that cannot finish are refused before they start, with the figure that rules them out and
 * what to do, instead of failing with OutOfMemoryError or running for days.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ResourceLimitsTest {

  private static final String DEAL_A = TestFiles.path("scenarios/ali-microloan-plan1.yaml")
      .toString();

  /**
   * A run keeps its values only up to 2,000,000 paths, so no number of paths is beyond the memory
   * of a normal JVM; told to keep them all (-Dabsmc.keepPaths), 2 billion paths of Deal A would
   * hold 15 floats a path (loss, WAL and IRR of 3 tranches, 3 guarantor payments, 2 pool rates)
   * and are refused with the memory they need.
   */
  @Test
  void pathsBeyondTheMemoryAreRefusedWithTheMemoryTheyNeed(@TempDir Path tmp) {
    Path out = tmp.resolve("huge");
    Cli.Result r;
    System.setProperty("absmc.keepPaths", "3000000000");
    try {
      r = Cli.run("run", DEAL_A, "--paths", "2000000000", "--out", out.toString());
    } finally {
      System.clearProperty("absmc.keepPaths");
    }
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--paths 2,000,000,000 needs about 120.0 GB")
        .contains("ABSMC_JAVA_OPTS=-Xmx");
    assertThat(out).doesNotExist();
  }

  @Test
  void aPoolOfBillionsOfLoansIsNotDrawnLoanByLoan(@TempDir Path tmp) throws Exception {
    Path deal = tmp.resolve("cents.yaml");
    Files.writeString(deal, TestFiles.read("scenarios/ali-microloan-plan1.yaml")
        .replace("average_balance: 9000", "average_balance: 0.01"));
    Cli.Result r = Cli.run("run", deal.toString(), "--granularity", "loan", "--paths", "10",
        "--out", tmp.resolve("out").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("loan granularity draws each of the pool's")
        .contains("use --granularity cohort");
  }
}
