package io.absmc.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** A roll-rate matrix's derived quantities, computed by hand. */
class RollRatesTest {

  /** The example's credit-loan matrix (scenarios/examples/ali-microloan-roll-rates.yaml). */
  private static RollRates example(double fall) {
    double[][] leaving = new double[RollRates.LIVE][RollRates.STATES];
    leaving[0][1] = fall;
    leaving[1][0] = 0.55;
    leaving[1][2] = 0.40;
    leaving[2][0] = 0.30;
    leaving[2][3] = 0.60;
    leaving[3][0] = 0.15;
    leaving[3][4] = 0.75;
    leaving[4][0] = 0.05;
    leaving[4][5] = 0.90;
    return RollRates.leaving(leaving);
  }

  /**
   * Absorption in charged off, backwards from 91+: a4 = 0.90 / (1 - 0.05) = 0.947368; a3 = 0.75 a4
   * / (1 - 0.10) = 0.789474; a2 = 0.60 a3 / (1 - 0.10) = 0.526316; a1 = 0.40 a2 / (1 - 0.05) =
   * 0.221607. A current loan falling past due with 0.75% is charged off with 0.75% x 0.221607 =
   * 0.166205% per due date.
   */
  @Test
  void chargeOffPerDueDateIsTheFallTimesTheAbsorption() {
    assertThat(example(0.0075).chargeOffPerDueDate()).isCloseTo(0.0075 * 0.2216066,
        within(1e-9));
  }

  /** Stresses scale the rates from current in proportion, their sum capped at 1; the rest stays. */
  @Test
  void entryScalingKeepsTheRowAndCapsAtOne() {
    RollRates r = example(0.2).entryScaled(3);
    assertThat(r.probability(0, 1)).isCloseTo(0.6, within(1e-12));
    assertThat(r.probability(0, 0)).isCloseTo(0.4, within(1e-12));
    assertThat(r.probability(1, 2)).isEqualTo(0.40);
    RollRates capped = example(0.2).entryScaled(10);
    assertThat(capped.probability(0, 1)).isCloseTo(1, within(1e-12));
    assertThat(capped.probability(0, 0)).isCloseTo(0, within(1e-12));
  }
}
