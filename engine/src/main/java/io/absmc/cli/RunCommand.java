package io.absmc.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.absmc.api.Plan;
import io.absmc.api.RunResult;
import io.absmc.io.AtomicOutput;
import io.absmc.io.OutputRefusedException;
import io.absmc.montecarlo.RunSettings;
import io.absmc.resolve.ResolvedDeal;
import io.absmc.stats.RunStatistics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
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
    CommandLine cli = spec.commandLine();
    report.check(cli);
    Plan plan = mc.plan(cli, scenario.run());
    RunSettings settings = plan.settings();
    Path dir = out != null ? out : OutputFolders.defaultFor(plan.scenario(), "", Instant.now());
    Progress progress = new Progress(cli.getErr(),
        RunStatistics.passes(settings.paths()) * settings.paths());
    RunResult result;
    try (CancelOnExit cancel = new CancelOnExit()) {
      result = plan.writeTo(dir, mc.writePaths(), mc.overwrite(), progress::update, cancel.flag());
    } catch (AtomicOutput.FolderNotEmptyException | OutputRefusedException e) {
      throw new CommandLine.ParameterException(cli, e.getMessage());
    } finally {
      progress.finish();
    }
    OutputFolders.sayRemoved(cli, dir, result.removedLeftovers());
    Path reportFile = report.publish(cli, dir);
    PrintWriter w = cli.getOut();
    if (format == OutputFormat.json) {
      w.println(json(plan.deal(), settings, result.statistics(), dir, reportFile, result.seconds()));
    } else {
      RunTables.print(w, plan.deal(), settings, result.statistics(), settings.threads() + " thread"
          + (settings.threads() == 1 ? "" : "s"), dir.toString(),
          reportFile == null ? null : reportFile.toString(), result.seconds());
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
