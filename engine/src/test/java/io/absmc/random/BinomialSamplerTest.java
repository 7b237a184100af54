package io.absmc.random;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Chi-square goodness of fit of {@link BinomialSampler} against Commons Statistics' binomial
 * distribution, in both regimes (inversion below a mean of 10, BTRD above, with means just above
 * 10 where BTRD's rejection steps matter most) and for p above 1/2. Each case draws 200,000
 * values with a fixed seed; cells with an expected count below 10 are pooled into the tails. The fit is rejected at a p-value below 1e-4: a sampler that is wrong by a few
 * percent in any region fails by orders of magnitude.
 */
class BinomialSamplerTest {

  private static final int DRAWS = 200_000;

  @ParameterizedTest(name = "n={0}, p={1}")
  @CsvSource({
      "1, 0.3", "10, 0.3", "100, 0.05", "59, 0.5", "1000, 0.01", "1000, 0.03", "1000, 0.2",
      "20, 0.5", "200, 0.05", "1000, 0.011", "600, 0.04", "5000, 0.0062", "21, 0.48",
      "40, 0.9", "2000, 0.985", "100000, 0.6", "1000000, 0.001", "1000000, 0.3",
      "3000000000, 0.00002"})
  void matchesTheBinomialDistribution(long n, double p) {
    UniformRandomProvider rng = new XoRoShiRo128PlusPlus(n * 31 + 7, Double.doubleToLongBits(p));
    long[] draws = new long[DRAWS];
    for (int i = 0; i < DRAWS; i++) {
      draws[i] = BinomialSampler.sample(rng, n, p);
      assertThat(draws[i]).isBetween(0L, n);
    }
    assertThat(pValue(draws, n, p)).isGreaterThan(1e-4);
  }

  /** The probability changes at every draw: each stream of draws still fits its own distribution. */
  @Test
  void probabilityMayChangeAtEveryDraw() {
    UniformRandomProvider rng = new XoRoShiRo128PlusPlus(1, 2);
    long[] a = new long[DRAWS];
    long[] b = new long[DRAWS];
    for (int i = 0; i < DRAWS; i++) {
      a[i] = BinomialSampler.sample(rng, 5000, 0.02);
      b[i] = BinomialSampler.sample(rng, 5000, 0.0013);
    }
    assertThat(pValue(a, 5000, 0.02)).isGreaterThan(1e-4);
    assertThat(pValue(b, 5000, 0.0013)).isGreaterThan(1e-4);
  }

  @Test
  void edgeProbabilitiesAreExact() {
    UniformRandomProvider rng = new XoRoShiRo128PlusPlus(3, 4);
    assertThat(BinomialSampler.sample(rng, 100, 0)).isZero();
    assertThat(BinomialSampler.sample(rng, 100, 1)).isEqualTo(100);
    assertThat(BinomialSampler.sample(rng, 0, 0.5)).isZero();
  }

  @Test
  void aWrongSamplerIsRejected() {
    // the test's power: draws from Binomial(1000, 0.21) judged against p = 0.2
    UniformRandomProvider rng = new XoRoShiRo128PlusPlus(5, 6);
    long[] draws = new long[DRAWS];
    for (int i = 0; i < DRAWS; i++) {
      draws[i] = BinomialSampler.sample(rng, 1000, 0.21);
    }
    assertThat(pValue(draws, 1000, 0.2)).isLessThan(1e-10);
  }

  /** Pearson's chi-square p-value of the draws against Binomial(n, p), tails pooled. */
  static double pValue(long[] draws, long n, double p) {
    BinomialDistribution dist = BinomialDistribution.of(Math.toIntExact(Math.min(n, Integer.MAX_VALUE)), p);
    double mean = n * p;
    double sd = Math.sqrt(n * p * (1 - p));
    long lo = Math.max(0, (long) Math.floor(mean - 8 * sd - 2));
    long hi = Math.min(n, (long) Math.ceil(mean + 8 * sd + 2));
    // cells: (-inf, c0], (c0, c1], ... with expected count >= 10 each
    List<long[]> cells = new ArrayList<>();
    long start = lo;
    double acc = cdf(dist, n, p, lo - 1);
    for (long x = lo; x <= hi; x++) {
      double upTo = cdf(dist, n, p, x);
      if ((upTo - acc) * draws.length >= 10 && (1 - upTo) * draws.length >= 10) {
        cells.add(new long[] {start, x});
        start = x + 1;
        acc = upTo;
      }
    }
    cells.add(new long[] {start, n});
    double chi2 = 0;
    double previous = 0;
    for (int c = 0; c < cells.size(); c++) {
      long[] cell = cells.get(c);
      long from = c == 0 ? 0 : cell[0];
      double upper = c == cells.size() - 1 ? 1 : cdf(dist, n, p, cell[1]);
      double expected = (upper - previous) * draws.length;
      previous = upper;
      long observed = 0;
      for (long d : draws) {
        if (d >= from && d <= cell[1]) {
          observed++;
        }
      }
      chi2 += (observed - expected) * (observed - expected) / expected;
    }
    int df = cells.size() - 1;
    return df <= 0 ? 1 : ChiSquaredDistribution.of(df).survivalProbability(chi2);
  }

  /** P(X <= x) by Commons Statistics, or by the normal approximation where n exceeds an int. */
  private static double cdf(BinomialDistribution dist, long n, double p, long x) {
    if (x < 0) {
      return 0;
    }
    if (n <= Integer.MAX_VALUE) {
      return dist.cumulativeProbability(Math.toIntExact(x));
    }
    // n beyond int: Poisson(np) is exact to O(p) here; use Commons Statistics' Poisson
    return org.apache.commons.statistics.distribution.PoissonDistribution.of(n * p)
        .cumulativeProbability(Math.toIntExact(x));
  }
}
