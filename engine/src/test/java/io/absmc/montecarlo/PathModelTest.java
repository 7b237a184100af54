package io.absmc.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;

import io.absmc.random.Normal;
import io.absmc.resolve.ResolvedDeal;
import org.junit.jupiter.api.Test;

/**
 * The per-path parts of the model on a static single-period large pool (so each path's rates are
 * the model's draws without noise): lognormal default rate, prepayment multiplier and Beta
 * recoveries, each against its distribution within 4 standard errors, and the signs of their
 * dependence on the default factor.
 */
class PathModelTest {

  private static final int PATHS = 200_000;

  private static ResolvedDeal deal(String model, String performance) {
    return StaticPools.custom(model, performance, 100_000, StaticPools.WHOLE_POOL,
        "- pay_residual: all");
  }

  @Test
  void lognormalDefaultRateHasTheBaseMeanAndTheGivenCv() {
    ResolvedDeal d = deal("defaults: lognormal\ndefault_cv: 0.5", "annual_default_rate: 3%");
    PathResults r = StaticPools.run(d, PATHS, 41, Granularity.LARGE_POOL);
    double mean = Stats.mean(r.poolDefaultRate);
    double sd = Stats.sd(r.poolDefaultRate, mean);
    assertThat(Math.abs(mean - 0.03)).isLessThan(4 * 0.015 / Math.sqrt(PATHS));
    assertThat(Math.abs(sd - 0.5 * 0.03)).isLessThan(4 * Stats.sdSe(r.poolDefaultRate, mean));
    // ln(CDR) ~ N(mu, s^2): the 99th percentile is exp(mu + s Phi^-1(0.99))
    double s = Math.sqrt(Math.log(1.25));
    double q99 = Math.exp(Math.log(0.03) - s * s / 2 + s * Normal.quantile(0.99));
    double density = Normal.pdf(Normal.quantile(0.99)) / (s * q99);
    double se = Math.sqrt(0.99 * 0.01 / PATHS) / density;
    assertThat(Math.abs(Stats.quantile(r.poolDefaultRate, 0.99) - q99)).isLessThan(4 * se);
  }

  @Test
  void prepaymentMultiplierHasMeanOneAndFollowsTheDefaultFactor() {
    ResolvedDeal d = deal("asset_correlation: 0.2\nprepayment_volatility: 0.3\nprepayment_correlation: 0.8",
        "annual_default_rate: 2%\nannual_prepayment_rate: 10%");
    PathResults r = StaticPools.run(d, PATHS, 42, Granularity.LARGE_POOL);
    // prepaid share = (1 - D) * 10% * M with E[M] = 1
    double sum = 0;
    for (int i = 0; i < PATHS; i++) {
      sum += r.poolPrepaymentRate[i] / (1 - r.poolDefaultRate[i]) / 0.10;
    }
    double meanMultiplier = sum / PATHS;
    double sdMultiplier = Math.sqrt(Math.exp(0.09) - 1);
    assertThat(Math.abs(meanMultiplier - 1)).isLessThan(4 * sdMultiplier / Math.sqrt(PATHS));
    assertThat(Stats.correlation(r.poolDefaultRate, r.poolPrepaymentRate)).isGreaterThan(0.3);
  }

  @Test
  void betaRecoveriesHaveTheBaseMeanTheGivenSdAndFallWhenDefaultsRise() {
    ResolvedDeal d = deal("asset_correlation: 0.2\nrecovery_sd: 0.15\nrecovery_loading: 0.6",
        "annual_default_rate: 2%\nrecovery_rate: 40%");
    PathResults r = StaticPools.run(d, PATHS, 43, Granularity.LARGE_POOL);
    double[] recovery = new double[PATHS];
    for (int i = 0; i < PATHS; i++) {
      recovery[i] = 1 - r.poolLossRate[i] / r.poolDefaultRate[i];
    }
    double mean = Stats.mean(recovery);
    assertThat(Math.abs(mean - 0.40)).isLessThan(4 * 0.15 / Math.sqrt(PATHS));
    assertThat(Math.abs(Stats.sd(recovery, mean) - 0.15)).isLessThan(4 * Stats.sdSe(recovery, mean));
    assertThat(Stats.correlation(r.poolDefaultRate, recovery)).isLessThan(-0.3);
  }
}
