package io.absmc.stats;

import static io.absmc.stats.Shipping.shipped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Quantiles, expected shortfall and exceedance of a {@link Distribution} are those of sorting the
 * values, whether it kept them or read them in a second pass.
 */
class DistributionTest {

  private static final double[] LEVELS = {0, 1e-6, 0.05, 0.5, 0.9, 0.99, 0.999, 0.9999, 1};
  private static final Distribution.Wanted WANTED =
      new Distribution.Wanted(LEVELS, new double[] {0.5, 0.99, 0.999}, new double[] {0.5, 0.999});

  /**
   * 1,001 values 1..1001: the worst 1% is 10.01 paths' worth, the ten values 992..1001 and 0.01 of
   * the value 991, so ES 99% = (9,965 + 9.91) / 10.01, not the mean of the eleven values from 991.
   */
  @Test
  void expectedShortfallTakesTheBoundaryPathInPart() {
    double[] x = new double[1001];
    for (int v = 1001; v >= 1; v--) {
      x[1001 - v] = v;
    }
    Distribution.Wanted es = new Distribution.Wanted(new double[0], new double[] {0.99},
        new double[0]);
    double expected = (9965 + 0.01 * 991) / 10.01;
    assertThat(Distribution.of(x, es).expectedShortfall(0.99)).isCloseTo(expected, within(1e-9));
    double[] even = new double[1000];
    for (int v = 1; v <= 1000; v++) {
      even[v - 1] = v;
    }
    assertThat(Distribution.of(even, es).expectedShortfall(0.99)).isCloseTo(995.5, within(1e-9));
  }

  /**
   * Weighted: values 1..4 with weights 1, 1, 1, 5 (total 8). The worst 25% is weight 2, all of it
   * the value 4, so ES 75% = 4; the worst 70% is weight 5.6: 5 of the value 4 and 0.6 of the 3.
   */
  @Test
  void weightedExpectedShortfallIsExactToo() {
    for (boolean keep : new boolean[] {true, false}) {
      Distribution d = new Distribution(keep);
      d.add(1, 1);
      d.add(2, 1);
      d.add(3, 1);
      d.add(4, 5);
      Distribution.Detail pass = d.resolve(new Distribution.Wanted(new double[0],
          new double[] {0.3, 0.75}, new double[0]), null);
      if (pass != null) {
        pass.add(3, 1);
        pass.add(4, 5);
        pass.add(1, 1);
        pass.add(2, 1);
        d.resolve(pass);
      }
      assertThat(d.expectedShortfall(0.75)).isCloseTo(4, within(1e-12));
      assertThat(d.expectedShortfall(0.30)).isCloseTo((5 * 4 + 0.6 * 3) / 5.6, within(1e-12));
    }
  }

  /**
   * Without weights the median's interval of 10,000 values 1..10,000 is the values at ranks
   * 10,000 (0.5 -/+ 1.96 x 0.005): 4,902 to 5,098.
   */
  @Test
  void quantileIntervalIsTheOrderStatisticsInterval() {
    double[] x = new double[10_000];
    for (int v = 1; v <= 10_000; v++) {
      x[v - 1] = v;
    }
    Interval95.Interval i = Distribution.of(x, new Distribution.Wanted(new double[0],
        new double[0], new double[] {0.5})).quantileInterval(0.5);
    assertThat(i.low()).isEqualTo(4902);
    assertThat(i.high()).isEqualTo(5098);
  }

  /** Values with ties, zeros, negatives and NaNs, concentrated so that bins hold many. */
  private static double[][] values(long seed, int n, boolean weighted) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] x = new double[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      double u = r.nextDouble();
      x[i] = u < 0.6 ? 0 : u < 0.62 ? Double.NaN : u < 0.65 ? -r.nextDouble() : u < 0.7 ? 0.25
          : 0.01 + 1e-4 * r.nextGaussian() + (u > 0.99 ? r.nextDouble() : 0);
      w[i] = weighted ? Math.exp(r.nextGaussian()) : 1;
    }
    return new double[][] {x, w};
  }

  @ParameterizedTest(name = "weighted {0}")
  @ValueSource(booleans = {false, true})
  void aSecondPassInPartsGivesTheKeptValuesAnswersBitForBit(boolean weighted) throws Exception {
    double[][] v = values(7, 100_000, weighted);
    double[] x = v[0];
    double[] w = v[1];
    Distribution.Ladder ladder = new Distribution.Ladder(0.05, 200);

    Distribution kept = new Distribution(true);
    for (int i = 0; i < x.length; i++) {
      kept.add(x[i], w[i]);
    }
    assertThat(kept.resolve(WANTED, ladder)).isNull();

    // the first pass in three parts, shipped and merged; the second in other parts, any order
    Distribution counted = new Distribution(false);
    int[] cuts = {0, 1_000, 70_000, x.length};
    for (int c = 0; c + 1 < cuts.length; c++) {
      Distribution part = new Distribution(false);
      for (int i = cuts[c]; i < cuts[c + 1]; i++) {
        part.add(x[i], w[i]);
      }
      counted.merge(shipped(part));
    }
    Distribution.Detail pass = counted.resolve(WANTED, ladder);
    assertThat(pass).isNotNull();
    List<Distribution.Detail> parts = new ArrayList<>();
    for (int c = 0; c < 4; c++) {
      Distribution.Detail part = pass.empty();
      for (int i = c; i < x.length; i += 4) {
        part.add(x[i], w[i]);
      }
      parts.add(shipped(part));
    }
    Collections.reverse(parts);
    for (Distribution.Detail part : parts) {
      pass.merge(part);
    }
    counted.resolve(pass);

    Sorted bySorting = sorted(x, w);
    for (double a : LEVELS) {
      assertThat(counted.quantile(a)).as("q %s", a).isEqualTo(kept.quantile(a));
      assertThat(kept.quantile(a)).as("q %s by sorting", a).isEqualTo(sortedQuantile(bySorting, a));
    }
    for (double a : new double[] {0.5, 0.99, 0.999}) {
      assertThat(counted.expectedShortfall(a)).as("ES %s", a)
          .isEqualTo(kept.expectedShortfall(a));
      assertThat(kept.expectedShortfall(a)).as("ES %s by sorting", a)
          .isCloseTo(sortedShortfall(bySorting, a), within(1e-12));
    }
    for (double a : new double[] {0.5, 0.999}) {
      assertThat(counted.quantileInterval(a)).isEqualTo(kept.quantileInterval(a));
      Interval95.Interval i = kept.quantileInterval(a);
      assertThat(i.low()).isLessThanOrEqualTo(kept.quantile(a));
      assertThat(i.high()).isGreaterThanOrEqualTo(kept.quantile(a));
    }
    for (int k = 0; k <= 200; k++) {
      assertThat(counted.exceedance(k)).isEqualTo(kept.exceedance(k));
      assertThat(kept.exceedance(k)).as("exceedance at edge %d", k)
          .isCloseTo(sortedExceedance(bySorting, ladder.edge(k)), within(1e-12));
    }
    // the test has something to find: values at the levels differ
    assertThat(kept.quantile(0.999)).isGreaterThan(kept.quantile(0.9));
  }

  /**
   * However many paths fall in the bins read, the second pass holds at most one count per
   * distinct float of a bin: 3,000,000 distinct values crowded into a few bins (a WAL that hardly
   * varies) take no more room, shipped, than a bin's 65,536 counts each.
   */
  @Test
  void theSecondPassDoesNotGrowWithThePaths() throws Exception {
    SplittableRandom r = new SplittableRandom(3);
    Distribution counted = new Distribution(false);
    int n = 3_000_000;
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (1.1 + 0.002 * r.nextDouble());
      counted.add(x[i], 1);
    }
    Distribution.Detail pass = counted.resolve(Distribution.Wanted.quantiles(0.05, 0.5, 0.95),
        null);
    for (float v : x) {
      pass.add(v, 1);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(pass);
      out.writeObject(counted);
    }
    // three bins at most, each at most 65,536 (rest, count) pairs of 10 bytes; the first pass's
    // non-empty bins besides
    assertThat(bytes.size()).isLessThan(3 * 65_536 * 10 + 100_000);
    counted.resolve(pass);
    float[] sorted = x.clone();
    java.util.Arrays.sort(sorted);
    assertThat(counted.quantile(0.5)).isEqualTo(sorted[n / 2 - 1]);
  }

  /** A variable no path has (a WAL where nothing was repaid) reads NaN at every level asked. */
  @Test
  void anEmptyDistributionReadsNaN() {
    for (boolean keep : new boolean[] {true, false}) {
      Distribution d = new Distribution(keep);
      d.add(Double.NaN, 1);
      Distribution.Detail pass = d.resolve(WANTED, new Distribution.Ladder(1, 10));
      if (pass != null) {
        pass.add(Double.NaN, 1);
        d.resolve(pass);
      }
      assertThat(d.paths()).isZero();
      assertThat(d.quantile(0.5)).isNaN();
      assertThat(d.expectedShortfall(0.99)).isNaN();
      assertThat(d.quantileInterval(0.999).low()).isNaN();
      assertThat(d.exceedance(3)).isNaN();
    }
  }

  @Test
  void levelsThatWereNotAskedForAreRefused() {
    Distribution d = Distribution.of(new double[] {1, 2, 3}, Distribution.Wanted.quantiles(0.5));
    assertThat(d.quantile(0.5)).isEqualTo(2);
    assertThatThrownBy(() -> d.quantile(0.9)).isInstanceOf(IllegalArgumentException.class);
    Distribution counted = new Distribution(false);
    counted.add(1, 1);
    counted.resolve(Distribution.Wanted.quantiles(0.5), null);
    assertThatThrownBy(() -> counted.quantile(0.5)).isInstanceOf(IllegalStateException.class);
  }

  // ---- the same by sorting, in exact decimal arithmetic ------------------------------------

  private record Pair(float x, float w) {
  }

  /** The values as floats, sorted, with their weights and exact cumulative weights. */
  private record Sorted(List<Pair> p, BigDecimal[] through, BigDecimal total) {
  }

  private static Sorted sorted(double[] x, double[] w) {
    List<Pair> p = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      if (!Double.isNaN(x[i])) {
        p.add(new Pair((float) x[i], (float) w[i]));
      }
    }
    p.sort(Comparator.comparingDouble(Pair::x));
    BigDecimal[] through = new BigDecimal[p.size()];
    BigDecimal t = BigDecimal.ZERO;
    for (int i = 0; i < p.size(); i++) {
      t = t.add(new BigDecimal(p.get(i).w()));
      through[i] = t;
    }
    return new Sorted(p, through, t);
  }

  /** Index of the first value whose cumulative weight reaches alpha of the total. */
  private static int index(Sorted s, double alpha) {
    BigDecimal target = new BigDecimal(alpha * s.total().doubleValue());
    for (int i = 0; i < s.p().size(); i++) {
      if (s.through()[i].compareTo(target) >= 0) {
        return i;
      }
    }
    return s.p().size() - 1;
  }

  private static double sortedQuantile(Sorted s, double alpha) {
    return s.p().get(index(s, alpha)).x();
  }

  private static double sortedShortfall(Sorted s, double alpha) {
    List<Pair> p = s.p();
    int from = index(s, alpha);
    BigDecimal part = s.through()[from]
        .subtract(new BigDecimal(alpha * s.total().doubleValue())).max(BigDecimal.ZERO);
    BigDecimal sum = part.multiply(new BigDecimal(p.get(from).x()));
    BigDecimal mass = part;
    for (int i = from + 1; i < p.size(); i++) {
      BigDecimal wi = new BigDecimal(p.get(i).w());
      sum = sum.add(wi.multiply(new BigDecimal(p.get(i).x())));
      mass = mass.add(wi);
    }
    return mass.signum() == 0 ? p.get(from).x() : sum.divide(mass, MathContext.DECIMAL64)
        .doubleValue();
  }

  private static double sortedExceedance(Sorted s, double edge) {
    BigDecimal above = BigDecimal.ZERO;
    for (Pair q : s.p()) {
      if (q.x() > edge) {
        above = above.add(new BigDecimal(q.w()));
      }
    }
    return above.divide(s.total(), MathContext.DECIMAL64).doubleValue();
  }
}
