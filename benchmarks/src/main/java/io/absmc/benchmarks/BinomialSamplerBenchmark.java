package io.absmc.benchmarks;

import io.absmc.random.BinomialSampler;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One binomial draw with a probability that changes at every draw, as the cohort engine needs:
 * the probabilities cycle through 64 values spread over a factor of 4 around {@code meanP}. With
 * {@code logKnown} the caller passes log(1 - p), as the engine does for its windows (so inversion
 * takes no logarithm). Score: nanoseconds per draw.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BinomialSamplerBenchmark {

  @Param({"10", "1000", "100000", "1000000"})
  public long n;

  @Param({"0.001", "0.02"})
  public double meanP;

  @Param({"false", "true"})
  public boolean logKnown;

  private XoRoShiRo128PlusPlus rng;
  private final double[] p = new double[64];
  private final double[] log1mp = new double[64];
  private int i;

  @Setup
  public void setUp() {
    rng = new XoRoShiRo128PlusPlus(12345, 67890);
    for (int k = 0; k < p.length; k++) {
      p[k] = meanP * (0.5 + 1.5 * k / (p.length - 1.0));
      log1mp[k] = logKnown ? Math.log1p(-p[k]) : Double.NaN;
    }
  }

  @Benchmark
  public long draw() {
    i = (i + 1) & 63;
    return BinomialSampler.sample(rng, n, p[i], log1mp[i]);
  }
}
