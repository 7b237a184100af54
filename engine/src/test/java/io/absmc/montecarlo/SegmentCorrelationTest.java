package io.absmc.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;

import io.absmc.resolve.ResolvedDeal;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Segments with the same base default curve but asset correlations of their own keep their own:
 * with one factor for the deal, each path's large-pool default rate of a pool of two such segments
 * (equal balances) is the mean of the rates the same path gives each segment alone, and its
 * quantiles are those of 0.5 Phi((q + sqrt(0.05) z) / sqrt(0.95)) + 0.5 Phi((q + sqrt(0.4) z) /
 * sqrt(0.6)) at the factor's quantile z, q = Phi^-1(10%) (the rate rises with the factor).
 */
class SegmentCorrelationTest {

  private static final NormalDistribution N = NormalDistribution.of(0, 1);

  private static ResolvedDeal pool(double... rhos) {
    StringBuilder segments = new StringBuilder();
    for (int i = 0; i < rhos.length; i++) {
      segments.append(StaticPools.segment("loans" + i, 100 / rhos.length, 100_000,
          "annual_default_rate: 10%\nasset_correlation: " + rhos[i] + "\nrecovery_rate: 0"));
    }
    return StaticPools.segments("", segments.toString(), StaticPools.R3_TRANCHES,
        StaticPools.R3_WATERFALL);
  }

  private static double[] horizon(ResolvedDeal deal, int paths) {
    double[][] byPeriod = CalendarInvarianceTest.cumulativeDefaults(deal, Granularity.LARGE_POOL,
        paths, 4242);
    return byPeriod[byPeriod.length - 1];
  }

  private static double mixed(double z) {
    double q = N.inverseCumulativeProbability(0.10);
    return 0.5 * N.cumulativeProbability((q + Math.sqrt(0.05) * z) / Math.sqrt(0.95))
        + 0.5 * N.cumulativeProbability((q + Math.sqrt(0.4) * z) / Math.sqrt(0.6));
  }

  @Test
  void eachSegmentKeepsItsOwnCorrelation() {
    int paths = 20_000;
    double[] both = horizon(pool(0.05, 0.4), paths);
    double[] low = horizon(pool(0.05), paths);
    double[] high = horizon(pool(0.4), paths);
    for (int i = 0; i < paths; i++) {
      assertThat(both[i]).as("path %d", i)
          .isCloseTo(0.5 * low[i] + 0.5 * high[i], Offset.offset(1e-12));
    }
    for (double alpha : new double[] {0.5, 0.99}) {
      double z = N.inverseCumulativeProbability(alpha);
      double expected = mixed(z);
      double density = N.density(z) / ((mixed(z + 1e-5) - mixed(z - 1e-5)) / 2e-5);
      double se = Math.sqrt(alpha * (1 - alpha) / paths) / density;
      assertThat(Math.abs(Stats.quantile(both, alpha) - expected)).as("q%s", alpha)
          .isLessThan(3 * se);
    }
  }
}
