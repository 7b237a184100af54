package io.absmc.cli;

import io.absmc.cashflow.CashflowFiles;
import io.absmc.cashflow.ExpectedCashflows;
import io.absmc.cashflow.Format;
import io.absmc.cashflow.TextTable;
import io.absmc.montecarlo.Granularity;
import io.absmc.montecarlo.MonteCarloRunner;
import io.absmc.montecarlo.PathResults;
import io.absmc.montecarlo.RunSettings;
import io.absmc.montecarlo.RunSummary;
import io.absmc.random.BlockStreams;
import io.absmc.resolve.ResolvedDeal;
import io.absmc.scenario.yaml.MapCursor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code absmc run FILE}: the main job. Runs the deal's Monte Carlo paths and prints, per tranche,
 * the probability of loss, the expected loss with its standard error and the mean WAL, and the
 * pool's cumulative default and loss rates; writes the expected-value cash flows beside.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run a deal's Monte Carlo paths and print tranche loss statistics.")
final class RunCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  ScenarioOptions scenario;

  @Option(names = "--paths", paramLabel = "N", defaultValue = "100000",
      description = "Number of paths (default: ${DEFAULT-VALUE}).")
  long paths;

  @Option(names = "--seed", paramLabel = "S",
      description = "Master seed; the same seed gives the same numbers (default: "
          + RunSettings.DEFAULT_SEED + ").")
  Long seed;

  @Option(names = "--threads", paramLabel = "T",
      description = "Worker threads (default: all cores). Results do not depend on it.")
  Integer threads;

  @Option(names = "--granularity", paramLabel = "G", converter = GranularityConverter.class,
      defaultValue = "cohort",
      description = "loan, cohort or large-pool (default: ${DEFAULT-VALUE}).")
  Granularity granularity;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Output folder (default: out/<scenario name>).")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (paths < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--paths must be at least 1, found " + paths);
    }
    if (threads != null && threads < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--threads must be at least 1, found " + threads);
    }
    ResolvedDeal deal = scenario.resolve();
    RunSettings settings = new RunSettings(paths, seed == null ? RunSettings.DEFAULT_SEED : seed,
        threads == null ? Runtime.getRuntime().availableProcessors() : threads, granularity);
    PrintWriter w = spec.commandLine().getOut();
    Progress progress = new Progress(spec.commandLine().getErr(), paths);
    AtomicBoolean cancel = new AtomicBoolean();
    Thread hook = new Thread(() -> cancel.set(true));
    Runtime.getRuntime().addShutdownHook(hook);
    long start = System.nanoTime();
    PathResults results;
    try {
      results = MonteCarloRunner.run(deal, settings, progress::update, cancel);
    } finally {
      progress.finish();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is exiting (Ctrl-C): nothing to remove
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    RunSummary summary = RunSummary.of(deal, results);

    ExpectedCashflows expected = ExpectedCashflows.run(deal);
    Path dir = out != null ? out : Path.of("out", deal.scenario.name());
    CashflowFiles.write(expected, dir);

    w.println(Header.of(deal, "Monte Carlo"));
    w.printf("%,d paths, seed %d, %s granularity, %d thread%s, %.1f s (%,.0f paths/s); %s%n%n",
        settings.paths(), settings.seed(), granularity.label(), settings.threads(),
        settings.threads() == 1 ? "" : "s", seconds, settings.paths() / seconds,
        BlockStreams.generator());
    TextTable t = new TextTable("tranche", "P(loss)", "EL", "EL s.e.", "WAL (y)");
    for (RunSummary.TrancheStats s : summary.tranches()) {
      t.row(s.name(), Format.percent(s.probabilityOfLoss(), 3), Format.percent(s.expectedLoss(), 4),
          Format.percent(s.expectedLossSe(), 4), Format.years(s.walYears()));
    }
    w.println(t);
    w.println(new TextTable("pool", "mean", "99th percentile")
        .row("cumulative default rate", Format.percent(summary.poolDefaultRateMean(), 3),
            Format.percent(summary.poolDefaultRateQ99(), 3))
        .row("cumulative loss rate", Format.percent(summary.poolLossRateMean(), 3),
            Format.percent(summary.poolLossRateQ99(), 3)));
    w.println("Expected-value cash flows: " + dir.resolve(CashflowFiles.POOL_FILE) + ", "
        + dir.resolve(CashflowFiles.TRANCHE_FILE));
    return 0;
  }

  /** picocli converter for granularity labels. */
  static final class GranularityConverter implements CommandLine.ITypeConverter<Granularity> {
    @Override
    public Granularity convert(String value) {
      Granularity g = MapCursor.parseChoice(value, Granularity.class);
      if (g == null) {
        throw new CommandLine.TypeConversionException(MapCursor.unknownChoice(value, Granularity.class));
      }
      return g;
    }
  }
}
