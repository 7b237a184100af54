package io.absmc.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.absmc.scenario.DayCount;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Bond interest accrues by the deal's day count on the opening balance of each period. */
class TrancheInterestTest {

  private static final double CENT = 0.005;

  private static String deal(String dayCount) {
    return """
        name: eighty-days
        calendar:
          closing_date: 2024-01-01
          first_payment_date: 2024-03-21
          payment_day: 21
          legal_final_date: 2024-05-21
          day_count: %s
        pool:
          segments:
            - name: loans
              balance: 100m
              average_balance: 1000
              term_days: 140
              amortisation: bullet
              annual_rate: 18%%
              performance:
                annual_default_rate: 0
        structure:
          plan_size: 100m
          tranches:
            - name: senior
              amount: 100m
              coupon: 5%%
              principal: pass_through
              payment_months: [3]
        waterfall:
          amortising:
            - pay_interest: [senior]
            - pay_principal: [senior]
        """.formatted(dayCount);
  }

  /** 2024-01-01 to 2024-03-21 is 80 days (2024 is a leap year): 100m x 5% x 80/365 = 1,095,890.41. */
  @Test
  void act365FixedInterestOverAnEightyDayFirstPeriodIsExact() {
    PathRecord r = Deals.expected(deal("ACT/365F")).record();
    assertThat(r.interestDue[r.at(0, 0)]).isCloseTo(1_095_890.41, within(CENT));
    // the first period's interest is unpaid (the pool pays on day 140) and carried, not compounded
    assertThat(r.interestShortfall[r.at(0, 0)]).isCloseTo(1_095_890.41, within(CENT));
    // period 2: Mar 21 to Apr 21 = 31 days: 100m x 5% x 31/365 = 424,657.53, plus the carried interest
    assertThat(r.interestDue[r.at(0, 1)]).isCloseTo(1_095_890.41 + 424_657.53, within(0.01));
  }

  /** ACT/360: 100m x 5% x 80/360 = 1,111,111.11. */
  @Test
  void act360InterestOverTheSamePeriod() {
    PathRecord r = Deals.expected(deal("ACT/360")).record();
    assertThat(r.interestDue[r.at(0, 0)]).isCloseTo(1_111_111.11, within(CENT));
  }

  @Test
  void thirty360CountsThirtyDayMonths() {
    // Feb 28 to Mar 31 2023: 31 actual days, 33 days by 30/360 (day 28 stays, day 31 stays)
    assertThat(DayCount.THIRTY_360.yearFraction(LocalDate.of(2023, 2, 28), LocalDate.of(2023, 3, 31)))
        .isEqualTo(33 / 360.0);
    // Jan 31 to Mar 31: both ends become 30: 60 days
    assertThat(DayCount.THIRTY_360.yearFraction(LocalDate.of(2023, 1, 31), LocalDate.of(2023, 3, 31)))
        .isEqualTo(60 / 360.0);
    assertThat(DayCount.ACT_365F.yearFraction(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1)))
        .isEqualTo(366 / 365.0);
  }
}
