package io.absmc.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;

import io.absmc.resolve.ResolvedDeal;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The three granularities are one model: they agree where they should and converge where they must. */
class GranularityTest {

  /**
   * On a homogeneous pool, drawing loan by loan and drawing a cohort's count from the binomial are
   * the same distribution: the pool loss mean, 95% and 99% quantiles agree within 3 standard
   * errors (independent seeds; quantile s.e. from the order statistics' binomial spread).
   */
  @Test
  void loanAndCohortModesAgreeOnAHomogeneousPool() {
    ResolvedDeal deal = StaticPools.pool(0.02, 0.15, 500);
    int paths = 120_000;
    PathResults loan = StaticPools.run(deal, paths, 51, Granularity.LOAN);
    PathResults cohort = StaticPools.run(deal, paths, 52, Granularity.COHORT);

    double ml = Stats.mean(loan.poolDefaultRate);
    double mc = Stats.mean(cohort.poolDefaultRate);
    double se = Math.hypot(Stats.sd(loan.poolDefaultRate, ml), Stats.sd(cohort.poolDefaultRate, mc)) / Math.sqrt(paths);
    assertThat(Math.abs(ml - mc)).as("mean").isLessThan(3 * se);

    for (double alpha : new double[] {0.95, 0.99}) {
      double ql = Stats.quantile(loan.poolDefaultRate, alpha);
      double qc = Stats.quantile(cohort.poolDefaultRate, alpha);
      double qse = Math.hypot(quantileSe(loan.poolDefaultRate, alpha), quantileSe(cohort.poolDefaultRate, alpha));
      assertThat(Math.abs(ql - qc)).as("q%s", alpha).isLessThanOrEqualTo(3 * qse);
    }
  }

  /**
   * Loan by loan, one uniform decides both a loan's default and its prepayment: the joint
   * distribution of defaults and prepayments of the survivors is the cohort mode's two binomials.
   * Over one year at 5% defaults and 30% prepayments (no prepayment volatility), the mean default
   * rate is 5% and the mean prepaid share 95% x 30% = 28.5% in both modes, within 3 standard
   * errors, and the 95% quantiles of both agree.
   */
  @Test
  void loanModeDrawsDefaultsAndPrepaymentsWithTheCohortModesJointLaw() {
    ResolvedDeal deal = StaticPools.custom("asset_correlation: 0.15",
        "annual_default_rate: 0.05\nannual_prepayment_rate: 0.30", 500, StaticPools.WHOLE_POOL,
        "- pay_residual: all");
    int paths = 40_000;
    PathResults loan = StaticPools.run(deal, paths, 61, Granularity.LOAN);
    PathResults cohort = StaticPools.run(deal, paths, 62, Granularity.COHORT);
    for (PathResults r : new PathResults[] {loan, cohort}) {
      double md = Stats.mean(r.poolDefaultRate);
      assertThat(Math.abs(md - 0.05)).as("default rate")
          .isLessThan(3 * Stats.sd(r.poolDefaultRate, md) / Math.sqrt(paths));
      double mp = Stats.mean(r.poolPrepaymentRate);
      assertThat(Math.abs(mp - 0.95 * 0.30)).as("prepayment rate")
          .isLessThan(3 * Stats.sd(r.poolPrepaymentRate, mp) / Math.sqrt(paths));
    }
    double ql = Stats.quantile(loan.poolPrepaymentRate, 0.95);
    double qc = Stats.quantile(cohort.poolPrepaymentRate, 0.95);
    double qse = Math.hypot(quantileSe(loan.poolPrepaymentRate, 0.95),
        quantileSe(cohort.poolPrepaymentRate, 0.95));
    assertThat(Math.abs(ql - qc)).as("prepayment q95").isLessThanOrEqualTo(3 * qse);
  }

  /**
   * With the same seed the systematic factor is the same path by path, so the gap between a
   * cohort-mode pool and its large-pool limit is the idiosyncratic noise alone: its standard
   * deviation shrinks like 1/sqrt(n), about 3.2 times for every tenfold pool.
   */
  @Test
  void cohortModeConvergesToTheLargePoolLimit() {
    double previous = Double.NaN;
    for (int loans : new int[] {1_000, 10_000, 100_000}) {
      ResolvedDeal deal = StaticPools.pool(0.02, 0.15, loans);
      PathResults cohort = StaticPools.run(deal, 20_000, 53, Granularity.COHORT);
      PathResults limit = StaticPools.run(deal, 20_000, 53, Granularity.LARGE_POOL);
      double[] gap = new double[cohort.paths];
      for (int i = 0; i < gap.length; i++) {
        gap[i] = cohort.poolDefaultRate[i] - limit.poolDefaultRate[i];
      }
      double mean = Stats.mean(gap);
      double sd = Stats.sd(gap, mean);
      // E[gap | Z] = 0 and Var[gap] = E[p(Z)(1 - p(Z))] / n <= p / n
      assertThat(sd).isLessThan(Math.sqrt(0.02 / loans) * 1.05);
      assertThat(Math.abs(mean)).isLessThan(4 * sd / Math.sqrt(gap.length));
      if (!Double.isNaN(previous)) {
        assertThat(previous / sd).isBetween(2.8, 3.6);
      }
      previous = sd;
    }
  }

  /**
   * Standard error of an empirical quantile without a density: half the width of the
   * distribution-free interval between the order statistics at ranks N alpha +- sqrt(N alpha (1 -
   * alpha)).
   */
  static double quantileSe(double[] x, double alpha) {
    double[] s = x.clone();
    Arrays.sort(s);
    int n = s.length;
    double spread = Math.sqrt(n * alpha * (1 - alpha));
    int lo = (int) Math.max(0, Math.floor(n * alpha - spread));
    int hi = (int) Math.min(n - 1, Math.ceil(n * alpha + spread));
    return Math.max((s[hi] - s[lo]) / 2, 1e-12);
  }

  /**
   * Loan mode compares the top 53 bits of a draw with an integer threshold instead of the draw as
   * a double with p: the same decisions, draw for draw, as the generator's own nextDouble (two
   * generators on one seed), for probabilities of every size and the doubles nearest them.
   */
  @Test
  void integerThresholdsDecideAsTheDoublesDo() {
    var a = new org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus(7L, 9L);
    var b = new org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus(7L, 9L);
    var pick = new java.util.SplittableRandom(3);
    for (int i = 0; i < 200_000; i++) {
      double p = switch (i % 4) {
        case 0 -> pick.nextDouble();
        case 1 -> Math.pow(10, -12 * pick.nextDouble());
        case 2 -> Math.nextUp(pick.nextDouble());
        default -> 0.5;
      };
      double u = a.nextDouble();
      long m = b.nextLong() >>> 11;
      assertThat(m < MonteCarloDriver.threshold(p)).as("p %s, u %s", p, u).isEqualTo(u < p);
      // the double drawn itself as p: u < u is false, and so must the threshold say
      assertThat(m < MonteCarloDriver.threshold(u)).isFalse();
      assertThat(m < MonteCarloDriver.threshold(Math.nextUp(u))).isTrue();
    }
  }
}
