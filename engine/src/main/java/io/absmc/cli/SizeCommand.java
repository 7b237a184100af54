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
import io.absmc.montecarlo.ImportanceSampling;
import io.absmc.montecarlo.ImportanceShift;
import io.absmc.montecarlo.RunSettings;
import io.absmc.resolve.ResolvedDeal;
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

  @Option(names = "--stress", paramLabel = "STRESS",
      description = "Stress scenarios of the breakeven method: a stress file, FILE#name or shocks"
          + " inline (default: the base case only).")
  String stressOption;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Output folder (default: out/<scenario>/sizing-<start time>).")
  Path out;

  @Option(names = "--max-paths", paramLabel = "N",
      description = "The most paths the el and pd methods may use to decide the answer at 95%"
          + " (default: 4 x --paths).")
  Long maxPaths;

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
    int t = scenario.structure().trancheIndex(tranche);
    if (t < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "unknown tranche '" + tranche
          + "'; the deal has " + String.join(", ", scenario.structure().tranches().stream()
              .map(x -> x.name()).toList()));
    }
    // one importance sampling (the deal as written) for every candidate size; by default aimed at
    // the tranche sized
    ResolvedDeal asWritten = ResolvedDeal.resolve(scenario);
    RunSettings settings = mc.importanceGiven(spec.commandLine())
        ? mc.settings(spec.commandLine(), asWritten)
        : mc.settings(spec.commandLine()).withImportance(ImportanceShift.forTranche(asWritten, t,
            ImportanceSampling.DEFAULT_DEFENSIVE_SHARE));
    long budget = maxPaths != null ? maxPaths : Math.min(RunSettings.MAX_PATHS, 4 * settings.paths());
    if (budget < settings.paths() || budget > RunSettings.MAX_PATHS) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--max-paths must be between"
          + " --paths (" + settings.paths() + ") and " + RunSettings.MAX_PATHS + ", found " + budget);
    }
    String absorb = absorber != null ? absorber
        : t + 1 < scenario.structure().tranches().size()
            ? scenario.structure().tranches().get(t + 1).name() : null;
    if (absorb == null) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "'" + tranche + "' is the last tranche: name the one that absorbs with --absorb");
    }
    List<StressSet.Named> stresses = StressOption.scenarios(spec.commandLine(), stressOption);
    Sizer.Job job = new Sizer.Job(scenario, tranche, absorb, target, m, settings, budget,
        mc.elTable(), mc.pdTable(), stresses);
    Instant start = Instant.now();
    Sizer.Result r;
    try {
      r = Sizer.size(job);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }

    Path dir = out != null ? out : OutputFolders.defaultFor(scenario.name(), "sizing-", start);
    long used = m == Sizer.Method.BREAKEVEN ? 0 : r.paths();
    Map<String, String> meta = Provenance.of(Provenance.build(), file, scenario.name(), "base case",
        settings.seed(), BlockStreams.generator(), used, settings.granularity().label(), start);
    if (m != Sizer.Method.BREAKEVEN) {
      Provenance.putImportance(meta, settings.importance());
    }
    meta.put("absmc.sizing", tranche + " to " + target + " by " + method + ", " + absorb
        + " absorbing; sizes on a grid of " + Sizer.TOLERANCE + " of the plan"
        + (m == Sizer.Method.BREAKEVEN ? "" : "; a size meets the target when the upper end of"
            + " the 95% interval of its " + method + " is at or below the threshold, fails it when"
            + " the lower end is above"));
    meta.put("absmc.sizing_answer", Double.toString(r.resolved() && r.at() != null ? r.share()
        : Double.NaN));
    meta.put("absmc.sizing_resolved", Boolean.toString(r.resolved()));
    meta.put("absmc.sizing_meets_up_to", Double.toString(r.meetsUpTo()));
    meta.put("absmc.sizing_fails_from", Double.toString(r.failsFrom()));
    meta.put("absmc.sizing_estimate", Double.toString(r.estimate()));
    meta.put("absmc.sizing_tranche", tranche);
    meta.put("absmc.sizing_target", target);
    meta.put("absmc.sizing_method", m.name().toLowerCase(Locale.ROOT));
    meta.put("absmc.sizing_absorb", absorb);
    List<Sizer.Point> c = r.curve();
    List<Column> columns = List.of(
        Column.ofDouble("share", "fraction of plan size", "the candidate size of " + tranche,
            i -> c.get(i).share()),
        Column.ofLong("paths", "", "paths it was evaluated on (0 for breakeven)",
            i -> c.get(i).paths()),
        Column.ofDouble("el", "fraction of original balance", "its expected loss", i -> c.get(i).el()),
        Column.ofDouble("el_se", "fraction of original balance", "standard error of el",
            i -> c.get(i).elSe()),
        Column.ofDouble("el_ci_low", "fraction of original balance",
            "lower end of the 95% interval of el", i -> c.get(i).elLow()),
        Column.ofDouble("el_ci_high", "fraction of original balance",
            "upper end of the 95% interval of el", i -> c.get(i).elHigh()),
        Column.ofDouble("pd", "", "its probability of default", i -> c.get(i).pd()),
        Column.ofDouble("pd_ci_low", "", "lower end of the 95% interval of pd",
            i -> c.get(i).pdLow()),
        Column.ofDouble("pd_ci_high", "", "upper end of the 95% interval of pd",
            i -> c.get(i).pdHigh()),
        Column.ofDouble("wal_years", "years", "its mean WAL", i -> c.get(i).walYears()),
        Column.ofDouble("critical_default_rate", "fraction of initial pool plus purchases",
            "its minimum break-even default rate (breakeven method)",
            i -> c.get(i).criticalDefaultRate()),
        Column.ofDouble("threshold", "", "the target's idealized EL or PD at the WAL, or its"
            + " target default rate", i -> c.get(i).threshold()),
        Column.ofString("decision", "'meets' or 'fails' the target at 95%, or 'undecided' when"
            + " the interval straddles the threshold",
            i -> c.get(i).decision().name().toLowerCase(Locale.ROOT)),
        Column.ofInt("meets_target", "", "1 when the candidate meets the target at 95%",
            i -> c.get(i).meets() ? 1 : 0));
    OutputFolders.replace(spec.commandLine(), dir, mc.overwrite,
        tmp -> ParquetTable.write(tmp.resolve(FILE), columns, meta, c.size()));
    Path reportFile = report.publish(spec.commandLine(), dir);

    PrintWriter w = spec.commandLine().getOut();
    w.printf("absmc %s | %s | sizing %s to %s by %s, %s absorbing | %s%n", Version.version(),
        scenario.name(), tranche, target, method, absorb, m == Sizer.Method.BREAKEVEN
            ? "expected-value path" : String.format(Locale.ROOT, "%,d paths, seed %d", used,
                settings.seed()));
    if (m != Sizer.Method.BREAKEVEN) {
      w.printf("importance sampling: %s%n", settings.importance());
    }
    w.println();
    double plan = scenario.structure().planSize();
    String measure = m == Sizer.Method.EL ? "EL" : "PD";
    if (!r.resolved()) {
      w.printf("Not resolved with %,d paths: %s meets %s up to %s of the plan and fails it from"
          + " %s; the point estimate is %s. Allow more paths with --max-paths.%n", used, tranche,
          target, r.at() == null ? "no size tried" : Format.percent(r.meetsUpTo(), 1),
          Double.isNaN(r.failsFrom()) ? "no size tried" : Format.percent(r.failsFrom(), 1),
          Double.isNaN(r.estimate()) ? "none" : Format.percent(r.estimate(), 1));
    } else if (r.at() == null) {
      w.println("No size of " + tranche + " meets " + target + ".");
    } else {
      w.printf("%s can be %s of the plan (%s RMB), with %s credit enhancement below it.%n",
          tranche, Format.percent(r.share(), 2), Format.money(r.share() * plan),
          Format.percent(r.creditEnhancement(), 2));
      if (m == Sizer.Method.BREAKEVEN) {
        w.printf("Its minimum break-even default rate there is %s (target %s).%n",
            Format.percent(r.at().criticalDefaultRate(), 3), Format.percent(r.at().threshold(), 3));
      } else {
        Sizer.Point p = r.at();
        w.printf("Resolved at 95%% with %,d paths: there %s %s (95%% interval %s), PD %s (%s),"
            + " WAL %s years; the target allows %s %s%s.%n", used, measure,
            Format.percent(m == Sizer.Method.EL ? p.el() : p.pd(), 5),
            m == Sizer.Method.EL ? Format.range(p.elLow(), p.elHigh(), 5)
                : Format.range(p.pdLow(), p.pdHigh(), 5),
            Format.percent(p.pd(), 4), Format.range(p.pdLow(), p.pdHigh(), 4),
            Format.years(p.walYears()), measure, Format.percent(p.threshold(), 5),
            Double.isNaN(r.failsFrom()) ? "" : "; it fails at " + Format.percent(r.failsFrom(), 1));
      }
    }
    TextTable table = new TextTable("share", "paths", "EL", "EL 95% interval", "PD",
        "critical CDR", "threshold", "decision");
    for (Sizer.Point p : c) {
      table.row(Format.percent(p.share(), 2), String.format(Locale.ROOT, "%,d", p.paths()),
          Format.percent(p.el(), 5), Format.range(p.elLow(), p.elHigh(), 5),
          Format.percent(p.pd(), 4), Format.percent(p.criticalDefaultRate(), 3),
          Format.percent(p.threshold(), 5), p.decision().name().toLowerCase(Locale.ROOT));
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
