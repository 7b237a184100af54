package io.absmc.montecarlo;

import io.absmc.util.Check;
import java.io.Serializable;

/**
 * How a Monte Carlo run is carried out. The results depend on the seed, the number of paths and the
 * granularity, never on the number of threads.
 *
 * @param paths number of paths
 * @param seed master seed of the random streams
 * @param threads worker threads (1 or more)
 * @param granularity loan, cohort or large-pool
 * @param importance importance sampling of the default factors ({@link ImportanceSampling#OFF}:
 *     plain Monte Carlo); every statistic is weighted by the likelihood ratio
 */
public record RunSettings(long paths, long seed, int threads, Granularity granularity,
    ImportanceSampling importance) implements Serializable {

  /** Paths per block: each block has its own random streams, derived from the seed and its index. */
  public static final int BLOCK_SIZE = 1024;

  /** The most paths a run takes. */
  public static final long MAX_PATHS = 2_000_000_000L;

  /** The seed used when none is given. */
  public static final long DEFAULT_SEED = 20130729L;

  public RunSettings {
    checkPaths(paths);
    checkThreads(threads);
    Check.notNull("granularity", granularity);
    Check.notNull("importance", importance);
  }

  /** Refuses a number of paths outside 1 .. {@link #MAX_PATHS}, naming the setting. */
  public static void checkPaths(long paths) {
    if (paths < 1 || paths > MAX_PATHS) {
      throw new IllegalArgumentException("paths must be between 1 and " + MAX_PATHS + ", found "
          + paths);
    }
  }

  /** Refuses fewer than one thread, naming the setting. */
  public static void checkThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, found " + threads);
    }
  }

  /** Plain Monte Carlo (no importance sampling). */
  public RunSettings(long paths, long seed, int threads, Granularity granularity) {
    this(paths, seed, threads, granularity, ImportanceSampling.OFF);
  }

  /** These settings with other importance sampling. */
  public RunSettings withImportance(ImportanceSampling is) {
    return new RunSettings(paths, seed, threads, granularity, is);
  }

  /** These settings with another number of paths. */
  public RunSettings withPaths(long n) {
    return new RunSettings(n, seed, threads, granularity, importance);
  }

  /** Number of blocks. */
  public long blocks() {
    return (paths + BLOCK_SIZE - 1) / BLOCK_SIZE;
  }
}
