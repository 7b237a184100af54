package io.absmc.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The event probability over an exposure, 1 - exp(-h d), against {@code Math.expm1}. */
class ProbabilityTest {

  @Test
  void seriesAgreesWithExpm1ToTheLastBits() {
    for (int days = 1; days <= 31; days++) {
      for (double h = 1e-12; h < 1; h *= 1.07) {
        double exact = -Math.expm1(-h * days);
        assertThat(ResolvedDeal.probability(h * days))
            .as("h=%s d=%d", h, days)
            .isCloseTo(exact, org.assertj.core.api.Assertions.within(2 * Math.ulp(exact)));
      }
    }
  }

  @Test
  void edgeHazards() {
    assertThat(ResolvedDeal.probability(0)).isZero();
    assertThat(ResolvedDeal.probability(Double.POSITIVE_INFINITY)).isEqualTo(1);
  }
}
