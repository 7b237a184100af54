package io.absmc.cashflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Printed probabilities keep their size, however small. */
class FormatTest {

  @Test
  void probabilitiesKeepThreeSignificantDigits() {
    assertThat(Format.significant(0.125)).isEqualTo("12.50%");
    assertThat(Format.significant(0.005)).isEqualTo("0.500%");
    assertThat(Format.significant(1.1e-5)).isEqualTo("0.00110%");
    assertThat(Format.significant(1.8443e-4)).isEqualTo("0.0184%");
    assertThat(Format.significant(1.8e-20)).isEqualTo("1.80e-18%");
    assertThat(Format.significant(0)).isEqualTo("0%");
    assertThat(Format.significant(Double.NaN)).isEqualTo("-");
    assertThat(Format.significantRange(0, 1.8443e-4)).isEqualTo("0% - 0.0184%");
  }
}
