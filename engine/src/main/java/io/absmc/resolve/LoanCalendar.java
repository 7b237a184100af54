package io.absmc.resolve;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The days (from closing) of a loan's monthly dates: the k-th falls k calendar months after its
 * origination, on the loan's own day of the month, or on the month's last day when the month is
 * shorter (a loan made on January 31 pays on February 29 in 2024, March 31, April 30, ...). Each
 * date is counted from the origination, never from the previous date, so a clamped month does not
 * shift the later ones. Tabulated for the origination days a deal can have, so that the engine's
 * inner loop looks a date up without date arithmetic.
 */
public final class LoanCalendar implements Serializable {

  private static final long serialVersionUID = 1L;

  private final int firstOrigin;
  /** For origination day firstOrigin + i: its month's index (months after firstOrigin's month). */
  private final int[] monthOf;
  /** For origination day firstOrigin + i: its day of the month (1-31). */
  private final byte[] dayOfMonth;
  /** For month index m: the day (from closing) of its 1st. */
  private final int[] monthStart;
  /** For month index m: its length in days. */
  private final byte[] monthLength;

  /**
   * @param closing day 0
   * @param firstOrigin the earliest origination day (negative for loans made before closing)
   * @param lastOrigin the latest origination day
   * @param maxMonths the most months a loan runs
   */
  LoanCalendar(LocalDate closing, int firstOrigin, int lastOrigin, int maxMonths) {
    this.firstOrigin = firstOrigin;
    int n = lastOrigin - firstOrigin + 1;
    monthOf = new int[n];
    dayOfMonth = new byte[n];
    LocalDate base = closing.plusDays(firstOrigin).withDayOfMonth(1);
    for (int i = 0; i < n; i++) {
      LocalDate d = closing.plusDays(firstOrigin + i);
      monthOf[i] = (int) ChronoUnit.MONTHS.between(base, d.withDayOfMonth(1));
      dayOfMonth[i] = (byte) d.getDayOfMonth();
    }
    int months = monthOf[n - 1] + maxMonths + 1;
    monthStart = new int[months];
    monthLength = new byte[months];
    for (int m = 0; m < months; m++) {
      LocalDate first = base.plusMonths(m);
      monthStart[m] = (int) ChronoUnit.DAYS.between(closing, first);
      monthLength[m] = (byte) first.lengthOfMonth();
    }
  }

  /** The day of the k-th monthly date of a loan originated on day {@code origin} (k = 0 is the origination). */
  public int day(int origin, int k) {
    int i = origin - firstOrigin;
    int m = monthOf[i] + k;
    return monthStart[m] + Math.min(dayOfMonth[i], monthLength[m]) - 1;
  }
}
