package io.absmc.benchmarks;

import io.absmc.random.Normal;
import java.util.concurrent.TimeUnit;
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
 * The Vasicek conditional cumulative default probability of a vintage to an age, computed once a
 * path for each distinct point it reaches: Phi((q + sqrt(rho) X) / sqrt(1 - rho)), q the normal quantile
 * of the base cumulative probability (tabulated per run). X cycles through 64 standard normal
 * quantiles. Score: nanoseconds per evaluation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ConditionalDefaultBenchmark {

  /** Annual default rate, turned into a base cumulative probability over a month. */
  @Param({"0.01", "0.2"})
  public double annualRate;

  @Param({"0.12"})
  public double rho;

  private double quantile;
  private double sqrtRho;
  private double sqrtOneMinusRho;
  private final double[] z = new double[64];
  private int i;

  @Setup
  public void setUp() {
    double monthly = 1 - Math.pow(1 - annualRate, 31 / 365.0);
    quantile = Normal.quantile(monthly);
    sqrtRho = Math.sqrt(rho);
    sqrtOneMinusRho = Math.sqrt(1 - rho);
    for (int k = 0; k < z.length; k++) {
      z[k] = Normal.quantile((k + 0.5) / z.length);
    }
  }

  @Benchmark
  public double cumulative() {
    i = (i + 1) & 63;
    return Normal.cdf((quantile + sqrtRho * z[i]) / sqrtOneMinusRho);
  }
}
