package io.absmc.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.absmc.montecarlo.BlockConsumer;
import io.absmc.montecarlo.Granularity;
import io.absmc.montecarlo.MonteCarloRunner;
import io.absmc.montecarlo.RunSettings;
import io.absmc.output.PathsFile;
import io.absmc.output.Provenance;
import io.absmc.output.RunFiles;
import io.absmc.random.BlockStreams;
import io.absmc.rating.IdealizedTable;
import io.absmc.resolve.ResolvedDeal;
import io.absmc.stats.RunStatistics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code absmc run FILE}: the main job. Runs the deal's Monte Carlo paths, prints a short table per
 * tranche and for the pool, and writes the results to Parquet files in an output folder, complete
 * or not at all.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run a deal's Monte Carlo paths; print tranche statistics and write Parquet results.")
final class RunCommand implements Callable<Integer> {

  /** Output formats of the printed summary. */
  enum OutputFormat { table, json }

  @Spec
  CommandSpec spec;

  @Mixin
  ScenarioOptions scenario;

  @Mixin
  MonteCarloOptions mc;

  @Mixin
  ReportOptions report;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Output folder (default: out/<scenario>/<run start time>).")
  Path out;

  @Option(names = "--format", paramLabel = "F", defaultValue = "table",
      description = "Printed summary: table or json (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Override
  public Integer call() throws Exception {
    report.check(spec.commandLine());
    ResolvedDeal deal = scenario.resolveForMonteCarlo();
    RunSettings settings = mc.settings(spec.commandLine(), deal);
    MonteCarloOptions.checkFeasible(spec.commandLine(), deal, settings);
    IdealizedTable el = mc.elTable();
    IdealizedTable pd = mc.pdTable();
    Granularity granularity = settings.granularity();
    Instant start = Instant.now();
    Path dir = out != null ? out : OutputFolders.defaultFor(deal.scenario.name(), "", start);
    Map<String, String> provenance = Provenance.of(Version.build(), scenario.file,
        deal.scenario.name(), deal.stress.toString(), settings.seed(), BlockStreams.generator(),
        settings.paths(), granularity.label(), start);
    Provenance.putImportance(provenance, settings.importance());

    RunStatistics stats = new RunStatistics(deal, settings.paths(), el, pd);
    Progress progress = new Progress(spec.commandLine().getErr(), settings.paths());
    long t0 = System.nanoTime();
    try (CancelOnExit cancel = new CancelOnExit()) {
      OutputFolders.replace(spec.commandLine(), dir, mc.overwrite, tmp -> {
        try (PathsFile pathsFile = mc.noPaths ? null : PathsFile.open(tmp, deal, provenance)) {
          BlockConsumer consumer = pathsFile == null ? stats : stats.andThen(pathsFile);
          MonteCarloRunner.run(deal, settings, consumer, progress::update, cancel.flag());
        }
        progress.finish();
        provenance.put("absmc.run_seconds", Double.toString((System.nanoTime() - t0) / 1e9));
        RunFiles.write(tmp, stats, provenance, true);
      });
    } finally {
      progress.finish();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    Path reportFile = report.publish(spec.commandLine(), dir);
    PrintWriter w = spec.commandLine().getOut();
    if (format == OutputFormat.json) {
      w.println(json(deal, settings, stats, dir, reportFile, seconds));
    } else {
      RunTables.print(w, deal, settings, stats, settings.threads() + " thread"
          + (settings.threads() == 1 ? "" : "s"), dir.toString(),
          reportFile == null ? null : reportFile.toString(), seconds);
    }
    return report.failed() ? 1 : 0;
  }

  private String json(ResolvedDeal deal, RunSettings settings, RunStatistics stats, Path dir,
      Path reportFile, double seconds) throws Exception {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("scenario", deal.scenario.name());
    root.put("paths", settings.paths());
    root.put("seed", settings.seed());
    root.put("granularity", settings.granularity().label());
    root.put("seconds", seconds);
    root.put("tranches", stats.tranches());
    root.put("pool", stats.pool());
    root.put("triggers", stats.triggers());
    root.put("output", dir.toString());
    root.put("report", reportFile == null ? null : reportFile.toString());
    // statistics that do not apply (NaN) are written as null, which JSON can hold
    com.fasterxml.jackson.databind.module.SimpleModule nanAsNull =
        new com.fasterxml.jackson.databind.module.SimpleModule();
    com.fasterxml.jackson.databind.JsonSerializer<Double> serializer =
        new com.fasterxml.jackson.databind.JsonSerializer<>() {
          @Override
          public void serialize(Double value, com.fasterxml.jackson.core.JsonGenerator gen,
              com.fasterxml.jackson.databind.SerializerProvider provider) throws java.io.IOException {
            if (value == null || value.isNaN() || value.isInfinite()) {
              gen.writeNull();
            } else {
              gen.writeNumber(value);
            }
          }
        };
    nanAsNull.addSerializer(Double.class, serializer);
    nanAsNull.addSerializer(double.class, serializer);
    return new ObjectMapper().registerModule(nanAsNull).enable(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(root);
  }
}
