package io.absmc.scenario;

import io.absmc.util.Check;

/**
 * A loan's contractual term, in days (short loans such as 57-day order loans) or in whole months
 * (instalment loans). A month in a loan schedule is 365/12 days, so a 12-month loan lives 365 days
 * and its monthly interest at annual rate r is exactly r/12 of the balance.
 *
 * @param days the term in days when given in days, else 0
 * @param months the term in months when given in months, else 0
 */
public record Term(int days, int months) {

  /** Days in a loan-schedule month. */
  public static final double DAYS_PER_MONTH = 365.0 / 12.0;

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

  /** The term in days. */
  public int totalDays() {
    return inMonths() ? instalmentDay(months) : days;
  }

  /** Day (from origination) of the k-th monthly instalment: round(k * 365/12). */
  public static int instalmentDay(int k) {
    return (int) Math.round(k * DAYS_PER_MONTH);
  }

  @Override
  public String toString() {
    return inMonths() ? months + " months" : days + " days";
  }
}
