package io.absmc.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.absmc.scenario.ScenarioException;
import org.junit.jupiter.api.Test;

/** The rating mapping of R5 (docs/reference-values.md) on cases worked by hand from the bundled EL table (in percent). */
class IdealizedTableTest {

  private static final IdealizedTable EL = IdealizedTable.bundledExpectedLoss();

  @Test
  void interpolatesLinearlyBetweenWholeYears() {
    // Aa3 at 2.5 years: 0.010120 + 0.5 x (0.017820 - 0.010120) = 0.013970 %
    assertThat(EL.value(3, 2.5)).isCloseTo(0.013970e-2, within(1e-12));
    // EL 0.01% at WAL 2.5: Aaa 0.0005225, Aa1 0.002695, Aa2 0.006325 are below; Aa3 0.01397 is not
    assertThat(EL.rating(0.0001, 2.5)).isEqualTo("Aa3");
  }

  @Test
  void belowOneYearInterpolatesFromZero() {
    // Aaa at half a year: 0.5 x 0.000055 % ; A1 at 0.5: 0.0028875 %
    assertThat(EL.value(0, 0.5)).isCloseTo(0.0000275e-2, within(1e-15));
    // EL 0.002% at WAL 0.5: Aa3 gives 0.00154 %, A1 0.0028875 %: A1
    assertThat(EL.rating(0.00002, 0.5)).isEqualTo("A1");
  }

  @Test
  void beyondTenYearsTheTenYearValueHolds() {
    assertThat(EL.value(0, 14)).isEqualTo(EL.value(0, 10)).isCloseTo(0.0077e-2, within(1e-15));
    assertThat(EL.rating(0.0077e-2, 14)).isEqualTo("Aaa");
  }

  @Test
  void equalityMeetsTheRating() {
    // exactly Aa2's 3-year value: Aa2 (at or above), not Aa3
    assertThat(EL.rating(0.008250e-2, 3)).isEqualTo("Aa2");
    assertThat(EL.rating(Math.nextUp(0.008250e-2), 3)).isEqualTo("Aa3");
  }

  @Test
  void zeroLossIsTheBestAndTooMuchIsBelowTheWorst() {
    assertThat(EL.rating(0, 1.2)).isEqualTo("Aaa");
    assertThat(EL.rating(0.5, 5)).isEqualTo("below Caa");
    assertThat(EL.rating(Double.NaN, 5)).isNull();
  }

  @Test
  void aUsersTableIsCheckedLineByLine() {
    assertThatThrownBy(() -> IdealizedTable.parse("rating,y1,y2,y3,y4,y5,y6,y7,y8,y9,y10\n"
        + "AAA,0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,x\n", "t", "t", "my.csv"))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("my.csv:2: y10: expected a percentage from 0 to 100, found 'x'");
  }
}
