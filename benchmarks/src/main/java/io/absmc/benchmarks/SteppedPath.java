package io.absmc.benchmarks;

import io.absmc.engine.PathEngine;
import io.absmc.engine.PathRecord;
import io.absmc.montecarlo.Granularity;
import io.absmc.montecarlo.PathSampler;
import io.absmc.random.BlockStreams;
import io.absmc.resolve.ResolvedDeal;

/**
 * A Monte Carlo path of a deal (block 0 of seed 1) stopped at the start of one period, so that a
 * benchmark can step that period again and again from the same state with fresh draws.
 */
final class SteppedPath {

  private final int period;
  private final PathSampler sampler;
  private final PathEngine saved;
  private final PathEngine work;
  private final PathRecord record;

  SteppedPath(ResolvedDeal deal, Granularity granularity, int period) {
    this.period = period;
    sampler = new PathSampler(deal, granularity);
    sampler.startBlock(new BlockStreams(1).next());
    saved = new PathEngine(deal);
    work = new PathEngine(deal);
    record = new PathRecord(deal);
    saved.start(sampler.driver(), record);
    for (int p = 0; p < period; p++) {
      saved.period(p, sampler.driver(), record);
    }
  }

  /** The pool balance at the start of the period. */
  double openingBalance() {
    return record.poolClosing[period - 1];
  }

  /** Restores the saved state and steps the period (pool and waterfall). */
  PathRecord step() {
    work.restore(saved);
    work.period(period, sampler.driver(), record);
    return record;
  }

  /** The state copy alone. */
  PathEngine restore() {
    work.restore(saved);
    return work;
  }
}
