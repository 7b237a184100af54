package io.absmc.api;

import io.absmc.io.AtomicOutput;
import io.absmc.montecarlo.BlockResult;
import io.absmc.montecarlo.MonteCarloRunner;
import io.absmc.montecarlo.RunSettings;
import io.absmc.output.PathsFile;
import io.absmc.output.Provenance;
import io.absmc.output.RunFiles;
import io.absmc.random.BlockStreams;
import io.absmc.rating.IdealizedTable;
import io.absmc.resolve.ResolvedDeal;
import io.absmc.stats.RunStatistics;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;

/**
 * A run resolved and checked ({@link Run#plan}): the stressed deal as the engine reads it, the
 * settings and the rating tables. Serializable, so a distributed runner can ship it and compute
 * any range of its blocks elsewhere ({@link #blocks(long, long)}): block k's paths depend on the
 * seed and k alone, and merging the blocks' statistics in any order ({@link #statistics()},
 * {@link RunStatistics#merge}) gives exactly a local run's numbers. A run of more than {@link
 * RunStatistics#KEEP_PATHS} paths is then read after a second pass over the same blocks ({@link
 * RunStatistics#secondPass()}, merged likewise, then {@link RunStatistics#finish}).
 *
 * @param scenarioFile the scenario file as given, or null for a scenario built in memory
 * @param deal the resolved deal, under its stress
 * @param settings paths, seed, threads, granularity and importance sampling
 * @param elTable the idealized expected-loss table of the ratings
 * @param pdTable the idealized default-probability table of the ratings
 */
public record Plan(String scenarioFile, ResolvedDeal deal, RunSettings settings,
    IdealizedTable elTable, IdealizedTable pdTable) implements Serializable {

  /** The scenario's name. */
  public String scenario() {
    return deal.scenario.name();
  }

  /** Number of blocks of {@link RunSettings#BLOCK_SIZE} paths. */
  public long blocks() {
    return settings.blocks();
  }

  /** Empty statistics of this run, to merge blocks' results into. */
  public RunStatistics statistics() {
    return new RunStatistics(deal, settings.paths(), elTable, pdTable);
  }

  /** The results of blocks {@code from .. to-1}, computed on the calling thread, in order. */
  public Iterator<BlockResult> blocks(long from, long to) {
    return MonteCarloRunner.blocks(deal, settings, from, to);
  }

  /**
   * The metadata every output file of this run carries ({@code absmc.*} keys: version, scenario
   * file and its SHA-256, stress, seed, generator, paths, granularity, start, JVM and libraries,
   * importance sampling).
   */
  public Map<String, String> provenance(Instant start) {
    Map<String, String> m = Provenance.of(Provenance.build(),
        scenarioFile == null ? null : Path.of(scenarioFile), scenario(), deal.stress.toString(),
        settings.seed(), BlockStreams.generator(), settings.paths(), settings.granularity().label(),
        start);
    Provenance.putImportance(m, settings.importance());
    return m;
  }

  /**
   * The bytes of memory this run's statistics take: a few floats a path up to {@link
   * RunStatistics#KEEP_PATHS} paths, a bound independent of the paths beyond.
   */
  public long statisticsBytes() {
    return RunStatistics.bytes(deal, settings.paths(), settings.importance().on());
  }

  /**
   * Runs every path on the settings' threads; the statistics stay in memory.
   *
   * @param progress called from worker threads with the paths done (may be null)
   * @param cancel set to stop; the run then throws {@link MonteCarloRunner.CancelledException}
   *     (may be null)
   */
  public RunResult run(LongConsumer progress, AtomicBoolean cancel) {
    RunStatistics stats = statistics();
    Instant start = Instant.now();
    long t0 = System.nanoTime();
    stats.run(settings, null, progress, cancel);
    double seconds = (System.nanoTime() - t0) / 1e9;
    Map<String, String> provenance = provenance(start);
    provenance.put("absmc.run_seconds", Double.toString(seconds));
    return new RunResult(this, stats, provenance, seconds, null, List.of());
  }

  /**
   * Runs every path and writes the files of {@code absmc run} into {@code dir}, complete or not at
   * all ({@link AtomicOutput#replace}).
   *
   * @param writePaths whether to write every path's results ({@code paths.parquet})
   * @param overwrite whether a folder that holds files may be replaced
   */
  public RunResult writeTo(Path dir, boolean writePaths, boolean overwrite, LongConsumer progress,
      AtomicBoolean cancel) throws IOException {
    RunStatistics stats = statistics();
    Instant start = Instant.now();
    Map<String, String> provenance = provenance(start);
    long t0 = System.nanoTime();
    List<Path> removed = AtomicOutput.replace(dir, overwrite, tmp -> {
      try (PathsFile pathsFile = writePaths ? PathsFile.open(tmp, deal, provenance) : null) {
        stats.run(settings, pathsFile, progress, cancel);
      }
      provenance.put("absmc.run_seconds", Double.toString((System.nanoTime() - t0) / 1e9));
      RunFiles.write(tmp, stats, provenance, true);
    });
    return new RunResult(this, stats, provenance, (System.nanoTime() - t0) / 1e9, dir, removed);
  }
}
