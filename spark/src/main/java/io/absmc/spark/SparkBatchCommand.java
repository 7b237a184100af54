package io.absmc.spark;

import io.absmc.api.Batch;
import io.absmc.api.Plan;
import io.absmc.batch.BatchRunner;
import io.absmc.cli.BatchTables;
import io.absmc.cli.MonteCarloOptions;
import io.absmc.cli.ReportOptions;
import io.absmc.io.AtomicOutput;
import io.absmc.montecarlo.RunSettings;
import io.absmc.output.RunFiles;
import io.absmc.report.Report;
import io.absmc.resolve.StressSet;
import io.absmc.scenario.Scenario;
import io.absmc.stats.RunStatistics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
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
 * {@code absmc spark batch FILE --stress STRESSFILE --out URI}: {@code absmc batch} on Spark, every
 * scenario in one job (tasks by scenario and block range). The folder holds what a local batch's
 * does, {@code batch_summary.parquet} and {@code scenario=NAME/}, but every path's results are in
 * one Spark-written Parquet folder {@code paths/}, partitioned by scenario ({@code
 * paths/scenario=NAME/}). Not resumable: the job is written complete or not at all.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
    description = "Run a deal under every scenario of a stress file on Spark (common random"
        + " numbers); the same statistics and files as 'absmc batch', with the paths in a"
        + " Spark-written Parquet folder paths/ partitioned by scenario.")
final class SparkBatchCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "Scenario file (YAML).")
  Path file;

  @Option(names = "--stress", paramLabel = "STRESS", required = true,
      description = "Stress file (YAML): named scenarios or a grid; or FILE#name, or shocks"
          + " inline, e.g. defaults=x2,recovery=-20% (one scenario, named inline).")
  String stress;

  @Option(names = "--out", paramLabel = "URI", required = true,
      description = "Batch folder: a path or a Hadoop file system URI.")
  String out;

  @Mixin
  MonteCarloOptions mc;

  @Mixin
  SparkOptions sparkOptions;

  @Mixin
  ReportOptions report;

  @Option(names = "--verbose", description = "Print stack traces of unexpected errors.")
  boolean verbose;

  @Override
  public Integer call() throws Exception {
    CommandLine cli = spec.commandLine();
    report.check(cli);
    sparkOptions.check(cli);
    Batch batch = mc.batch(cli, file, stress);
    BatchRunner.Job job = batch.job();
    Scenario scenario = job.scenario();
    StressSet stresses = job.stresses();
    RunSettings settings = job.settings();
    List<Plan> plans = batch.plans();
    List<String> names = stresses.scenarios().stream().map(StressSet.Named::name).toList();
    Instant start = Instant.now();

    try (SparkOptions.Session session = sparkOptions.session("absmc batch " + scenario.name())) {
      HadoopFolder folder = session.folder(cli, out, mc.overwrite());
      session.spark().sparkContext().setJobDescription("absmc batch " + scenario.name() + ": "
          + names.size() + " scenarios x " + settings.paths() + " paths");
      long t0 = System.nanoTime();
      Path local = Files.createTempDirectory("absmc-spark-");
      List<RunFiles.SummaryEntry> entries = new ArrayList<>();
      String reportFile = null;
      try {
        List<RunStatistics> stats = SparkRunner.run(session.spark(), new SparkRunner.Job(plans,
            names), sparkOptions.tasks(session.spark()),
            job.writePaths() ? folder.staged(SparkRunCommand.PATHS) : null,
            sparkOptions.failTaskOnce);
        for (int s = 0; s < names.size(); s++) {
          StressSet.Named named = stresses.scenarios().get(s);
          var provenance = BatchRunner.provenance(job, named, start);
          provenance.put("absmc.spark_master", session.master());
          provenance.put("absmc.spark_version", session.spark().version());
          Path dir = local.resolve("scenario=" + named.name());
          Files.createDirectories(dir);
          RunFiles.write(dir, stats.get(s), provenance, false);
          entries.add(new RunFiles.SummaryEntry(named.name(), named.stress().toString(),
              stats.get(s).paths(), stats.get(s).tranches(), stats.get(s).pool()));
        }
        RunFiles.writeBatchSummary(local.resolve(BatchRunner.SUMMARY), entries,
            BatchRunner.summaryMetadata(job));
        if (report.publish(cli, local, folder.uri()) != null) {
          reportFile = folder.uri() + "/" + Report.FILE;
        }
        copy(folder, local, names);
        folder.publish();
      } catch (Exception e) {
        folder.discard();
        throw e;
      } finally {
        AtomicOutput.deleteTree(local);
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      BatchTables.print(cli.getOut(), scenario.name(), stresses.name(), settings, entries, seconds,
          folder.uri(), reportFile);
    }
    return report.failed() ? 1 : 0;
  }

  private static void copy(HadoopFolder folder, Path local, List<String> names)
      throws IOException {
    folder.copyFrom(local, "");
    for (String name : names) {
      folder.copyFrom(local.resolve("scenario=" + name), "scenario=" + name);
    }
  }
}
