package io.absmc.cli;

import io.absmc.cashflow.BreakEven;
import io.absmc.cashflow.Format;
import io.absmc.cashflow.TextTable;
import io.absmc.montecarlo.Granularity;
import io.absmc.montecarlo.RunSettings;
import io.absmc.output.Column;
import io.absmc.output.ParquetTable;
import io.absmc.output.Provenance;
import io.absmc.random.BlockStreams;
import io.absmc.rating.IdealizedTable;
import io.absmc.rating.TargetDefaultRates;
import io.absmc.resolve.ResolvedDeal;
import io.absmc.resolve.Stress;
import io.absmc.resolve.StressSet;
import io.absmc.scenario.Scenario;
import io.absmc.scenario.ScenarioLoader;
import io.absmc.stats.RunStatistics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code absmc breakeven FILE [--stress STRESS]}: each tranche's break-even default rate under
 * each stress scenario, and its ratings by the stress-multiplier and lognormal methods.
 */
@Command(name = "breakeven", mixinStandardHelpOptions = true,
    description = "Break-even (critical) default rates per tranche and stress scenario, and the"
        + " ratings they support (stress-multiplier and lognormal methods).")
final class BreakEvenCommand implements Callable<Integer> {

  /** The files written. */
  static final String FILE = "breakeven.parquet";
  static final String TARGETS = "targets.parquet";

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "Scenario file (YAML).")
  Path file;

  @Option(names = "--stress", paramLabel = "STRESS",
      description = "Stress scenarios: a stress file (YAML), FILE#name, or shocks inline such as"
          + " defaults=x2,recovery=-20% (docs/stress-format.md); default: the base case only.")
  String stressOption;

  @Option(names = "--paths", paramLabel = "N", defaultValue = "20000",
      description = "Monte Carlo paths of the base case for the lognormal method's mean and sigma"
          + " (default: ${DEFAULT-VALUE}).")
  long paths;

  @Option(names = "--seed", paramLabel = "S", description = "Master seed (default: "
      + RunSettings.DEFAULT_SEED + ").")
  Long seed;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Output folder (default: out/<scenario>/breakeven-<start time>).")
  Path out;

  @Option(names = "--overwrite", description = "Replace the output folder if it holds files.")
  boolean overwrite;

  @Option(names = "--multipliers", paramLabel = "CSV",
      description = "Stress multipliers by rating (default: the bundled consumer-loan table).")
  Path multipliers;

  @Option(names = "--targets", paramLabel = "CSV",
      description = "Lognormal target probabilities by rating (default: the bundled table).")
  Path targets;

  @Mixin
  ReportOptions report;

  @Option(names = "--verbose", description = "Print stack traces of unexpected errors.")
  boolean verbose;

  /** A tranche under a scenario: scaling lifetime default rates, and annual rates. */
  private record Row(int tranche, StressSet.Named scenario, BreakEven.Result result,
      BreakEven.Result annual) {
  }

  private record Target(String method, String rating, double rate) {
  }

  @Override
  public Integer call() throws Exception {
    report.check(spec.commandLine());
    Scenario scenario = ScenarioLoader.load(file);
    List<StressSet.Named> stresses = StressOption.scenarios(spec.commandLine(), stressOption);
    ResolvedDeal base = ResolvedDeal.resolve(scenario);
    Instant start = Instant.now();

    // the stress-multiplier method's base rate: the base case's expected path
    double baseRate = BreakEven.defaultRate(scenario, Stress.NONE);
    TargetDefaultRates byMultiplier = multipliers == null ? TargetDefaultRates.multipliers(baseRate)
        : TargetDefaultRates.multipliers(baseRate, TargetDefaultRates.load(multipliers));
    // the lognormal method's parameters: mean and sd of the simulated pool default rate
    RunSettings settings = MonteCarloOptions.settings(spec.commandLine(), paths, seed, null,
        Granularity.COHORT);
    RunStatistics stats = new RunStatistics(base, paths, IdealizedTable.bundledExpectedLoss(),
        IdealizedTable.bundledDefaultProbability());
    stats.run(settings, null, null, null);
    double[] ln = TargetDefaultRates.lognormalParameters(stats.pool().defaultRate().mean(),
        stats.pool().defaultRate().sd());
    TargetDefaultRates byLognormal = targets == null ? TargetDefaultRates.lognormal(ln[0], ln[1])
        : TargetDefaultRates.lognormal(ln[0], ln[1], TargetDefaultRates.load(targets));

    List<Row> rows = new ArrayList<>();
    for (int t = 0; t < base.tranches; t++) {
      for (StressSet.Named named : stresses) {
        rows.add(new Row(t, named, BreakEven.of(scenario, named.stress(), t),
            named.stress().defaults().absolute() ? null : BreakEven.of(scenario, named.stress(),
                t, BreakEven.Scaling.ANNUAL_RATES)));
      }
    }
    double[] minimum = new double[base.tranches];
    String[] worst = new String[base.tranches];
    java.util.Arrays.fill(minimum, Double.POSITIVE_INFINITY);
    for (Row r : rows) {
      if (r.result().criticalDefaultRate() < minimum[r.tranche()]) {
        minimum[r.tranche()] = r.result().criticalDefaultRate();
        worst[r.tranche()] = r.scenario().name();
      }
    }

    Path dir = out != null ? out : OutputFolders.defaultFor(scenario.name(), "breakeven-", start);
    Map<String, String> meta = Provenance.of(Provenance.build(), file, scenario.name(),
        stressOption == null ? "base case" : stressOption, settings.seed(), BlockStreams.generator(),
        paths, "cohort", start);
    meta.put("absmc.breakeven_tolerance", "multiplier bracketed to a relative width of "
        + BreakEven.TOLERANCE);
    meta.put("absmc.method_stress_multiplier", byMultiplier.method());
    meta.put("absmc.method_lognormal", byLognormal.method());
    List<Column> columns = List.of(
        Column.ofString("tranche", "tranche name", i -> base.trancheNames[rows.get(i).tranche()]),
        Column.ofString("scenario", "stress scenario", i -> rows.get(i).scenario().name()),
        Column.ofString("stress", "what the scenario changes", i -> rows.get(i).scenario().stress().toString()),
        Column.ofDouble("critical_multiplier", "", "largest multiple of every loan's lifetime"
            + " default rate (along its timing curve, after the scenario's own shocks) at which the"
            + " tranche is paid in full", i -> rows.get(i).result().criticalMultiplier()),
        Column.ofDouble("critical_default_rate", "fraction of initial pool plus purchases",
            "the pool's cumulative default rate there (expected-value path)",
            i -> rows.get(i).result().criticalDefaultRate()),
        Column.ofDouble("critical_multiplier_annual", "", "for comparison: the largest"
            + " multiplier of the scenario's annual default rates, each capped at 100%, at which"
            + " the tranche is paid in full (null when the scenario's default shock is absolute)",
            i -> rows.get(i).annual() == null ? Double.NaN
                : rows.get(i).annual().criticalMultiplier()),
        Column.ofDouble("critical_default_rate_annual", "fraction of initial pool plus purchases",
            "the pool's cumulative default rate at that annual-rate multiplier",
            i -> rows.get(i).annual() == null ? Double.NaN
                : rows.get(i).annual().criticalDefaultRate()),
        Column.ofInt("never_loses", "", "1 when the tranche is paid in full at the largest"
            + " multiplier tried", i -> rows.get(i).result().neverLoses() ? 1 : 0),
        Column.ofDouble("min_critical_default_rate", "fraction of initial pool plus purchases",
            "the tranche's lowest critical default rate over the scenarios",
            i -> minimum[rows.get(i).tranche()]),
        Column.ofDouble("base_default_rate", "fraction of initial pool plus purchases",
            "the base case's cumulative default rate (expected-value path)", i -> baseRate),
        Column.ofString("rating_stress_multiplier", "best rating whose target (multiplier x base"
            + " default rate) is at or below min_critical_default_rate",
            i -> byMultiplier.rating(minimum[rows.get(i).tranche()])),
        Column.ofString("rating_lognormal", "best rating whose lognormal target is at or below"
            + " min_critical_default_rate", i -> byLognormal.rating(minimum[rows.get(i).tranche()])));
    List<Target> targetRows = new ArrayList<>();
    for (var method : List.of(Map.entry("stress multiplier", byMultiplier),
        Map.entry("lognormal", byLognormal))) {
      for (int k = 0; k < method.getValue().ratings().size(); k++) {
        targetRows.add(new Target(method.getKey(), method.getValue().ratings().get(k),
            method.getValue().targets()[k]));
      }
    }
    List<Column> targetColumns = List.of(
        Column.ofString("method", "'stress multiplier' or 'lognormal'",
            i -> targetRows.get(i).method()),
        Column.ofString("rating", "rating, best first", i -> targetRows.get(i).rating()),
        Column.ofDouble("target_default_rate", "fraction of initial pool plus purchases",
            "the rating's target default rate: a tranche whose critical default rate is at or"
                + " above it supports the rating", i -> targetRows.get(i).rate()));
    OutputFolders.replace(spec.commandLine(), dir, overwrite, tmp -> {
      ParquetTable.write(tmp.resolve(FILE), columns, meta, rows.size());
      ParquetTable.write(tmp.resolve(TARGETS), targetColumns, meta, targetRows.size());
    });
    Path reportFile = report.publish(spec.commandLine(), dir);

    PrintWriter w = spec.commandLine().getOut();
    w.println(Header.of(base, "break-even default rates"));
    w.printf("base default rate %s; lognormal fit of %,d paths: mean %s, sd %s (mu %.4f, sigma %.4f)%n%n",
        Format.percent(baseRate, 3), paths, Format.percent(stats.pool().defaultRate().mean(), 3),
        Format.percent(stats.pool().defaultRate().sd(), 3), ln[0], ln[1]);
    TextTable table = new TextTable("tranche", "min critical CDR", "in scenario",
        "critical CDR / base CDR", "lifetime multiple", "annual-rate multiple",
        "rating (multipliers)", "rating (lognormal)");
    for (int t = 0; t < base.tranches; t++) {
      Row binding = null;
      for (Row r : rows) {
        if (r.tranche() == t && r.scenario().name().equals(worst[t])) {
          binding = r;
        }
      }
      String never = binding.result().neverLoses() ? "+" : "";
      table.row(base.trancheNames[t], Format.percent(minimum[t], 3) + never, worst[t],
          String.format(java.util.Locale.ROOT, "%.2f%s", minimum[t] / baseRate, never),
          String.format(java.util.Locale.ROOT, "%.4f%s", binding.result().criticalMultiplier(),
              never),
          binding.annual() == null ? "-" : String.format(java.util.Locale.ROOT, "%.4f%s",
              binding.annual().criticalMultiplier(), binding.annual().neverLoses() ? "+" : ""),
          byMultiplier.rating(minimum[t]), byLognormal.rating(minimum[t]));
    }
    w.println(table);
    w.println("The break-even scales every loan's lifetime default rate along its timing curve"
        + " (lifetime multiple); the annual-rate multiple, each rate capped at 100%, is shown for"
        + " comparison: where it lifts a rate to the cap, every such loan defaults at once."
        + " +: paid in full at the largest multiple tried, the figure a lower bound."
        + (base.anyRollRates ? " On roll rates the multiple scales the rate of falling past due,"
            + " capped at 100% a due date, so the charge-offs it can reach are bounded by the"
            + " rates of rolling on to charge-off." : ""));
    w.println("Results: " + dir.resolve(FILE) + ", " + dir.resolve(TARGETS));
    if (reportFile != null) {
      w.println("Report: " + reportFile);
    }
    return report.failed() ? 1 : 0;
  }
}
