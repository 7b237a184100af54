package io.absmc.montecarlo;

import io.absmc.engine.Irr;
import io.absmc.random.BlockStreams;
import io.absmc.resolve.ResolvedDeal;
import io.absmc.util.Check;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Runs many paths of a deal. Paths are grouped in blocks of {@link RunSettings#BLOCK_SIZE}; block
 * k's random streams come from the seed and k alone ({@link BlockStreams}); worker threads take
 * blocks in any order, and the results are handed to the consumer in block order on the calling
 * thread, so statistics and files are identical for any number of threads. Workers run at most
 * {@link #AHEAD} blocks ahead of the consumer, so memory stays bounded whatever the path count.
 */
public final class MonteCarloRunner {

  /** How many finished blocks may wait for the consumer. */
  static final int AHEAD = 64;

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
   * Checks that the Monte Carlo model can run this deal (a stress can leave a segment's recovery
   * rate with no Beta distribution of the model's spread): a {@link
   * io.absmc.scenario.ScenarioException} naming the segment if not.
   */
  public static void checkModel(ResolvedDeal deal) {
    ModelTables.checkRecoveries(deal);
  }

  /** Runs all paths and keeps every path's results in memory (tests and small runs). */
  public static PathResults run(ResolvedDeal deal, RunSettings settings, LongConsumer progress,
      AtomicBoolean cancel) {
    PathResults all = new PathResults(Math.toIntExact(settings.paths()), deal.tranches);
    run(deal, settings, all::add, progress, cancel);
    return all;
  }

  /**
   * Runs all paths, handing each block to {@code consumer} in block order.
   *
   * @param progress called with the number of paths done (from worker threads; may be null)
   * @param cancel set to stop the run; it then throws {@link CancelledException} (may be null)
   */
  public static void run(ResolvedDeal deal, RunSettings settings, BlockConsumer consumer,
      LongConsumer progress, AtomicBoolean cancel) {
    ModelTables tables = new ModelTables(deal);
    AtomicLong pathsDone = new AtomicLong();
    runBlocks(settings, 0, settings.blocks(),
        () -> new BlockWork(deal, tables, settings, pathsDone, progress)::compute,
        consumer::accept, cancel);
  }

  /** What a worker computes for one block of paths, from the block's streams. */
  @FunctionalInterface
  public interface BlockTask<R> {
    R compute(long block, BlockStreams.Pair streams);
  }

  /** What receives the blocks' results in block order, on the calling thread. */
  @FunctionalInterface
  public interface OrderedConsumer<R> {
    void accept(R result) throws Exception;
  }

  /**
   * Computes blocks {@code from .. to-1} of a run on {@code settings.threads()} workers, each
   * with its own task from {@code workers}, and hands the results to {@code consumer} in block
   * order on the calling thread. Block k's streams come from the seed and k alone, so the results
   * do not depend on the number of threads.
   *
   * @param cancel set to stop; it then throws {@link CancelledException} (may be null)
   */
  public static <R> void runBlocks(RunSettings settings, long from, long to,
      Supplier<BlockTask<R>> workers, OrderedConsumer<R> consumer, AtomicBoolean cancel) {
    int blocks = Math.toIntExact(to - from);
    if (blocks <= 0) {
      return;
    }
    BlockStreams.Pair[] streams = new BlockStreams.Pair[blocks];
    BlockStreams master = BlockStreams.startingAt(settings.seed(), from);
    for (int k = 0; k < blocks; k++) {
      streams[k] = master.next();
    }
    @SuppressWarnings("unchecked")
    R[] ready = (R[]) new Object[blocks];
    Object lock = new Object();
    AtomicLong nextBlock = new AtomicLong();
    AtomicLong consumed = new AtomicLong();
    AtomicBoolean stop = cancel != null ? cancel : new AtomicBoolean();
    int threads = Math.min(settings.threads(), blocks);

    Runnable worker = () -> {
      BlockTask<R> work = workers.get();
      long k;
      while ((k = nextBlock.getAndIncrement()) < blocks) {
        synchronized (lock) {
          while (k - consumed.get() >= AHEAD && !stop.get()) {
            try {
              lock.wait(100);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return;
            }
          }
        }
        if (stop.get()) {
          return;
        }
        R out = work.compute(from + k, streams[(int) k]);
        streams[(int) k] = null;
        synchronized (lock) {
          ready[(int) k] = out;
          lock.notifyAll();
        }
      }
    };
    BlockTask<R> inline = threads > 1 ? null : workers.get();

    ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "absmc-worker");
      t.setDaemon(true);
      return t;
    }) : null;
    List<Future<?>> futures = new ArrayList<>();
    try {
      if (pool != null) {
        for (int i = 0; i < threads; i++) {
          futures.add(pool.submit(worker));
        }
      }
      for (int k = 0; k < blocks; k++) {
        R block;
        if (pool == null) {
          // one thread: compute the block here
          if (stop.get()) {
            throw new CancelledException();
          }
          ready[k] = inline.compute(from + k, streams[k]);
          streams[k] = null;
        }
        synchronized (lock) {
          while ((block = ready[k]) == null) {
            if (stop.get()) {
              throw new CancelledException();
            }
            checkWorkers(futures);
            lock.wait(100);
          }
          ready[k] = null;
        }
        consumer.accept(block);
        synchronized (lock) {
          consumed.incrementAndGet();
          lock.notifyAll();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop.set(true);
      throw new CancelledException();
    } catch (RuntimeException e) {
      stop.set(true);
      throw e;
    } catch (Exception e) {
      stop.set(true);
      throw new IllegalStateException(e.getMessage(), e);
    } finally {
      if (pool != null) {
        stop.compareAndSet(false, consumed.get() < blocks);
        pool.shutdownNow();
      }
    }
  }

  /**
   * Blocks {@code from .. to-1} of a run, computed one at a time on the calling thread as they are
   * asked for: bit for bit the blocks {@link #run} computes, for runs split across machines.
   */
  public static Iterator<BlockResult> blocks(ResolvedDeal deal, RunSettings settings, long from,
      long to) {
    Check.isTrue(0 <= from && from <= to && to <= settings.blocks(),
        "Expected 0 <= 'from' <= 'to' <= " + settings.blocks() + " but found " + from + ", " + to);
    BlockWork work = new BlockWork(deal, new ModelTables(deal), settings, new AtomicLong(), null);
    BlockStreams streams = BlockStreams.startingAt(settings.seed(), from);
    return new Iterator<>() {
      private long next = from;

      @Override
      public boolean hasNext() {
        return next < to;
      }

      @Override
      public BlockResult next() {
        if (next >= to) {
          throw new NoSuchElementException();
        }
        return work.compute(next++, streams.next());
      }
    };
  }

  /** One thread's workspace: computes whole blocks. */
  private static final class BlockWork {
    private final ResolvedDeal deal;
    private final RunSettings settings;
    private final AtomicLong pathsDone;
    private final LongConsumer progress;
    private final PathSampler sampler;
    private final Irr irr;

    BlockWork(ResolvedDeal deal, ModelTables tables, RunSettings settings, AtomicLong pathsDone,
        LongConsumer progress) {
      this.deal = deal;
      this.settings = settings;
      this.pathsDone = pathsDone;
      this.progress = progress;
      this.sampler = new PathSampler(deal, tables, settings.granularity(),
          settings.importance());
      this.irr = new Irr(deal.periods);
    }

    BlockResult compute(long block, BlockStreams.Pair streams) {
      long first = block * RunSettings.BLOCK_SIZE;
      int n = (int) Math.min(RunSettings.BLOCK_SIZE, settings.paths() - first);
      BlockResult out = new BlockResult(block, n, deal,
          settings.importance().defensiveShare());
      sampler.startBlock(streams);
      for (int i = 0; i < n; i++) {
        out.record(i, deal, sampler.next(), irr, sampler.weight());
      }
      long done = pathsDone.addAndGet(n);
      if (progress != null) {
        progress.accept(done);
      }
      return out;
    }
  }

  /** Rethrows a worker's failure on the calling thread. */
  private static void checkWorkers(List<Future<?>> futures) throws InterruptedException {
    for (Future<?> f : futures) {
      if (f.isDone()) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          Throwable cause = e.getCause();
          throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
        }
      }
    }
  }
}
