package io.absmc.montecarlo;

import io.absmc.cashflow.Irr;
import io.absmc.engine.PathEngine;
import io.absmc.engine.PathRecord;
import io.absmc.random.BlockStreams;
import io.absmc.resolve.ResolvedDeal;

/**
 * A run's pool side kept in memory, path by path, so that other capital structures of the same
 * deal can be evaluated by replaying only the waterfall ({@link PathEngine#replay}): the
 * collateral is simulated once. Paths are drawn with exactly the streams of
 * {@link MonteCarloRunner} (block by block from the seed), so a replay equals a full run of the
 * resized deal with the same seed. Valid only when
 * {@link PathEngine#poolIndependentOfTranches} holds. Memory: 16 doubles a period a path.
 */
public final class TraceSet {

  /** Pool-side arrays of a path record, in packing order. */
  private static final int FIELDS = 15;

  private final double[][] packed;
  private final double[] weights;
  private final int[] peakCohorts;
  private double defensiveShare = 1;

  private TraceSet(int paths) {
    this.packed = new double[paths][];
    this.weights = new double[paths];
    this.peakCohorts = new int[paths];
  }

  /** Simulates every path of {@code deal} once (on the calling thread) and keeps its pool side. */
  public static TraceSet simulate(ResolvedDeal deal, RunSettings settings) {
    if (!PathEngine.poolIndependentOfTranches(deal)) {
      throw new IllegalArgumentException("this deal's pool depends on its tranches (an excess"
          + " spread trigger that changes the deal state, reinvested excess interest, or a"
          + " revolving step drawing on principal before reinvest): simulate each structure");
    }
    int paths = Math.toIntExact(settings.paths());
    TraceSet set = new TraceSet(paths);
    set.defensiveShare = settings.importance().defensiveShare();
    PathSampler sampler = new PathSampler(deal, new ModelTables(deal), settings.granularity(),
        settings.importance());
    BlockStreams streams = new BlockStreams(settings.seed());
    for (int i = 0; i < paths; i++) {
      if (i % RunSettings.BLOCK_SIZE == 0) {
        sampler.startBlock(streams.next());
      }
      PathRecord r = sampler.next();
      set.packed[i] = pack(r);
      set.weights[i] = sampler.weight();
      set.peakCohorts[i] = r.peakCohorts;
    }
    return set;
  }

  /**
   * Replays every path with {@code deal} (the same pool, other tranches) and hands the results to
   * {@code consumer} block by block, in path order.
   */
  public void replay(ResolvedDeal deal, BlockConsumer consumer) throws Exception {
    PathEngine engine = new PathEngine(deal);
    PathRecord trace = new PathRecord(deal);
    PathRecord out = new PathRecord(deal);
    Irr irr = new Irr(deal.periods);
    int paths = packed.length;
    for (int first = 0; first < paths; first += RunSettings.BLOCK_SIZE) {
      int n = Math.min(RunSettings.BLOCK_SIZE, paths - first);
      BlockResult block = new BlockResult(first / RunSettings.BLOCK_SIZE, n, deal,
          defensiveShare);
      for (int i = 0; i < n; i++) {
        unpack(packed[first + i], trace);
        trace.peakCohorts = peakCohorts[first + i];
        engine.replay(trace, out);
        block.record(i, deal, out, irr, weights[first + i]);
      }
      consumer.accept(block);
    }
  }

  private static double[][] fields(PathRecord r) {
    return new double[][] {r.poolOpening, r.defaults, r.losses, r.prepayments,
        r.scheduledPrincipal, r.interest, r.recoveries, r.collectionPurchaseCash, r.reinvestable,
        r.poolBeforeWaterfall, r.cumulativeDefaultRate, r.delinquency30, r.delinquency90,
        r.poolClosing, r.purchases};
  }

  private static double[] pack(PathRecord r) {
    double[][] f = fields(r);
    double[] out = new double[FIELDS * r.periods + r.periods];
    for (int k = 0; k < FIELDS; k++) {
      System.arraycopy(f[k], 0, out, k * r.periods, r.periods);
    }
    System.arraycopy(r.stepPurchaseCash, 0, out, FIELDS * r.periods, r.periods);
    return out;
  }

  private static void unpack(double[] in, PathRecord r) {
    double[][] f = fields(r);
    for (int k = 0; k < FIELDS; k++) {
      System.arraycopy(in, k * r.periods, f[k], 0, r.periods);
    }
    System.arraycopy(in, FIELDS * r.periods, r.stepPurchaseCash, 0, r.periods);
  }
}
