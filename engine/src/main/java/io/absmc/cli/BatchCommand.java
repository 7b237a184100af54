package io.absmc.cli;

import io.absmc.api.Batch;
import io.absmc.batch.BatchRunner;
import io.absmc.output.RunFiles;
import io.absmc.resolve.StressSet;
import io.absmc.scenario.Scenario;
import io.absmc.stats.RunStatistics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code absmc batch FILE --stress STRESSFILE --out DIR}: the deal under every stress of a set,
 * with common random numbers; resumable.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
    description = "Run a deal under every scenario of a stress file (common random numbers);"
        + " a killed batch resumes where it stopped when started again with the same command.")
final class BatchCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "Scenario file (YAML).")
  Path file;

  @Option(names = "--stress", paramLabel = "STRESS", required = true,
      description = "Stress file (YAML): named scenarios or a grid; or FILE#name, or shocks"
          + " inline, e.g. defaults=x2,recovery=-20% (one scenario, named inline).")
  String stress;

  @Option(names = "--out", paramLabel = "DIR", required = true,
      description = "Batch folder: DIR/scenario=NAME/*.parquet and DIR/batch_summary.parquet.")
  Path out;

  @Mixin
  MonteCarloOptions mc;

  @Mixin
  ReportOptions report;

  @Option(names = "--verbose", description = "Print stack traces of unexpected errors.")
  boolean verbose;

  @Override
  public Integer call() throws Exception {
    report.check(spec.commandLine());
    Batch batch = mc.batch(spec.commandLine(), file, stress);
    BatchRunner.Job job = batch.job();
    Scenario scenario = job.scenario();
    StressSet stresses = job.stresses();
    var settings = job.settings();
    PrintWriter err = spec.commandLine().getErr();
    long t0 = System.nanoTime();
    List<RunFiles.SummaryEntry> entries;
    try (CancelOnExit cancel = new CancelOnExit()) {
      Progress[] progress = {null};
      long total = RunStatistics.passes(settings.paths()) * settings.paths();
      entries = batch.onScenario(line -> {
        if (progress[0] != null) {
          progress[0].finish();
        }
        err.println(line);
        err.flush();
        progress[0] = new Progress(err, total);
      }).writeTo(out, done -> {
        if (progress[0] == null) {
          progress[0] = new Progress(err, total);
        }
        progress[0].update(done);
      }, cancel.flag());
      if (progress[0] != null) {
        progress[0].finish();
      }
    } catch (BatchRunner.ConflictException | io.absmc.io.OutputRefusedException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    Path reportFile = report.publish(spec.commandLine(), out);
    double seconds = (System.nanoTime() - t0) / 1e9;
    BatchTables.print(spec.commandLine().getOut(), scenario.name(), stresses.name(), settings,
        entries, seconds, out.toString(), reportFile == null ? null : reportFile.toString());
    return report.failed() ? 1 : 0;
  }
}
