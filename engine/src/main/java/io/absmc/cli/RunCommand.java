package io.absmc.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.absmc.cashflow.Format;
import io.absmc.cashflow.TextTable;
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
import io.absmc.scenario.yaml.MapCursor;
import io.absmc.stats.PoolStatistics;
import io.absmc.stats.RunStatistics;
import io.absmc.stats.TrancheStatistics;
import io.absmc.stats.TriggerStatistics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
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
    ResolvedDeal deal = scenario.resolve();
    RunSettings settings = mc.settings(spec.commandLine(), deal);
    IdealizedTable el = mc.elTable();
    IdealizedTable pd = mc.pdTable();
    Granularity granularity = settings.granularity();
    Instant start = Instant.now();
    Path dir = out != null ? out : OutputFolders.defaultFor(deal.scenario.name(), "", start);
    Map<String, String> provenance = Provenance.of(Version.build(), scenario.file,
        deal.scenario.name(), deal.stress.toString(), settings.seed(), BlockStreams.generator(),
        settings.paths(), granularity.label(), start);
    provenance.put("absmc.importance_shift", Double.toString(settings.importanceShift()));

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
      printTables(w, deal, settings, stats, dir, reportFile, seconds);
    }
    return report.failed() ? 1 : 0;
  }

  private void printTables(PrintWriter w, ResolvedDeal deal, RunSettings settings,
      RunStatistics stats, Path dir, Path reportFile, double seconds) {
    w.println(Header.of(deal, "Monte Carlo"));
    w.printf("%,d paths, seed %d, %s granularity, %d thread%s, %.1f s (%,.0f paths/s)%s%n%n",
        settings.paths(), settings.seed(), settings.granularity().label(), settings.threads(),
        settings.threads() == 1 ? "" : "s", seconds, settings.paths() / seconds,
        settings.importanceShift() == 0 ? ""
            : String.format(java.util.Locale.ROOT, "; importance sampling, factor shifted by %.3f",
                settings.importanceShift()));
    TextTable t = new TextTable("tranche", "PD", "EL", "EL s.e.", "EL (PV)", "LGD", "WAL (y)",
        "loss q99.9", "ES 99%", "rating (EL)", "rating (PD)");
    for (TrancheStatistics s : stats.tranches()) {
      t.row(s.name(), Format.percent(s.pd(), 3), Format.percent(s.el(), 4),
          Format.percent(s.elSe(), 4), Format.percent(s.elPv(), 4), Format.percent(s.lgd(), 1),
          Format.years(s.walYears()), Format.percent(s.lossQuantile(0.999), 2),
          Format.percent(s.es99(), 2), RunFiles.describe(s.ratingEl()),
          RunFiles.describe(s.ratingPd()));
    }
    w.println(t);
    PoolStatistics p = stats.pool();
    w.println(new TextTable("pool", "mean", "s.d.", "99%", "99.9%", "ES 99%")
        .row("cumulative default rate", Format.percent(p.defaultRate().mean(), 3),
            Format.percent(p.defaultRate().sd(), 3), Format.percent(p.defaultRate().quantiles()[3], 3),
            Format.percent(p.defaultRate().quantiles()[5], 3), Format.percent(p.defaultRate().es99(), 3))
        .row("cumulative loss rate", Format.percent(p.lossRate().mean(), 3),
            Format.percent(p.lossRate().sd(), 3), Format.percent(p.lossRate().quantiles()[3], 3),
            Format.percent(p.lossRate().quantiles()[5], 3), Format.percent(p.lossRate().es99(), 3)));
    List<TriggerStatistics> triggers = stats.triggers();
    if (!triggers.isEmpty()) {
      TextTable tt = new TextTable("trigger", "P(breach)", "mean time (y)");
      for (TriggerStatistics s : triggers) {
        tt.row(s.name(), Format.percent(s.probability(), 2), Format.years(s.meanYears()));
      }
      w.println(tt);
    }
    w.println("Results: " + dir);
    if (reportFile != null) {
      w.println("Report: " + reportFile);
    }
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
