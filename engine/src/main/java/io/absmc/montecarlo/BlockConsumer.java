package io.absmc.montecarlo;

/**
 * Receives a run's blocks in block order (path order), on the thread that started the run. Used by
 * the statistics, the path writer and collectors; several can be chained with {@link #andThen}.
 */
@FunctionalInterface
public interface BlockConsumer {

  /** Takes the next block; may throw to abort the run. */
  void accept(BlockResult block) throws Exception;

  /** This consumer, then another. */
  default BlockConsumer andThen(BlockConsumer next) {
    return b -> {
      accept(b);
      next.accept(b);
    };
  }
}
