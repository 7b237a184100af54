package io.absmc.cashflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.absmc.montecarlo.StaticPools;
import io.absmc.rating.TargetDefaultRates;
import io.absmc.resolve.Shock;
import io.absmc.resolve.Stress;
import io.absmc.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Break-even default rates worked by hand, and the ratings of R5 (docs/reference-values.md). The pool: 100m
 * of one-year bullet loans paying no interest, everything collected on the one payment date, so a
 * tranche of S senior to the rest is paid in full while the cash, 100m x (1 - D) + recoveries, is
 * at least what it is owed.
 */
class BreakEvenTest {

  private static Scenario pool(String seniorCoupon, double recovery) {
    return StaticPools.deal(0.02, 0.1, recovery, 10_000, """
        - name: senior
          amount: 80m
          coupon: %s
          payment_months: [1]
        - name: junior
          amount: 20m
          payment_months: [1]
        """.formatted(seniorCoupon), """
        - pay_interest: [senior]
        - pay_principal: [senior]
        - pay_residual: junior
        """).scenario;
  }

  /** Owed 80m: 100 (1 - D) >= 80 while D <= 20%, a multiplier of 10 on the 2% base rate. */
  @Test
  void seniorOfEightyBreaksEvenAtTwentyPercent() {
    BreakEven.Result r = BreakEven.of(pool("0", 0), Stress.NONE, 0);
    assertThat(r.criticalDefaultRate()).isCloseTo(0.20, within(1e-5));
    assertThat(r.criticalMultiplier()).isCloseTo(10, within(1e-3));
    assertThat(r.neverLoses()).isFalse();
  }

  /**
   * On a pool with one horizon both scalings find the same critical default rate: scaling the
   * annual rates also stops at 20% defaulted.
   */
  @Test
  void annualRateScalingFindsTheSameRateOnOneHorizon() {
    BreakEven.Result annual = BreakEven.of(pool("0", 0), Stress.NONE, 0,
        BreakEven.Scaling.ANNUAL_RATES);
    assertThat(annual.criticalDefaultRate()).isCloseTo(0.20, within(1e-5));
  }

  /** Owed 80m plus a year at 5%, 84m: D <= 16%. */
  @Test
  void aCouponLowersTheBreakEven() {
    assertThat(BreakEven.of(pool("5%", 0), Stress.NONE, 0).criticalDefaultRate())
        .isCloseTo(0.16, within(1e-5));
  }

  /** Recovery 60% stressed down by half to 30%: 100 (1 - 0.7 D) >= 80 while D <= 2/7. */
  @Test
  void theStressOfTheScenarioApplies() {
    Stress recoveryHalved = Stress.NONE.withRecovery(Shock.relative(-0.5));
    assertThat(BreakEven.of(pool("0", 0.6), recoveryHalved, 0).criticalDefaultRate())
        .isCloseTo(2.0 / 7, within(1e-5));
    // a default shock of the scenario is where the multiplier starts: the same rate is critical
    Stress doubled = recoveryHalved.withDefaults(Shock.multiplier(2));
    BreakEven.Result r = BreakEven.of(pool("0", 0.6), doubled, 0);
    assertThat(r.criticalDefaultRate()).isCloseTo(2.0 / 7, within(1e-5));
    assertThat(r.criticalMultiplier()).isCloseTo(2.0 / 7 / 0.04, within(1e-3));
  }

  /**
   * A junior tranche taking everything left loses as soon as defaults cost it half a cent: a pool
   * default rate of 0.005 / 100m = 5e-11.
   */
  @Test
  void aResidualClassBreaksEvenAtAlmostZero() {
    assertThat(BreakEven.of(pool("0", 0), Stress.NONE, 1).criticalDefaultRate())
        .isCloseTo(5e-11, within(1e-12));
  }

  /** R5: base CDR 3%, minimum critical 12.0%: AA- (TDR 11.1% <= 12.0% < 12.3%). */
  @Test
  void stressMultiplierMethodGivesTheWorkedExample() {
    TargetDefaultRates t = TargetDefaultRates.multipliers(0.03);
    assertThat(t.rating(0.12)).isEqualTo("AA-");
    assertThat(t.rating(0.123)).isEqualTo("AA");
    assertThat(t.rating(0.15)).isEqualTo("AAA");
    assertThat(t.rating(0.03)).isEqualTo("below BB-");
  }

  /** R5: E[CDR] = 3%, sigma = 0.5: TDR AAA 12.41%, AA 8.47%, A 6.88%, BBB 6.03%. */
  @Test
  void lognormalMethodGivesTheReferenceTargets() {
    double mu = Math.log(0.03) - 0.5 * 0.5 * 0.5;
    TargetDefaultRates t = TargetDefaultRates.lognormal(mu, 0.5);
    assertThat(t.targets()[t.ratings().indexOf("AAA")]).isCloseTo(0.1241, within(0.00005));
    assertThat(t.targets()[t.ratings().indexOf("AA")]).isCloseTo(0.0847, within(0.00005));
    assertThat(t.targets()[t.ratings().indexOf("A")]).isCloseTo(0.0688, within(0.00005));
    assertThat(t.targets()[t.ratings().indexOf("BBB")]).isCloseTo(0.0603, within(0.00005));
    assertThat(t.rating(0.09)).isEqualTo("AA");
    double[] fitted = TargetDefaultRates.lognormalParameters(0.03, 0.03 * Math.sqrt(Math.exp(0.25) - 1));
    assertThat(fitted[0]).isCloseTo(mu, within(1e-12));
    assertThat(fitted[1]).isCloseTo(0.5, within(1e-12));
  }
}
