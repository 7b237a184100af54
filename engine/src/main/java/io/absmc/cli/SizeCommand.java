package io.absmc.cli;

import io.absmc.cashflow.Format;
import io.absmc.cashflow.TextTable;
import io.absmc.output.Column;
import io.absmc.output.ParquetTable;
import io.absmc.output.Provenance;
import io.absmc.random.BlockStreams;
import io.absmc.resolve.StressSet;
import io.absmc.scenario.Scenario;
import io.absmc.scenario.ScenarioLoader;
import io.absmc.sizing.Sizer;
import io.absmc.stats.Interval95;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code absmc size FILE --tranche senior --target AAA}: the largest tranche that meets a rating. */
@Command(name = "size", mixinStandardHelpOptions = true,
    description = "Find the largest share of the plan a tranche can have and still meet a target"
        + " rating (another tranche absorbing the difference).")
final class SizeCommand implements Callable<Integer> {

  /** The file written. */
  static final String FILE = "sizing.parquet";

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "Scenario file (YAML).")
  Path file;

  @Option(names = "--tranche", paramLabel = "NAME", required = true,
      description = "The tranche to size (usually the senior).")
  String tranche;

  @Option(names = "--target", paramLabel = "RATING", required = true,
      description = "Target rating: Moody's scale for el and pd (Aaa, Aa1, ...; AAA is taken as"
          + " Aaa), the Chinese scale for breakeven (AAA, AAA-, AA+, ...).")
  String target;

  @Option(names = "--method", paramLabel = "M", defaultValue = "el",
      description = "el, pd or breakeven (default: ${DEFAULT-VALUE}).")
  String method;

  @Option(names = "--absorb", paramLabel = "NAME",
      description = "The tranche that takes the difference (default: the next one below).")
  String absorber;

  @Option(names = "--stress", paramLabel = "STRESSFILE",
      description = "Stress scenarios of the breakeven method (default: the base case only).")
  Path stressFile;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Output folder (default: out/<scenario>/sizing-<start time>).")
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
    Sizer.Method m;
    try {
      m = Sizer.Method.valueOf(method.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--method must be el, pd or breakeven, found '" + method + "'");
    }
    Scenario scenario = ScenarioLoader.load(file);
    // one importance-sampling shift (the deal as written) for every candidate size
    var settings = mc.settings(spec.commandLine(), io.absmc.resolve.ResolvedDeal.resolve(scenario));
    int t = scenario.structure().trancheIndex(tranche);
    if (t < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "unknown tranche '" + tranche
          + "'; the deal has " + String.join(", ", scenario.structure().tranches().stream()
              .map(x -> x.name()).toList()));
    }
    String absorb = absorber != null ? absorber
        : t + 1 < scenario.structure().tranches().size()
            ? scenario.structure().tranches().get(t + 1).name() : null;
    if (absorb == null) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "'" + tranche + "' is the last tranche: name the one that absorbs with --absorb");
    }
    List<StressSet.Named> stresses = StressSet.scenariosOrBase(stressFile);
    Sizer.Job job = new Sizer.Job(scenario, tranche, absorb, target, m, settings, mc.elTable(),
        mc.pdTable(), stresses);
    Instant start = Instant.now();
    Sizer.Result r;
    try {
      r = Sizer.size(job);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }

    Path dir = out != null ? out : OutputFolders.defaultFor(scenario.name(), "sizing-", start);
    Map<String, String> meta = Provenance.of(Version.build(), file, scenario.name(), "base case",
        settings.seed(), BlockStreams.generator(), settings.paths(), settings.granularity().label(),
        start);
    meta.put("absmc.sizing", tranche + " to " + target + " by " + method + ", " + absorb
        + " absorbing; share bracketed to " + Sizer.TOLERANCE + " of the plan");
    meta.put("absmc.sizing_answer", Double.toString(r.at() == null ? Double.NaN : r.share()));
    meta.put("absmc.sizing_tranche", tranche);
    meta.put("absmc.sizing_target", target);
    meta.put("absmc.sizing_method", m.name().toLowerCase(Locale.ROOT));
    meta.put("absmc.sizing_absorb", absorb);
    List<Sizer.Point> c = r.curve();
    List<Column> columns = List.of(
        Column.ofDouble("share", "fraction of plan size", "the candidate size of " + tranche,
            i -> c.get(i).share()),
        Column.ofDouble("el", "fraction of original balance", "its expected loss", i -> c.get(i).el()),
        Column.ofDouble("el_se", "fraction of original balance", "standard error of el",
            i -> c.get(i).elSe()),
        Column.ofDouble("pd", "", "its probability of default", i -> c.get(i).pd()),
        Column.ofDouble("wal_years", "years", "its mean WAL", i -> c.get(i).walYears()),
        Column.ofDouble("critical_default_rate", "fraction of initial pool plus purchases",
            "its minimum break-even default rate (breakeven method)",
            i -> c.get(i).criticalDefaultRate()),
        Column.ofDouble("threshold", "", "the target's idealized EL or PD at the WAL, or its"
            + " target default rate", i -> c.get(i).threshold()),
        Column.ofInt("meets_target", "", "1 when the candidate meets the target",
            i -> c.get(i).meets() ? 1 : 0));
    OutputFolders.replace(spec.commandLine(), dir, mc.overwrite,
        tmp -> ParquetTable.write(tmp.resolve(FILE), columns, meta, c.size()));
    Path reportFile = report.publish(spec.commandLine(), dir);

    PrintWriter w = spec.commandLine().getOut();
    w.printf("absmc %s | %s | sizing %s to %s by %s, %s absorbing | %,d paths, seed %d%n%n",
        Version.version(), scenario.name(), tranche, target, method, absorb, settings.paths(),
        settings.seed());
    if (r.at() == null) {
      w.println("No size of " + tranche + " meets " + target + ".");
    } else {
      double plan = scenario.structure().planSize();
      w.printf("%s can be %s of the plan (%s RMB), with %s credit enhancement below it.%n",
          tranche, Format.percent(r.share(), 2), Format.money(r.share() * plan),
          Format.percent(r.creditEnhancement(), 2));
      if (m == Sizer.Method.BREAKEVEN) {
        w.printf("Its minimum break-even default rate there is %s (target %s).%n",
            Format.percent(r.at().criticalDefaultRate(), 3), Format.percent(r.at().threshold(), 3));
      } else {
        w.printf("There: EL %s (95%% interval %s to %s), PD %s, WAL %s years; the target allows"
            + " %s %s.%n", Format.percent(r.at().el(), 5),
            Format.percent(Interval95.normal(r.at().el(), r.at().elSe()).low(), 5),
            Format.percent(Interval95.normal(r.at().el(), r.at().elSe()).high(), 5),
            Format.percent(r.at().pd(), 4),
            Format.years(r.at().walYears()), m == Sizer.Method.EL ? "EL" : "PD",
            Format.percent(r.at().threshold(), 5));
      }
    }
    TextTable table = new TextTable("share", "EL", "PD", "critical CDR", "threshold", "meets");
    for (Sizer.Point p : c) {
      table.row(Format.percent(p.share(), 2), Format.percent(p.el(), 5), Format.percent(p.pd(), 4),
          Format.percent(p.criticalDefaultRate(), 3), Format.percent(p.threshold(), 5),
          p.meets() ? "yes" : "no");
    }
    w.println();
    w.println(table);
    w.println("Results: " + dir.resolve(FILE));
    if (reportFile != null) {
      w.println("Report: " + reportFile);
    }
    return report.failed() ? 1 : 0;
  }
}
