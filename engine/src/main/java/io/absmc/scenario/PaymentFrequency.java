package io.absmc.scenario;

import io.absmc.scenario.yaml.Labelled;
import java.time.LocalDate;

/**
 * How often a deal pays: payment date k after the first is k weeks, or k times a number of months
 * (on the payment day, clamped to the month's end), after it.
 */
public enum PaymentFrequency implements Labelled {
  WEEKLY("weekly", 0),
  MONTHLY("monthly", 1),
  QUARTERLY("quarterly", 3),
  SEMIANNUAL("semiannual", 6),
  ANNUAL("annual", 12);

  private final String label;
  private final int months;

  PaymentFrequency(String label, int months) {
    this.label = label;
    this.months = months;
  }

  @Override
  public String label() {
    return label;
  }

  /** Payment date k (k = 0 is the first) after {@code first}, on {@code day} of its month. */
  LocalDate date(LocalDate first, int k, int day) {
    if (months == 0) {
      return first.plusWeeks(k);
    }
    LocalDate month = first.plusMonths((long) k * months);
    return month.withDayOfMonth(Math.min(day, month.lengthOfMonth()));
  }
}
