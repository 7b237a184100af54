package io.absmc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Cohorts created by revolving purchases are merged by kind and purchase day, and dead ones are
 * dropped, so their number is bounded by the kinds' terms in days however long the deal revolves.
 */
class CohortBoundTest {

  private static String deal(String legalFinal, int lastRevolvingPeriod) {
    String segments = """
        - name: order_loan
          balance: 40m
          average_balance: 3000
          term_days: 57
          seasoning_days: 20
          amortisation: bullet
          annual_rate: 18%
          performance:
            annual_default_rate: 1%
        - name: credit_loan
          balance: 60m
          average_balance: 9000
          term_months: 12
          seasoning_days: 45
          amortisation: level_payment
          annual_rate: 18%
          performance:
            annual_default_rate: 2%
            annual_prepayment_rate: 20%
        """;
    String revolving = """
        revolving:
          last_period: %d
          template:
            - segment: order_loan
              share: 40%%
            - segment: credit_loan
              share: 60%%
        """.formatted(lastRevolvingPeriod);
    return Deals.singleSegment(segments, revolving, legalFinal, Deals.REINVEST_THEN_PASS_THROUGH);
  }

  @Test
  void cohortsStayBoundedOverTenYearsOfRevolving() {
    PathRecord twoYears = Deals.expected(deal("2026-02-01", 24)).record();
    PathRecord tenYears = Deals.expected(deal("2034-02-01", 120)).record();
    // at most one cohort per kind and purchase day within a term: 57 + 365 days, plus the initial two
    int bound = 57 + 365 + 2;
    assertThat(tenYears.peakCohorts).isLessThanOrEqualTo(bound);
    // and it does not grow with the horizon once the pool has turned over
    assertThat(tenYears.peakCohorts).isLessThanOrEqualTo(twoYears.peakCohorts + 31);
    assertThat(twoYears.peakCohorts).isGreaterThan(10);
  }
}
