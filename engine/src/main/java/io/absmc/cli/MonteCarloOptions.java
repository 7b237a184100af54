package io.absmc.cli;

import io.absmc.batch.BatchRunner;
import io.absmc.montecarlo.Granularity;
import io.absmc.montecarlo.ImportanceShift;
import io.absmc.montecarlo.RunSettings;
import io.absmc.rating.IdealizedTable;
import io.absmc.resolve.ResolvedDeal;
import io.absmc.resolve.StressSet;
import io.absmc.scenario.Scenario;
import io.absmc.scenario.ScenarioLoader;
import io.absmc.scenario.yaml.MapCursor;
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
      description = "off, auto (shift the default factor to the senior's break-even) or"
          + " shift=MU (default: ${DEFAULT-VALUE}). Statistics are weighted by the likelihood ratio.")
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

  /** The run settings for a deal, with its importance-sampling shift. */
  public RunSettings settings(CommandLine cli, ResolvedDeal deal) {
    RunSettings s = settings(cli);
    String is = importance.trim().toLowerCase(Locale.ROOT);
    if (is.equals("off")) {
      return s;
    }
    if (is.equals("auto")) {
      return s.withImportanceShift(ImportanceShift.auto(deal));
    }
    if (is.startsWith("shift=")) {
      try {
        double mu = Double.parseDouble(is.substring(6));
        if (Math.abs(mu) <= 10) {
          return s.withImportanceShift(mu);
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new CommandLine.ParameterException(cli, "--importance-sampling must be off, auto or"
        + " shift=MU with |MU| <= 10, found '" + importance + "'");
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
    if (paths < 1 || paths > RunSettings.MAX_PATHS) {
      throw new CommandLine.ParameterException(cli, "--paths must be between 1 and " + RunSettings.MAX_PATHS
          + ", found " + paths);
    }
    if (threads != null && threads < 1) {
      throw new CommandLine.ParameterException(cli, "--threads must be at least 1, found " + threads);
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

  /**
   * A batch of a scenario file under a stress file with these options: one importance-sampling
   * shift (the base case's) for every scenario, which keeps their random numbers common.
   */
  public BatchRunner.Job batchJob(CommandLine cli, Path scenarioFile,
      Path stressFile) {
    Scenario scenario = ScenarioLoader.load(scenarioFile);
    RunSettings settings = settings(cli, ResolvedDeal.resolve(scenario));
    return new BatchRunner.Job(scenarioFile, scenario, stressFile,
        StressSet.load(stressFile), settings, elTable(), pdTable(), !noPaths,
        Version.build());
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
