package io.absmc.spark;

import io.absmc.api.Plan;
import io.absmc.api.RunResult;
import io.absmc.cli.MonteCarloOptions;
import io.absmc.cli.OutputFolders;
import io.absmc.cli.ReportOptions;
import io.absmc.cli.RunTables;
import io.absmc.cli.ScenarioOptions;
import io.absmc.io.AtomicOutput;
import io.absmc.montecarlo.RunSettings;
import io.absmc.report.Report;
import io.absmc.resolve.ResolvedDeal;
import io.absmc.stats.RunStatistics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code absmc spark run FILE --out URI}: {@code absmc run} on Spark. The folder holds the same
 * files as a local run's, but for the paths: a Spark-written Parquet folder {@code paths/} instead
 * of {@code paths.parquet}, with the same columns and rows.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run a deal's Monte Carlo paths on Spark; the same statistics and files as"
        + " 'absmc run', with the paths in a Spark-written Parquet folder, paths/.")
final class SparkRunCommand implements Callable<Integer> {

  /** The folder of every path's results in a Spark run's output. */
  static final String PATHS = "paths";

  @Spec
  CommandSpec spec;

  @Mixin
  ScenarioOptions scenario;

  @Mixin
  MonteCarloOptions mc;

  @Mixin
  SparkOptions sparkOptions;

  @Mixin
  ReportOptions report;

  @Option(names = "--out", paramLabel = "URI",
      description = "Output folder: a path or a Hadoop file system URI such as hdfs://nn/absmc/a"
          + " (default: out/<scenario>/<run start time> on the driver's disk).")
  String out;

  @Override
  public Integer call() throws Exception {
    CommandLine cli = spec.commandLine();
    report.check(cli);
    sparkOptions.check(cli);
    Plan plan = mc.plan(cli, scenario.run());
    ResolvedDeal deal = plan.deal();
    RunSettings settings = plan.settings();
    Instant start = Instant.now();
    String name = plan.scenario();
    String uri = out != null ? out
        : OutputFolders.defaultFor(name, "", start).toAbsolutePath().toUri().toString();
    Map<String, String> provenance = plan.provenance(start);

    try (SparkOptions.Session session = sparkOptions.session("absmc run " + name)) {
      HadoopFolder folder = session.folder(cli, uri, mc.overwrite());
      int tasks = sparkOptions.tasks(session.spark());
      session.spark().sparkContext().setJobDescription("absmc run " + name + ": "
          + settings.paths() + " paths");
      long t0 = System.nanoTime();
      RunStatistics stats;
      Path local = Files.createTempDirectory("absmc-spark-");
      String reportFile = null;
      try {
        stats = SparkRunner.run(session.spark(), SparkRunner.Job.of(plan), tasks,
            mc.writePaths() ? folder.staged(PATHS) : null, sparkOptions.failTaskOnce).get(0);
        double seconds = (System.nanoTime() - t0) / 1e9;
        provenance.put("absmc.run_seconds", Double.toString(seconds));
        provenance.put("absmc.spark_master", session.master());
        provenance.put("absmc.spark_version", session.spark().version());
        new RunResult(plan, stats, provenance, seconds, null, List.of()).writeStatistics(local);
        if (report.publish(cli, local, folder.uri()) != null) {
          reportFile = folder.uri() + "/" + Report.FILE;
        }
        folder.copyFrom(local, "");
        folder.publish();
      } catch (Exception e) {
        folder.discard();
        throw e;
      } finally {
        AtomicOutput.deleteTree(local);
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      String how = "Spark " + session.master() + ", " + Math.min(tasks, settings.blocks())
          + " tasks";
      RunTables.print(cli.getOut(), deal, settings, stats, how, folder.uri(), reportFile, seconds);
    }
    return report.failed() ? 1 : 0;
  }
}
