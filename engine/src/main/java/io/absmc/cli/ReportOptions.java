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

/** The report options of the commands that write an output folder: run, batch, breakeven, size. */
final class ReportOptions {

  @Option(names = "--report", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Write " + Report.FILE + " (tables and charts in one self-contained file) into"
          + " the output folder (default: on).")
  boolean report;

  @Mixin
  UnitsOption units;

  /** Checks the options before any work is done: a bad --units is a usage error up front. */
  void check(CommandLine cli) {
    units.parse(cli);
  }

  /**
   * Writes the report of the results in {@code dir} into it, when asked to: for a folder still
   * being written (the temporary folder of an all-or-nothing output).
   */
  void writeInto(CommandLine cli, Path dir) throws IOException {
    if (report) {
      Files.writeString(dir.resolve(Report.FILE), Report.html(dir, units.parse(cli)));
    }
  }

  /** Writes the report into a finished folder, when asked to; returns its path, or null. */
  Path publish(CommandLine cli, Path dir) throws IOException {
    return report ? publish(dir, units.parse(cli)) : null;
  }

  /** Writes the report of a finished folder into it, appearing whole or not at all. */
  static Path publish(Path dir, Units chosen) throws IOException {
    String html = Report.html(dir, chosen);
    AtomicOutput.write(dir, tmp -> Files.writeString(tmp.resolve(Report.FILE), html));
    return dir.resolve(Report.FILE);
  }
}
