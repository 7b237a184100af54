package io.absmc.api;

import io.absmc.montecarlo.Granularity;
import io.absmc.montecarlo.ImportanceShift;
import io.absmc.montecarlo.MonteCarloRunner;
import io.absmc.montecarlo.RunSettings;
import io.absmc.rating.IdealizedTable;
import io.absmc.resolve.ResolvedDeal;
import io.absmc.resolve.Stress;
import io.absmc.scenario.Scenario;
import io.absmc.scenario.ScenarioException;
import io.absmc.util.Check;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;

/**
 * The settings of a Monte Carlo run of one deal, with the defaults of {@code absmc run}: 100,000
 * paths, seed {@value RunSettings#DEFAULT_SEED}, every core, cohort granularity, no importance
 * sampling, the bundled Moody's idealized tables, no stress. Set what differs, then {@link #call}
 * (statistics in memory) or {@link #writeTo} (the same, and the files of {@code absmc run}).
 *
 * <p>The same scenario, stress, paths, seed and granularity give the same numbers, bit for bit, on
 * any number of threads. A {@code Run} is a mutable builder; {@link #plan} fixes it.
 */
public final class Run {

  private final Scenario scenario;
  private final Path file;
  private Stress stress = Stress.NONE;
  private long paths = 100_000;
  private long seed = RunSettings.DEFAULT_SEED;
  private int threads = Runtime.getRuntime().availableProcessors();
  private Granularity granularity = Granularity.COHORT;
  private String importance = "off";
  private IdealizedTable elTable;
  private IdealizedTable pdTable;
  private boolean writePaths = true;
  private boolean overwrite;
  private LongConsumer progress;
  private AtomicBoolean cancel;

  private Run(Scenario scenario, Path file) {
    this.scenario = Check.notNull("scenario", scenario);
    this.file = file;
  }

  /**
   * A run of a scenario file, loaded and checked now.
   *
   * @throws ScenarioException listing the file's problems
   */
  public static Run of(Path scenarioFile) {
    return new Run(Scenarios.load(scenarioFile), scenarioFile);
  }

  /** A run of a scenario built or loaded beforehand (its provenance names no file). */
  public static Run of(Scenario scenario) {
    return new Run(scenario, null);
  }

  /** The stress to run under (default: none, the base case). */
  public Run stress(Stress stress) {
    this.stress = Check.notNull("stress", stress);
    return this;
  }

  /**
   * The stress as {@code --stress} takes it, e.g. {@code "defaults=x2,recovery=-20%"} ({@link
   * Scenarios#stress}).
   */
  public Run stress(String shocksOrFile) {
    return stress(Scenarios.stress(shocksOrFile));
  }

  /** Number of paths, 1 to {@value RunSettings#MAX_PATHS} (default 100,000). */
  public Run paths(long paths) {
    RunSettings.checkPaths(paths);
    this.paths = paths;
    return this;
  }

  /** Master seed of the random streams. */
  public Run seed(long seed) {
    this.seed = seed;
    return this;
  }

  /** Worker threads, at least 1 (default: every core); the numbers do not depend on it. */
  public Run threads(int threads) {
    RunSettings.checkThreads(threads);
    this.threads = threads;
    return this;
  }

  /** Loan, cohort (default) or large-pool granularity. */
  public Run granularity(Granularity granularity) {
    this.granularity = Check.notNull("granularity", granularity);
    return this;
  }

  /**
   * Importance sampling as {@code --importance-sampling} takes it: {@code off} (default), {@code
   * auto}, {@code tranche=NAME} or {@code shift=MU}, optionally followed by {@code ,defensive=A};
   * checked by {@link #plan}. Statistics are then weighted by the likelihood ratio.
   */
  public Run importanceSampling(String spec) {
    this.importance = Check.notNull("importance sampling", spec);
    return this;
  }

  /** Idealized expected-loss and default-probability tables for the ratings (default: bundled). */
  public Run ratingTables(IdealizedTable expectedLoss, IdealizedTable defaultProbability) {
    this.elTable = Check.notNull("expected-loss table", expectedLoss);
    this.pdTable = Check.notNull("default-probability table", defaultProbability);
    return this;
  }

  /** Whether {@link #writeTo} writes every path's results, {@code paths.parquet} (default true). */
  public Run writePaths(boolean writePaths) {
    this.writePaths = writePaths;
    return this;
  }

  /** Whether {@link #writeTo} may replace a folder that holds files (default false). */
  public Run overwrite(boolean overwrite) {
    this.overwrite = overwrite;
    return this;
  }

  /** Called, from worker threads, with the number of paths done so far. */
  public Run progress(LongConsumer progress) {
    this.progress = progress;
    return this;
  }

  /** A flag that stops the run when set: it then throws {@link MonteCarloRunner.CancelledException}. */
  public Run cancel(AtomicBoolean cancel) {
    this.cancel = cancel;
    return this;
  }

  /** The scenario this run is of. */
  Scenario scenario() {
    return scenario;
  }

  /** The scenario file, or null for a scenario built in memory. */
  Path file() {
    return file;
  }

  boolean writesPaths() {
    return writePaths;
  }

  boolean overwrites() {
    return overwrite;
  }

  LongConsumer progressListener() {
    return progress;
  }

  AtomicBoolean cancelFlag() {
    return cancel;
  }

  /**
   * The run, resolved and checked, ready to go.
   *
   * @throws ScenarioException when the model cannot take the stressed deal (e.g. a recovery rate
   *     the stress pushed out of the model's range), naming the file
   * @throws IllegalArgumentException for bad importance-sampling settings
   */
  public Plan plan() {
    return plan(stress);
  }

  /** {@link #plan} under another stress (a batch plans its base case). */
  Plan plan(Stress stress) {
    ResolvedDeal deal = ResolvedDeal.resolve(scenario, stress);
    try {
      MonteCarloRunner.checkModel(deal);
    } catch (ScenarioException e) {
      if (file == null) {
        throw e;
      }
      throw new ScenarioException(e.problems().stream().map(p -> file + ": " + p).toList());
    }
    RunSettings settings;
    try {
      settings = new RunSettings(paths, seed, threads, granularity)
          .withImportance(ImportanceShift.parse(deal, importance));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("importance sampling " + e.getMessage(), e);
    }
    return new Plan(file == null ? null : file.toString(), deal, settings,
        elTable != null ? elTable : IdealizedTable.bundledExpectedLoss(),
        pdTable != null ? pdTable : IdealizedTable.bundledDefaultProbability());
  }

  /** Runs the paths; the statistics stay in memory, nothing is written. */
  public RunResult call() {
    return plan().run(progress, cancel);
  }

  /**
   * Runs the paths and writes the files of {@code absmc run} into {@code dir}: complete, or not
   * at all (a failed or cancelled run leaves the folder as it was).
   *
   * @throws io.absmc.io.AtomicOutput.FolderNotEmptyException when the folder holds files and
   *     {@link #overwrite} is off
   * @throws io.absmc.io.OutputRefusedException when another run writes the folder
   */
  public RunResult writeTo(Path dir) throws IOException {
    return plan().writeTo(dir, writePaths, overwrite, progress, cancel);
  }
}
