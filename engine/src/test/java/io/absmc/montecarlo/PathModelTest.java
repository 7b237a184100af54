package io.absmc.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;

import io.absmc.random.Normal;
import io.absmc.resolve.ResolvedDeal;
import io.absmc.scenario.ScenarioLoader;
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
    String yaml = """
        name: static
        calendar:
          closing_date: 2023-01-01
          first_payment_date: 2024-01-01
          legal_final_date: 2024-01-01
        pool:
          model:
        %s
          segments:
            - name: loans
              balance: 100m
              loans: 100000
              term_days: 365
              amortisation: bullet
              annual_rate: 0
              performance:
        %s
        structure:
          plan_size: 100m
          tranches:
            - name: all
              amount: 100m
              payment_months: [1]
        waterfall:
          amortising:
            - pay_residual: all
        """.formatted(model.indent(4).stripTrailing(), performance.indent(8).stripTrailing());
    return ResolvedDeal.resolve(ScenarioLoader.parse(yaml, "static.yaml"));
  }

  @Test
  void lognormalDefaultRateHasTheBaseMeanAndTheGivenCv() {
    ResolvedDeal d = deal("defaults: lognormal\ndefault_cv: 0.5", "annual_default_rate: 3%");
    PathResults r = StaticPools.run(d, PATHS, 41, Granularity.LARGE_POOL);
    double mean = Stats.mean(r.poolDefaultRate);
    double sd = sd(r.poolDefaultRate, mean);
    assertThat(Math.abs(mean - 0.03)).isLessThan(4 * 0.015 / Math.sqrt(PATHS));
    assertThat(Math.abs(sd - 0.5 * 0.03)).isLessThan(4 * sdSe(r.poolDefaultRate, mean));
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
    assertThat(correlation(r.poolDefaultRate, r.poolPrepaymentRate)).isGreaterThan(0.3);
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
    assertThat(Math.abs(sd(recovery, mean) - 0.15)).isLessThan(4 * sdSe(recovery, mean));
    assertThat(correlation(r.poolDefaultRate, recovery)).isLessThan(-0.3);
  }

  static double sd(double[] x, double mean) {
    double s = 0;
    for (double v : x) {
      s += (v - mean) * (v - mean);
    }
    return Math.sqrt(s / (x.length - 1));
  }

  /** Standard error of a sample standard deviation: sqrt((m4 - m2^2) / (4 m2 N)). */
  static double sdSe(double[] x, double mean) {
    double m2 = 0;
    double m4 = 0;
    for (double v : x) {
      double d = v - mean;
      m2 += d * d;
      m4 += d * d * d * d;
    }
    m2 /= x.length;
    m4 /= x.length;
    return Math.sqrt((m4 - m2 * m2) / (4 * m2 * x.length));
  }

  static double correlation(double[] a, double[] b) {
    double ma = Stats.mean(a);
    double mb = Stats.mean(b);
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < a.length; i++) {
      sab += (a[i] - ma) * (b[i] - mb);
      saa += (a[i] - ma) * (a[i] - ma);
      sbb += (b[i] - mb) * (b[i] - mb);
    }
    return sab / Math.sqrt(saa * sbb);
  }
}
