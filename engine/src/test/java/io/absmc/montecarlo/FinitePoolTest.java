package io.absmc.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;

import io.absmc.resolve.ResolvedDeal;
import org.junit.jupiter.api.Test;

/**
 * R2 (docs/reference-values.md): m = 1,000 obligors, p = 1%, rho = 0.2, unit exposures, LGD 100%. D, the
 * number of defaults, has P(D > 50) = 2.830394e-2, P(D > 100) = 4.269790e-3, P(D > 150) =
 * 9.065159e-4 (scipy, integrating the binomial over the factor). The large-pool approximation gives
 * 2.7928e-2 / 4.1604e-3 / 8.770e-4: an engine that returns those for 1,000 loans has lost the
 * idiosyncratic part. Tolerance: 4 standard errors, fixed seeds.
 */
class FinitePoolTest {

  private static final double K = 4;
  private static final double[] THRESHOLDS = {50, 100, 150};
  private static final double[] FINITE = {2.830394e-2, 4.269790e-3, 9.065159e-4};
  private static final double[] LHP = {2.7928e-2, 4.1604e-3, 8.770e-4};

  private static final ResolvedDeal POOL = StaticPools.pool(0.01, 0.2, 1000);

  private static double exceed(PathResults r, double defaults) {
    double threshold = (defaults + 0.5) / 1000;
    long n = 0;
    for (double x : r.poolDefaultRate) {
      if (x > threshold) {
        n++;
      }
    }
    return n / (double) r.paths;
  }

  @Test
  void cohortModeReproducesTheFinitePoolTails() {
    assertFinitePoolTails(StaticPools.run(POOL, 1_000_000, 21, Granularity.COHORT));
  }

  @Test
  void loanModeReproducesTheFinitePoolTails() {
    assertFinitePoolTails(StaticPools.run(POOL, 250_000, 22, Granularity.LOAN));
  }

  private static void assertFinitePoolTails(PathResults r) {
    for (int i = 0; i < THRESHOLDS.length; i++) {
      double se = Math.sqrt(FINITE[i] * (1 - FINITE[i]) / r.paths);
      assertThat(Math.abs(exceed(r, THRESHOLDS[i]) - FINITE[i])).as("P(D > %s)", THRESHOLDS[i])
          .isLessThan(K * se);
    }
  }

  /**
   * With the same seed, cohort and large-pool runs see the same factor path by path, so the paired
   * difference of their tail indicators estimates finite - LHP with little noise: it must be
   * positive (granularity fattens these tails) and match the closed-form difference.
   */
  @Test
  void finitePoolTailsAreFatterThanTheLargePoolLimit() {
    int paths = 2_000_000;
    PathResults finite = StaticPools.run(POOL, paths, 23, Granularity.COHORT);
    PathResults limit = StaticPools.run(POOL, paths, 23, Granularity.LARGE_POOL);
    for (int i = 0; i < 2; i++) {
      double threshold = (THRESHOLDS[i] + 0.5) / 1000;
      double sum = 0;
      double sumSq = 0;
      for (int k = 0; k < paths; k++) {
        double d = (finite.poolDefaultRate[k] > threshold ? 1 : 0)
            - (limit.poolDefaultRate[k] > THRESHOLDS[i] / 1000 ? 1 : 0);
        sum += d;
        sumSq += d * d;
      }
      double mean = sum / paths;
      double se = Math.sqrt((sumSq / paths - mean * mean) / paths);
      double exact = FINITE[i] - LHP[i];
      assertThat(mean).as("finite - LHP above %s defaults", THRESHOLDS[i]).isGreaterThan(2 * se);
      assertThat(Math.abs(mean - exact)).isLessThan(K * se + 1e-5);
    }
  }
}
