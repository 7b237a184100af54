package io.absmc.cli;

import io.absmc.report.Report;
import io.absmc.report.ReportException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code absmc report DIR}: (re)writes the HTML report of any absmc output folder. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Write " + Report.FILE + " into an output folder of run, batch, breakeven or"
        + " size (or a batch's scenario=NAME folder), from its Parquet files.")
final class ReportCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "An absmc output folder.")
  Path dir;

  @Mixin
  UnitsOption units;

  @Override
  public Integer call() throws Exception {
    Path file;
    try {
      file = ReportOptions.publish(dir, units.parse(spec.commandLine()));
    } catch (ReportException | io.absmc.io.OutputRefusedException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    spec.commandLine().getOut().println("Report: " + file);
    return 0;
  }
}
