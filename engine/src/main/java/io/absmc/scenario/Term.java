package io.absmc.scenario;

import io.absmc.util.Check;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A loan's contractual term, in days (short loans such as 57-day order loans) or in whole months
 * (instalment loans). A term in months runs on the loan's own calendar: its k-th monthly date is k
 * calendar months after origination, on the same day of the month or the month's last day when the
 * month is shorter, so its length in days depends on when the loan was made.
 *
 * @param days the term in days when given in days, else 0
 * @param months the term in months when given in months, else 0
 */
public record Term(int days, int months) {

  public Term {
    Check.isTrue((days > 0) != (months > 0),
        "a term is given either in days or in months, and is positive");
  }

  public static Term ofDays(int days) {
    return new Term(days, 0);
  }

  public static Term ofMonths(int months) {
    return new Term(0, months);
  }

  public boolean inMonths() {
    return months > 0;
  }

  /** The term's length in days for a loan made on {@code origin}. */
  public int daysFrom(LocalDate origin) {
    return inMonths() ? (int) ChronoUnit.DAYS.between(origin, origin.plusMonths(months)) : days;
  }

  /** The shortest the term can be, in days (28 days a month). */
  public int shortestDays() {
    return inMonths() ? 28 * months : days;
  }

  /** The longest the term can be, in days (31 days a month). */
  public int longestDays() {
    return inMonths() ? 31 * months : days;
  }

  @Override
  public String toString() {
    return inMonths() ? months + " months" : days + " days";
  }
}
