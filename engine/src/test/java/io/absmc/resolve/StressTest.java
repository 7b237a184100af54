package io.absmc.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.absmc.TestFiles;
import io.absmc.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

class StressTest {

  /** Inline shocks use the stress files' keys and forms, read by the stress files' reader. */
  @Test
  void inlineShocksReadLikeAStressFile() {
    StressSet file = StressSet.parse("""
        name: one
        scenarios:
          - name: s
            defaults: {multiplier: 2}
            recovery: {relative: -20%}
            yield: {absolute: -50bp}
            recovery_lag: {absolute: 6}
            front_loading: 0.3
            worst_template_mix: true
        """, "one.yaml");
    StressSet inline = StressSet.inline("defaults=x2, recovery=-20%, yield=-50bp, recovery_lag=+6,"
        + "front_loading=0.3,worst_template_mix=true");
    assertThat(inline.scenarios()).hasSize(1);
    assertThat(inline.scenarios().get(0).stress()).isEqualTo(file.scenarios().get(0).stress());
    assertThat(StressSet.inline("defaults=x3").scenarios().get(0).stress())
        .isEqualTo(Stress.multipliers(3, 1, 1));
  }

  @Test
  void inlineShocksNameWhatCannotBeRead() {
    assertThatThrownBy(() -> StressSet.inline("default=2"))
        .hasMessageContaining("unknown key 'default' (did you mean 'defaults'?)");
    assertThatThrownBy(() -> StressSet.inline("defaults=2"))
        .hasMessageContaining("write x2 (a multiplier), -20% (relative) or -25bp / +6 (absolute)");
    assertThatThrownBy(() -> StressSet.inline("defaults=x-1"))
        .hasMessageContaining("expected 0 <= defaults <= 1000, found -1");
    assertThatThrownBy(() -> StressSet.inline("defaults"))
        .hasMessageContaining("expected key=value");
  }

  /** A stress file, or one of its scenarios by name, in the same option. */
  @Test
  void theOptionTakesAFileOrOneOfItsScenarios() {
    String file = TestFiles.path("scenarios/stress/multiples.yaml").toString();
    assertThat(StressSet.fromOption(file).scenarios()).hasSize(18);
    assertThat(StressSet.fromOption(file + "#defaults-x2_recovery-m20pct").scenarios().get(0)
        .stress()).isEqualTo(StressSet.inline("defaults=x2,recovery=-20%").scenarios().get(0)
        .stress());
    assertThatThrownBy(() -> StressSet.fromOption(file + "#nope"))
        .hasMessageContaining("has no scenario 'nope'");
  }

  @Test
  void stressMultipliesRatesAndCapsThemAtOne() {
    var scenario = ScenarioLoader.load(TestFiles.path("scenarios/ali-microloan-plan1.yaml"));
    ResolvedDeal base = ResolvedDeal.resolve(scenario);
    ResolvedDeal stressed = ResolvedDeal.resolve(scenario, Stress.multipliers(3, 0.5, 2));
    ResolvedDeal extreme = ResolvedDeal.resolve(scenario, Stress.multipliers(1000, 1, 1));
    for (int s = 0; s < base.segments; s++) {
      for (int k = 0; k < base.defaults.length(s); k++) {
        assertThat(stressed.defaults.annualRate(s, k))
            .isEqualTo(Math.min(1, 3 * base.defaults.annualRate(s, k)));
        assertThat(stressed.prepayments.annualRate(s, k))
            .isEqualTo(Math.min(1, 2 * base.prepayments.annualRate(s, k)));
        assertThat(extreme.defaults.annualRate(s, k)).isEqualTo(1.0);
      }
      assertThat(stressed.recoveryRate(s, 0)).isEqualTo(0.5 * base.recoveryRate(s, 0));
    }
  }

  @Test
  void revolvingTemplateGetsItsOwnSegmentsWithMultipliers() {
    var text = TestFiles.read("scenarios/ali-microloan-plan1.yaml")
        .replace("    - segment: order_loan\n      share: 40%",
            "    - segment: order_loan\n      share: 40%\n      default_multiplier: 2.5");
    ResolvedDeal d = ResolvedDeal.resolve(ScenarioLoader.parse(text, "x.yaml"));
    assertThat(d.segments).isEqualTo(4);
    assertThat(d.segmentNames[3]).isEqualTo("revolving:order_loan");
    assertThat(d.defaults.annualRate(3, 0)).isEqualTo(0.025);
    assertThat(d.defaults.annualRate(1, 0)).isEqualTo(0.01);
  }

  /**
   * Front-loading tilts a curve by months on book over the loan's term: Deal A's credit loans (6
   * months, 2% a year) by age under f = 0.5 default at 2% x (1 + 0.5 (1 - 2 (m - 1) / 5)): 3% in
   * month 1, 2.6% in month 2, 1% in month 6 and after; by period the tilt runs over the deal's 18
   * periods, 1.5 in period 1 and 0.5 in period 18.
   */
  @Test
  void frontLoadingTiltsAgeCurvesOverTheLoansTerm() {
    String text = TestFiles.read("scenarios/ali-microloan-plan1.yaml");
    Stress tilt = Stress.NONE.withFrontLoading(0.5);
    ResolvedDeal byAge = ResolvedDeal.resolve(ScenarioLoader.parse(text.replaceFirst(
        "annual_default_rate: 2.0%.*", "annual_default_rate: 2%\n        curves_by: months_on_book"),
        "x.yaml"), tilt);
    assertThat(byAge.defaults.annualRate(0, 0)).isCloseTo(0.03, within(1e-15));
    assertThat(byAge.defaults.annualRate(0, 1)).isCloseTo(0.026, within(1e-15));
    assertThat(byAge.defaults.annualRate(0, 5)).isCloseTo(0.01, within(1e-15));
    assertThat(byAge.defaults.annualRate(0, 6)).isCloseTo(0.01, within(1e-15));
    ResolvedDeal byPeriod = ResolvedDeal.resolve(ScenarioLoader.parse(text, "x.yaml"), tilt);
    assertThat(byPeriod.periods).isEqualTo(18);
    assertThat(byPeriod.defaults.annualRate(0, 0)).isCloseTo(0.03, within(1e-15));
    assertThat(byPeriod.defaults.annualRate(0, 17)).isCloseTo(0.01, within(1e-15));
  }

  /**
   * The agency-style stresses on Deal A: fees x1.5 (management 0.5% -> 0.75%, custody 0.03% ->
   * 0.045%, the guarantee's 2% -> 3%); recovery lag +6 (credit loans' 6 months -> 12: a default in
   * period 1, charged off 90 days after the cut-off date in collection period 3, to Sep 30, recovers
   * in period 15, not 9); and every loan
   * bought while revolving a credit loan, the kind with the higher default rate (2% against 1%).
   */
  @Test
  void feesRecoveryLagAndWorstTemplateMix() {
    var scenario = ScenarioLoader.load(TestFiles.path("scenarios/ali-microloan-plan1.yaml"));
    StressSet set = StressSet.parse("""
        name: agency
        scenarios:
          - name: s
            fees: {multiplier: 1.5}
            recovery_lag: {absolute: 6}
            worst_template_mix: true
            lifetime_default_multiplier: 2.5
        """, "agency.yaml");
    Stress stress = set.scenarios().get(0).stress();
    assertThat(stress.toString())
        .isEqualTo("fees +50.00%, recovery lag +6 months, worst template mix,"
            + " lifetime defaults x2.5");
    assertThat(stress.lifetimeDefaults()).isEqualTo(2.5);
    ResolvedDeal base = ResolvedDeal.resolve(scenario);
    ResolvedDeal d = ResolvedDeal.resolve(scenario, stress);
    assertThat(d.feeAnnualRate).containsExactly(new double[] {0.0075, 0.00045, 0.03},
        within(1e-15));
    assertThat(base.recoveryPeriod[0]).isEqualTo(2 + 6);
    assertThat(d.recoveryPeriod[0]).isEqualTo(2 + 12);
    assertThat(base.templateShare).containsExactly(0.6, 0.4);
    assertThat(d.templateShare).containsExactly(1.0, 0.0);
    assertThat(d.segmentNames[d.templateSegment[0]]).isEqualTo("revolving:credit_loan");
  }
}
