package io.absmc.montecarlo;

import io.absmc.engine.PathEngine;
import io.absmc.engine.PathRecord;
import io.absmc.random.BlockStreams;
import io.absmc.resolve.ResolvedDeal;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.rng.RandomProviderState;

/**
 * One pool under several capital structures (the same deal with other tranche sizes), path by path
 * with common random numbers: each structure's outcomes for a tranche are exactly those of a full
 * run of it with the same settings. When the pool cannot depend on the tranches ({@link
 * PathEngine#poolIndependentOfTranches}) the pool is simulated once per path and each structure
 * replays only the waterfall ({@link PathEngine#replay}); otherwise every structure runs the whole
 * path from the block's streams. Blocks can be computed in any range, so more paths can be added
 * to a set of structures later.
 */
public final class Structures {

  private Structures() {
  }

  /**
   * A tranche's outcomes on one block of paths under one structure.
   *
   * @param block the block's index
   * @param defensiveShare the share of unshifted paths (1 without importance sampling)
   * @param lossFraction shortfall over original balance, by path
   * @param pvLossFraction the same discounted at the coupon from the legal final date
   * @param walYears WAL of the principal repaid (NaN where none was)
   * @param weight each path's likelihood ratio
   */
  public record Outcomes(long block, double defensiveShare, double[] lossFraction,
      double[] pvLossFraction, double[] walYears, double[] weight) {
  }

  /**
   * Computes blocks {@code from .. to-1} of tranche {@code t} under every structure, handing each
   * block's outcomes (one per structure, in order) to {@code consumer} in block order.
   *
   * @param pool the deal as written (its pool is every structure's)
   * @param structures the same deal with other tranche amounts
   */
  public static void run(ResolvedDeal pool, ResolvedDeal[] structures, int t,
      RunSettings settings, long from, long to,
      MonteCarloRunner.OrderedConsumer<Outcomes[]> consumer, AtomicBoolean cancel) {
    boolean replay = PathEngine.poolIndependentOfTranches(pool);
    ModelTables tables = new ModelTables(pool);
    MonteCarloRunner.runBlocks(settings, from, to,
        () -> replay ? new Replaying(pool, structures, t, tables, settings)
            : new Running(structures, t, tables, settings),
        consumer, cancel);
  }

  private static int pathsOf(RunSettings settings, long block) {
    long first = block * RunSettings.BLOCK_SIZE;
    return (int) Math.min(RunSettings.BLOCK_SIZE, settings.paths() - first);
  }

  private static Outcomes outcomes(long block, int n, RunSettings settings) {
    return new Outcomes(block, settings.importance().defensiveShare(), new double[n],
        new double[n], new double[n], new double[n]);
  }

  private static void record(Outcomes o, int i, ResolvedDeal deal, PathRecord r, int t, double w) {
    o.lossFraction[i] = BlockResult.lossFraction(deal, r, t);
    o.pvLossFraction[i] = o.lossFraction[i] * BlockResult.discount(deal, t);
    o.walYears[i] = BlockResult.walYears(deal, r, t);
    o.weight[i] = w;
  }

  /** Simulates the pool once per path and replays every structure's waterfall. */
  private static final class Replaying implements MonteCarloRunner.BlockTask<Outcomes[]> {
    private final ResolvedDeal[] structures;
    private final int t;
    private final RunSettings settings;
    private final PathSampler sampler;
    private final PathEngine[] engines;
    private final PathRecord out;

    Replaying(ResolvedDeal pool, ResolvedDeal[] structures, int t, ModelTables tables,
        RunSettings settings) {
      this.structures = structures;
      this.t = t;
      this.settings = settings;
      this.sampler = new PathSampler(pool, tables, settings.granularity(), settings.importance());
      this.engines = new PathEngine[structures.length];
      for (int k = 0; k < structures.length; k++) {
        engines[k] = new PathEngine(structures[k]);
      }
      this.out = new PathRecord(pool);
    }

    @Override
    public Outcomes[] compute(long block, BlockStreams.Pair streams) {
      int n = pathsOf(settings, block);
      Outcomes[] o = new Outcomes[structures.length];
      for (int k = 0; k < o.length; k++) {
        o[k] = outcomes(block, n, settings);
      }
      sampler.startBlock(streams);
      for (int i = 0; i < n; i++) {
        PathRecord trace = sampler.next();
        for (int k = 0; k < structures.length; k++) {
          engines[k].replay(trace, out);
          record(o[k], i, structures[k], out, t, sampler.weight());
        }
      }
      return o;
    }
  }

  /** Runs every structure's whole path from the block's streams. */
  private static final class Running implements MonteCarloRunner.BlockTask<Outcomes[]> {
    private final ResolvedDeal[] structures;
    private final int t;
    private final RunSettings settings;
    private final PathSampler[] samplers;

    Running(ResolvedDeal[] structures, int t, ModelTables tables, RunSettings settings) {
      this.structures = structures;
      this.t = t;
      this.settings = settings;
      this.samplers = new PathSampler[structures.length];
      for (int k = 0; k < structures.length; k++) {
        samplers[k] = new PathSampler(structures[k], tables, settings.granularity(),
            settings.importance());
      }
    }

    @Override
    public Outcomes[] compute(long block, BlockStreams.Pair streams) {
      int n = pathsOf(settings, block);
      RandomProviderState systematic = streams.systematic().saveState();
      RandomProviderState idiosyncratic = streams.idiosyncratic().saveState();
      Outcomes[] o = new Outcomes[structures.length];
      for (int k = 0; k < structures.length; k++) {
        streams.systematic().restoreState(systematic);
        streams.idiosyncratic().restoreState(idiosyncratic);
        o[k] = outcomes(block, n, settings);
        samplers[k].startBlock(streams);
        for (int i = 0; i < n; i++) {
          record(o[k], i, structures[k], samplers[k].next(), t, samplers[k].weight());
        }
      }
      return o;
    }
  }
}
