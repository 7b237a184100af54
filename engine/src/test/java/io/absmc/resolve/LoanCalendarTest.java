package io.absmc.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Monthly dates on the loan's own day, clamped to month ends, counted from origination. */
class LoanCalendarTest {

  /** Closing 2024-01-01 is day 0; 2023-10-31 is day -62. */
  private final LoanCalendar calendar =
      new LoanCalendar(LocalDate.of(2024, 1, 1), -62, 400, 24);

  @Test
  void aLoanMadeOnTheLastDayOfAMonthPaysOnEachMonthsLastDay() {
    // made 2023-10-31: Nov 30 (-32), Dec 31 (-1), Jan 31 (30), Feb 29 (59), Mar 31 (90), Apr 30 (120)
    assertThat(new int[] {calendar.day(-62, 1), calendar.day(-62, 2), calendar.day(-62, 3),
        calendar.day(-62, 4), calendar.day(-62, 5), calendar.day(-62, 6)})
        .containsExactly(-32, -1, 30, 59, 90, 120);
  }

  @Test
  void aClampedMonthDoesNotShiftTheLaterDates() {
    // made 2024-01-30 (day 29): Feb 29 (59), Mar 30 (89), then 2025-01-30 (395)
    assertThat(calendar.day(29, 1)).isEqualTo(59);
    assertThat(calendar.day(29, 2)).isEqualTo(89);
    assertThat(calendar.day(29, 12)).isEqualTo(395);
    assertThat(calendar.day(29, 0)).isEqualTo(29);
  }

  @Test
  void theTermInDaysDependsOnWhenTheLoanWasMade() {
    // 12 months from 2024-01-01 span the leap day: 366 days; from 2024-03-01: 365
    assertThat(calendar.day(0, 12) - 0).isEqualTo(366);
    assertThat(calendar.day(60, 12) - 60).isEqualTo(365);
  }
}
