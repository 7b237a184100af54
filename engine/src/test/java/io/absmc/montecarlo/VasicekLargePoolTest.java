package io.absmc.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;

import io.absmc.random.Normal;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * R1 (docs/reference-values.md): the Vasicek large homogeneous pool with LGD 100% and p = 1%. The loss
 * fraction is L = Phi((Phi^-1(p) - sqrt(rho) Z) / sqrt(1 - rho)); in large-pool mode a path's pool
 * default rate is exactly that. Quantiles, standard deviation and a tail probability must match the
 * closed forms (computed outside the project with scipy) within 4 standard errors, fixed seed.
 */
class VasicekLargePoolTest {

  private static final int PATHS = 400_000;
  private static final double K = 4;

  @ParameterizedTest(name = "rho={0}")
  @CsvSource({
      // rho, q99, q99.9, sd, P(L > 10%)
      "0.10, 0.046797, 0.077497, 0.009626, 2.22455e-4",
      "0.20, 0.075251, 0.145525, 0.015457, 4.16039e-3"})
  void poolLossDistributionMatchesTheClosedForm(double rho, double q99, double q999, double sd,
      double tail) {
    // the closed forms restated, so the table is checked too
    assertThat(vasicekQuantile(0.01, rho, 0.99)).isCloseTo(q99, org.assertj.core.data.Offset.offset(5e-7));
    assertThat(vasicekQuantile(0.01, rho, 0.999)).isCloseTo(q999, org.assertj.core.data.Offset.offset(5e-7));

    PathResults r = StaticPools.run(StaticPools.pool(0.01, rho, 100_000), PATHS, 11, Granularity.LARGE_POOL);
    double[] loss = r.poolDefaultRate;

    double[] sorted = loss.clone();
    Arrays.sort(sorted);
    for (double[] qa : new double[][] {{0.99, q99}, {0.999, q999}}) {
      double alpha = qa[0];
      double estimate = Stats.quantile(loss, alpha);
      // asymptotic s.e. of an empirical quantile: sqrt(a (1 - a) / N) / f(q)
      double se = Math.sqrt(alpha * (1 - alpha) / PATHS) / vasicekDensity(0.01, rho, qa[1]);
      assertThat(Math.abs(estimate - qa[1])).as("q%s", alpha).isLessThan(K * se);
    }

    double mean = Stats.mean(loss);
    double sdEstimate = Stats.sd(loss, mean);
    double sdSe = Stats.sdSe(loss, mean);
    assertThat(Math.abs(sdEstimate - sd)).as("sd").isLessThan(K * sdSe);
    assertThat(Math.abs(mean - 0.01)).as("mean").isLessThan(K * sdEstimate / Math.sqrt(PATHS));

    double exceed = Arrays.stream(loss).filter(x -> x > 0.10).count() / (double) PATHS;
    double tailSe = Math.sqrt(tail * (1 - tail) / PATHS);
    assertThat(Math.abs(exceed - tail)).as("P(L > 10%%)").isLessThan(K * tailSe);
  }

  static double vasicekQuantile(double p, double rho, double alpha) {
    return Normal.cdf((Normal.quantile(p) + Math.sqrt(rho) * Normal.quantile(alpha)) / Math.sqrt(1 - rho));
  }

  /** Density of the Vasicek loss distribution. */
  static double vasicekDensity(double p, double rho, double x) {
    double a = Normal.quantile(x);
    double b = Normal.quantile(p);
    double c = Math.sqrt(1 - rho) * a - b;
    return Math.sqrt((1 - rho) / rho) * Math.exp(0.5 * a * a - c * c / (2 * rho));
  }

  /** P(L <= x) of the Vasicek distribution. */
  static double vasicekCdf(double p, double rho, double x) {
    return Normal.cdf((Math.sqrt(1 - rho) * Normal.quantile(x) - Normal.quantile(p)) / Math.sqrt(rho));
  }
}
