package io.absmc.random;

import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;

/**
 * Random streams by block of paths, derived from one master seed and the block index alone, never
 * from a thread: block k's generators are the master generators advanced by k jumps of 2^64 draws
 * (xoroshiro128++, Blackman and Vigna 2019, via Commons RNG), so the streams of different blocks
 * never overlap and a run gives the same numbers on any number of threads or machines.
 *
 * <p>Each block has two streams: a <em>systematic</em> one for the path-level factors (the
 * economy: systematic default factors, per-path multipliers) and an <em>idiosyncratic</em> one for
 * the loan-level draws. Because the systematic draws do not depend on how many loans or cohorts a
 * pool has, two runs with the same seed see the same economy path by path, whatever the
 * granularity or stress (common random numbers).
 *
 * <p>Not thread-safe: one instance hands out streams in block order, from block 0 or from any
 * block ({@link #startingAt}, which costs k jumps).
 */
public final class BlockStreams {

  /** The two generators of one block. */
  public record Pair(XoRoShiRo128PlusPlus systematic, XoRoShiRo128PlusPlus idiosyncratic) {
  }

  private final long seed;
  private final XoRoShiRo128PlusPlus systematic;
  private final XoRoShiRo128PlusPlus idiosyncratic;
  private long nextBlock;

  public BlockStreams(long seed) {
    this.seed = seed;
    SplitMix64 mix = new SplitMix64(seed);
    this.systematic = new XoRoShiRo128PlusPlus(mix.nextLong(), mix.nextLong());
    this.idiosyncratic = new XoRoShiRo128PlusPlus(mix.nextLong(), mix.nextLong());
  }

  /** The master seed. */
  public long seed() {
    return seed;
  }

  /** The generator's name, for provenance. */
  public static String generator() {
    return "XO_RO_SHI_RO_128_PP (jump per block), seeded by SPLIT_MIX_64";
  }

  /** The streams of the next block (blocks 0, 1, 2, ... in order). */
  public Pair next() {
    nextBlock++;
    return new Pair((XoRoShiRo128PlusPlus) systematic.jump(),
        (XoRoShiRo128PlusPlus) idiosyncratic.jump());
  }

  /** Streams whose {@link #next()} is block {@code k}'s (k jumps). */
  public static BlockStreams startingAt(long seed, long k) {
    BlockStreams s = new BlockStreams(seed);
    for (long i = 0; i < k; i++) {
      s.systematic.jump();
      s.idiosyncratic.jump();
    }
    s.nextBlock = k;
    return s;
  }
}
