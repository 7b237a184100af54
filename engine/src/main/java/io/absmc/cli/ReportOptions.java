package io.absmc.cli;

import io.absmc.io.AtomicOutput;
import io.absmc.report.Report;
import io.absmc.report.Units;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The report options of the commands that write an output folder (run, batch, breakeven, size),
 * and the report's writing once the folder is complete.
 */
public final class ReportOptions {

  @Option(names = "--report", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Write " + Report.FILE + " (tables and charts in one self-contained file) into"
          + " the output folder (default: on).")
  boolean report;

  @Mixin
  UnitsOption units;

  private boolean failed;

  /** Checks the options before any work is done: a bad --units is a usage error up front. */
  public void check(CommandLine cli) {
    units.parse(cli);
  }

  /**
   * Writes the report into a finished output folder, when asked to; returns its path, or null when
   * not asked. The results stand without their report: when it fails, that is told on stderr with
   * the command that tries again, and {@link #failed()} is true.
   */
  public Path publish(CommandLine cli, Path dir) {
    return publish(cli, dir, dir.toString());
  }

  /**
   * {@link #publish(CommandLine, Path)} for results shown to the user as {@code shownAs} (a
   * cluster's URI), written into the local folder {@code dir} first.
   */
  public Path publish(CommandLine cli, Path dir, String shownAs) {
    if (!report) {
      return null;
    }
    try {
      return publish(dir, units.parse(cli));
    } catch (IOException | RuntimeException e) {
      failed = true;
      cli.getErr().println("absmc: the results in " + shownAs + " are complete, but their report"
          + " failed: " + e.getMessage() + " ('absmc report " + shownAs + "' tries again)");
      return null;
    }
  }

  /** Whether the report was asked for and could not be written. */
  public boolean failed() {
    return failed;
  }

  /** Writes the report of a finished folder into it, appearing whole or not at all. */
  static Path publish(Path dir, Units chosen) throws IOException {
    String html = Report.html(dir, chosen);
    AtomicOutput.write(dir, tmp -> Files.writeString(tmp.resolve(Report.FILE), html));
    return dir.resolve(Report.FILE);
  }
}
