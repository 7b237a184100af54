package io.absmc.cli;

import io.absmc.api.Batch;
import io.absmc.api.Plan;
import io.absmc.api.Run;
import io.absmc.batch.BatchRunner;
import io.absmc.montecarlo.Granularity;
import io.absmc.montecarlo.ImportanceSampling;
import io.absmc.montecarlo.ImportanceShift;
import io.absmc.montecarlo.RunSettings;
import io.absmc.rating.IdealizedTable;
import io.absmc.stats.RunStatistics;
import io.absmc.resolve.ResolvedDeal;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options of a Monte Carlo run that {@code run} and {@code batch} share. */
public final class MonteCarloOptions {

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

  @Option(names = "--importance-sampling", paramLabel = "IS", defaultValue = "off",
      description = "off, auto (aim at the senior tranche), tranche=NAME or shift=MU, optionally"
          + " followed by ,defensive=A (the share of unshifted paths, default "
          + ImportanceSampling.DEFAULT_DEFENSIVE_SHARE + ") (default: ${DEFAULT-VALUE})."
          + " Statistics are weighted by the likelihood ratio.")
  String importance;

  @Option(names = "--overwrite", description = "Replace the output folder if it holds other files.")
  boolean overwrite;

  @Option(names = "--no-paths", negatable = false,
      description = "Do not write every path's results (one row per path and tranche).")
  boolean noPaths;

  @Option(names = "--el-table", paramLabel = "CSV",
      description = "Idealized expected-loss table (default: the bundled Moody's table).")
  Path elTable;

  @Option(names = "--pd-table", paramLabel = "CSV",
      description = "Idealized default-probability table (default: the bundled Moody's table).")
  Path pdTable;

  /**
   * The run these options set up, planned and checked ({@link Run#plan}); a bad value is a usage
   * error naming the option, a run too large for this JVM too ({@link #checkFeasible}).
   */
  public Plan plan(CommandLine cli, Run run) {
    Plan plan;
    try {
      plan = configure(cli, run).plan();
    } catch (IllegalArgumentException e) {
      throw usage(cli, e);
    }
    checkFeasible(cli, plan.deal(), plan.settings());
    return plan;
  }

  /**
   * A batch of a scenario file under a {@code --stress} value with these options, checked ({@link
   * Batch#job}); a bad value is a usage error naming the option.
   */
  public Batch batch(CommandLine cli, Path scenarioFile, String stress) {
    Batch batch = Batch.of(configure(cli, Run.of(scenarioFile)).writePaths(!noPaths)
        .overwrite(overwrite), stress);
    BatchRunner.Job job;
    try {
      job = batch.job();
    } catch (IllegalArgumentException e) {
      throw usage(cli, e);
    }
    checkFeasible(cli, ResolvedDeal.resolve(job.scenario()), job.settings());
    return batch;
  }

  /** The run with these options' settings, their numbers checked (a usage error otherwise). */
  private Run configure(CommandLine cli, Run run) {
    settings(cli);
    run.paths(paths).granularity(granularity).importanceSampling(importance);
    if (seed != null) {
      run.seed(seed);
    }
    if (threads != null) {
      run.threads(threads);
    }
    if (elTable != null || pdTable != null) {
      run.ratingTables(elTable(), pdTable());
    }
    return run;
  }

  /** A setting the API refused, as a usage error naming the option. */
  private static CommandLine.ParameterException usage(CommandLine cli,
      IllegalArgumentException e) {
    String m = e.getMessage();
    return new CommandLine.ParameterException(cli, m.startsWith("importance sampling ")
        ? m.replaceFirst("^importance sampling ", "--importance-sampling ") : "--stress: " + m);
  }

  /** The run settings for a deal, with its importance sampling. */
  public RunSettings settings(CommandLine cli, ResolvedDeal deal) {
    return settings(cli).withImportance(importance(cli, deal, importance));
  }

  /**
   * Refuses, as a usage error, a run whose statistics would not fit in this JVM's memory ({@link
   * RunStatistics#bytes}) or whose loan granularity would draw more loans than it can in
   * reasonable time.
   */
  public static void checkFeasible(CommandLine cli, ResolvedDeal deal, RunSettings settings) {
    long bytes = RunStatistics.bytes(deal, settings.paths(), settings.importance().on());
    long available = Runtime.getRuntime().maxMemory();
    if (bytes > 0.75 * available) {
      throw new CommandLine.ParameterException(cli, String.format(Locale.ROOT,
          "--paths %,d needs about %.1f GB for the run's statistics and this JVM may use %.1f GB:"
              + " give it more (ABSMC_JAVA_OPTS=-Xmx%dg)", settings.paths(), bytes / 1e9,
          available / 1e9, (long) Math.ceil(bytes / 0.75 / (1L << 30)) + 1));
    }
    double loans = 0;
    for (double n : deal.initialLoans) {
      loans += n;
    }
    if (settings.granularity() == Granularity.LOAN && loans > MAX_LOAN_MODE_LOANS) {
      throw new CommandLine.ParameterException(cli, String.format(Locale.ROOT,
          "loan granularity draws each of the pool's %,.0f loans every period, at most %,d:"
              + " use --granularity cohort (the same model, drawn cohort by cohort)", loans,
          MAX_LOAN_MODE_LOANS));
    }
  }

  /** The most loans a pool may have to be drawn loan by loan. */
  static final long MAX_LOAN_MODE_LOANS = 100_000_000L;

  /** Whether {@code --importance-sampling} was given on the command line. */
  boolean importanceGiven(CommandLine cli) {
    return cli.getParseResult().hasMatchedOption("--importance-sampling");
  }

  /** Importance sampling from an {@code --importance-sampling} value (a usage error if bad). */
  static ImportanceSampling importance(CommandLine cli, ResolvedDeal deal, String value) {
    try {
      return ImportanceShift.parse(deal, value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cli, "--importance-sampling " + e.getMessage());
    }
  }

  /** The run settings, checking the numbers (a usage error otherwise). */
  RunSettings settings(CommandLine cli) {
    return settings(cli, paths, seed, threads, granularity);
  }

  /**
   * Run settings from option values, checking them (a usage error otherwise); a null seed or thread
   * count takes the default.
   */
  static RunSettings settings(CommandLine cli, long paths, Long seed, Integer threads,
      Granularity granularity) {
    try {
      RunSettings.checkPaths(paths);
      if (threads != null) {
        RunSettings.checkThreads(threads);
      }
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cli, "--" + e.getMessage());
    }
    return new RunSettings(paths, seed == null ? RunSettings.DEFAULT_SEED : seed,
        threads == null ? Runtime.getRuntime().availableProcessors() : threads, granularity);
  }

  /** Whether to write every path's results. */
  public boolean writePaths() {
    return !noPaths;
  }

  /** Whether an output folder that holds files may be replaced. */
  public boolean overwrite() {
    return overwrite;
  }

  public IdealizedTable elTable() {
    return elTable == null ? IdealizedTable.bundledExpectedLoss()
        : IdealizedTable.load(elTable, "expected-loss table " + elTable);
  }

  public IdealizedTable pdTable() {
    return pdTable == null ? IdealizedTable.bundledDefaultProbability()
        : IdealizedTable.load(pdTable, "default-probability table " + pdTable);
  }

  /** picocli converter for granularity labels. */
  static final class GranularityConverter extends ChoiceConverter<Granularity> {
    GranularityConverter() {
      super(Granularity.class);
    }
  }
}
