package io.absmc.montecarlo;

import io.absmc.random.BlockStreams;
import io.absmc.resolve.ResolvedDeal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Runs many paths of a deal. Paths are grouped in blocks of {@link RunSettings#BLOCK_SIZE}; block
 * k's random streams come from the seed and k alone ({@link BlockStreams}); worker threads take
 * blocks in any order, and the results are put together in block order, so a run gives identical
 * numbers for any number of threads.
 */
public final class MonteCarloRunner {

  private MonteCarloRunner() {
  }

  /** Thrown when a run is cancelled before it finished. */
  public static final class CancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CancelledException() {
      super("the run was cancelled");
    }
  }

  /**
   * Runs all paths.
   *
   * @param progress called from a worker thread with the number of paths done after each block
   *     (may be null)
   * @param cancel set to stop the run; it then throws {@link CancelledException}
   */
  public static PathResults run(ResolvedDeal deal, RunSettings settings, LongConsumer progress,
      AtomicBoolean cancel) {
    ModelTables tables = new ModelTables(deal);
    int blocks = Math.toIntExact(settings.blocks());
    BlockStreams.Pair[] streams = new BlockStreams.Pair[blocks];
    BlockStreams master = new BlockStreams(settings.seed());
    for (int k = 0; k < blocks; k++) {
      streams[k] = master.next();
    }
    PathResults[] results = new PathResults[blocks];
    AtomicLong nextBlock = new AtomicLong();
    AtomicLong pathsDone = new AtomicLong();
    int threads = Math.min(settings.threads(), blocks);
    Runnable worker = () -> {
      PathSampler sampler = new PathSampler(deal, tables, settings.granularity());
      long k;
      while ((k = nextBlock.getAndIncrement()) < blocks) {
        if (cancel != null && cancel.get()) {
          return;
        }
        int block = (int) k;
        long first = block * (long) RunSettings.BLOCK_SIZE;
        int n = (int) Math.min(RunSettings.BLOCK_SIZE, settings.paths() - first);
        PathResults out = new PathResults(n, deal.tranches);
        sampler.startBlock(streams[block]);
        for (int i = 0; i < n; i++) {
          out.record(i, deal, sampler.next());
        }
        results[block] = out;
        long done = pathsDone.addAndGet(n);
        if (progress != null) {
          progress.accept(done);
        }
      }
    };
    if (threads == 1) {
      worker.run();
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r, "absmc-worker");
        t.setDaemon(true);
        return t;
      });
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
          futures.add(pool.submit(worker));
        }
        for (Future<?> f : futures) {
          f.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CancelledException();
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
      } finally {
        pool.shutdownNow();
      }
    }
    if (cancel != null && cancel.get()) {
      throw new CancelledException();
    }
    PathResults all = new PathResults(Math.toIntExact(settings.paths()), deal.tranches);
    for (int k = 0; k < blocks; k++) {
      all.copyFrom(results[k], k * RunSettings.BLOCK_SIZE);
    }
    return all;
  }
}
