package io.absmc.montecarlo;

import io.absmc.engine.PathEngine;
import io.absmc.engine.PathRecord;
import io.absmc.random.BlockStreams;
import io.absmc.resolve.ResolvedDeal;

/**
 * One thread's Monte Carlo workspace: the path engine, a reusable path record and the stochastic
 * driver. Point it at a block's streams, then draw the block's paths in order. Not thread-safe;
 * create one per thread.
 */
public final class PathSampler {

  private final ResolvedDeal deal;
  private final PathEngine engine;
  private final PathRecord record;
  private final MonteCarloDriver driver;

  /** A sampler with its own model tables (for one-off use; runners share the tables). */
  public PathSampler(ResolvedDeal deal, Granularity granularity) {
    this(deal, granularity, ImportanceSampling.OFF);
  }

  /** A sampler with its own model tables and importance sampling. */
  public PathSampler(ResolvedDeal deal, Granularity granularity, ImportanceSampling importance) {
    this(deal, new ModelTables(deal), granularity, importance);
  }

  PathSampler(ResolvedDeal deal, ModelTables tables, Granularity granularity,
      ImportanceSampling importance) {
    this.deal = deal;
    this.engine = new PathEngine(deal);
    this.record = new PathRecord(deal);
    this.driver = new MonteCarloDriver(deal, tables, granularity, importance);
  }

  /** The likelihood ratio of the last path drawn (1 without importance sampling). */
  public double weight() {
    return driver.weight();
  }

  /** Starts drawing the paths of a block. */
  public void startBlock(BlockStreams.Pair streams) {
    driver.useStreams(streams);
  }

  /**
   * The sampler's performance driver, for kernel benchmarks that step a {@link PathEngine} period
   * by period themselves.
   */
  public io.absmc.engine.PerformanceDriver driver() {
    return driver;
  }

  /** Draws the block's next path; the record is overwritten by the next call. */
  public PathRecord next() {
    engine.run(driver, record);
    return record;
  }

  public ResolvedDeal deal() {
    return deal;
  }
}
