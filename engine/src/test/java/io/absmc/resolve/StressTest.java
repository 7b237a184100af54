package io.absmc.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.absmc.TestFiles;
import io.absmc.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

class StressTest {

  @Test
  void parsesRelativeShocks() {
    assertThat(Stress.parse("default=2.0,recovery=0.8,prepay=0.5"))
        .isEqualTo(Stress.multipliers(2.0, 0.8, 0.5));
    assertThat(Stress.parse("default=3")).isEqualTo(Stress.multipliers(3, 1, 1));
  }

  @Test
  void rejectsUnknownKeysAndBadNumbers() {
    assertThatThrownBy(() -> Stress.parse("defaults=2")).hasMessageContaining("unknown key 'defaults'");
    assertThatThrownBy(() -> Stress.parse("default=two")).hasMessageContaining("'two' is not a number");
    assertThatThrownBy(() -> Stress.parse("default=-1")).hasMessageContaining("multiplier >= 0");
  }

  @Test
  void stressMultipliesRatesAndCapsThemAtOne() {
    var scenario = ScenarioLoader.load(TestFiles.path("scenarios/ali-microloan-plan1.yaml"));
    ResolvedDeal base = ResolvedDeal.resolve(scenario);
    ResolvedDeal stressed = ResolvedDeal.resolve(scenario, Stress.multipliers(3, 0.5, 2));
    for (int i = 0; i < base.annualDefaultRate.length; i++) {
      assertThat(stressed.annualDefaultRate[i]).isEqualTo(Math.min(1, 3 * base.annualDefaultRate[i]));
      assertThat(stressed.annualPrepaymentRate[i]).isEqualTo(Math.min(1, 2 * base.annualPrepaymentRate[i]));
    }
    for (int s = 0; s < base.segments; s++) {
      assertThat(stressed.recoveryRate[s]).isEqualTo(0.5 * base.recoveryRate[s]);
    }
    assertThat(ResolvedDeal.resolve(scenario, Stress.multipliers(1000, 1, 1)).annualDefaultRate)
        .containsOnly(1.0);
  }

  @Test
  void revolvingTemplateGetsItsOwnSegmentsWithMultipliers() {
    var text = TestFiles.read("scenarios/ali-microloan-plan1.yaml")
        .replace("    - segment: order_loan\n      share: 40%",
            "    - segment: order_loan\n      share: 40%\n      default_multiplier: 2.5");
    ResolvedDeal d = ResolvedDeal.resolve(ScenarioLoader.parse(text, "x.yaml"));
    assertThat(d.segments).isEqualTo(4);
    assertThat(d.segmentNames[3]).isEqualTo("revolving:order_loan");
    assertThat(d.annualDefaultRate[3 * d.periods]).isEqualTo(0.025);
    assertThat(d.annualDefaultRate[1 * d.periods]).isEqualTo(0.01);
  }
}
