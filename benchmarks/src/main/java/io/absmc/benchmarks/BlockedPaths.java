package io.absmc.benchmarks;

import io.absmc.engine.PathRecord;
import io.absmc.montecarlo.Granularity;
import io.absmc.montecarlo.ImportanceSampling;
import io.absmc.montecarlo.PathSampler;
import io.absmc.montecarlo.RunSettings;
import io.absmc.random.BlockStreams;
import io.absmc.resolve.ResolvedDeal;

/**
 * Monte Carlo paths of a deal drawn as a run draws them: a new block of streams every
 * {@link RunSettings#BLOCK_SIZE} paths.
 */
final class BlockedPaths {

  private final PathSampler sampler;
  private final BlockStreams streams = new BlockStreams(1);
  private int inBlock;

  BlockedPaths(ResolvedDeal deal, Granularity granularity) {
    this(deal, granularity, ImportanceSampling.OFF);
  }

  BlockedPaths(ResolvedDeal deal, Granularity granularity, ImportanceSampling importance) {
    sampler = new PathSampler(deal, granularity, importance);
    sampler.startBlock(streams.next());
  }

  PathRecord next() {
    if (++inBlock == RunSettings.BLOCK_SIZE) {
      inBlock = 0;
      sampler.startBlock(streams.next());
    }
    return sampler.next();
  }
}
