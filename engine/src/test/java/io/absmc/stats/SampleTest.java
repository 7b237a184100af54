package io.absmc.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Expected shortfall averages exactly the worst tail, and quantile intervals by hand. */
class SampleTest {

  /**
   * 1,001 values 1..1001: the worst 1% is 10.01 paths' worth, the ten values 992..1001 and 0.01 of
   * the value 991, so ES 99% = (9,965 + 9.91) / 10.01, not the mean of the eleven values from 991.
   */
  @Test
  void expectedShortfallTakesTheBoundaryPathInPart() {
    Sample s = new Sample(1001);
    for (int v = 1001; v >= 1; v--) {
      s.add(v);
    }
    double expected = (9965 + 0.01 * 991) / 10.01;
    assertThat(s.expectedShortfall(0.99)).isCloseTo(expected, within(1e-9));
    Sample even = new Sample(1000);
    for (int v = 1; v <= 1000; v++) {
      even.add(v);
    }
    assertThat(even.expectedShortfall(0.99)).isCloseTo(995.5, within(1e-9));
  }

  /**
   * Weighted: values 1..4 with weights 1, 1, 1, 5 (total 8). The worst 25% is weight 2, all of it
   * the value 4, so ES 75% = 4; the worst 70% is weight 5.6: 5 of the value 4 and 0.6 of the 3.
   */
  @Test
  void weightedExpectedShortfallIsExactToo() {
    Sample s = new Sample(4);
    s.add(1, 1);
    s.add(2, 1);
    s.add(3, 1);
    s.add(4, 5);
    assertThat(s.expectedShortfall(0.75)).isCloseTo(4, within(1e-12));
    assertThat(s.expectedShortfall(0.30)).isCloseTo((5 * 4 + 0.6 * 3) / 5.6, within(1e-6));
  }

  /**
   * Without weights the median's interval of 10,000 values 1..10,000 is the values at ranks
   * 10,000 (0.5 -/+ 1.96 x 0.005): 4,902 to 5,098.
   */
  @Test
  void quantileIntervalIsTheOrderStatisticsInterval() {
    Sample s = new Sample(10_000);
    for (int v = 1; v <= 10_000; v++) {
      s.add(v);
    }
    Interval95.Interval i = s.quantileInterval(0.5);
    assertThat(i.low()).isEqualTo(4902);
    assertThat(i.high()).isEqualTo(5098);
  }
}
