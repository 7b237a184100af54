package io.absmc.scenario;

import io.absmc.util.Check;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The deal's dates: closing, payment dates from the first one at the payment frequency (monthly by
 * default, on a fixed day of the month clamped to the month's end), and the legal final date,
 * which must be one of the payment dates. Period k (1-based) runs from payment date k-1 (the
 * closing date for k = 1) to payment date k.
 *
 * @param closingDate the day the plan buys the pool and issues the securities (day 0)
 * @param firstPaymentDate the end of period 1; may be any length after closing
 * @param paymentDay day of month of later payment dates (1-31, clamped to the month's end)
 * @param legalFinalDate the last payment date; nothing is paid after it
 * @param dayCount bond interest and fee accrual convention
 * @param frequency how often payment dates fall after the first
 */
public record Calendar(LocalDate closingDate, LocalDate firstPaymentDate, int paymentDay,
    LocalDate legalFinalDate, DayCount dayCount, PaymentFrequency frequency) {

  /** A calendar with monthly payment dates. */
  public Calendar(LocalDate closingDate, LocalDate firstPaymentDate, int paymentDay,
      LocalDate legalFinalDate, DayCount dayCount) {
    this(closingDate, firstPaymentDate, paymentDay, legalFinalDate, dayCount,
        PaymentFrequency.MONTHLY);
  }

  public Calendar {
    Check.notNull("closingDate", closingDate);
    Check.notNull("firstPaymentDate", firstPaymentDate);
    Check.notNull("legalFinalDate", legalFinalDate);
    Check.notNull("dayCount", dayCount);
    Check.notNull("frequency", frequency);
    Check.isTrue(paymentDay >= 1 && paymentDay <= 31,
        "Expected 1 <= 'paymentDay' <= 31 but found " + paymentDay);
    Check.isTrue(firstPaymentDate.isAfter(closingDate),
        "first_payment_date " + firstPaymentDate + " must be after closing_date " + closingDate);
    Check.isTrue(!legalFinalDate.isBefore(firstPaymentDate),
        "legal_final_date " + legalFinalDate + " must not be before first_payment_date "
            + firstPaymentDate);
    List<LocalDate> dates = schedule(firstPaymentDate, paymentDay, legalFinalDate, frequency);
    Check.isTrue(dates.get(dates.size() - 1).equals(legalFinalDate),
        "legal_final_date " + legalFinalDate + " is not a payment date (" + frequency.label()
            + " payment dates from " + firstPaymentDate + ")");
  }

  /** Payment dates from the first to the legal final date (or the last one before it). */
  public List<LocalDate> paymentDates() {
    return schedule(firstPaymentDate, paymentDay, legalFinalDate, frequency);
  }

  /**
   * Payment dates from {@code first} at a frequency (on {@code day} of the month, clamped, when
   * monthly or longer), up to {@code last}.
   */
  public static List<LocalDate> schedule(LocalDate first, int day, LocalDate last,
      PaymentFrequency frequency) {
    List<LocalDate> dates = new ArrayList<>();
    dates.add(first);
    for (int k = 1; ; k++) {
      LocalDate d = frequency.date(first, k, day);
      if (d.isAfter(last)) {
        break;
      }
      dates.add(d);
    }
    return List.copyOf(dates);
  }

  /** The 1-based number of the period that ends on or after {@code date} (dates after legal final: the last). */
  public int periodOf(LocalDate date) {
    List<LocalDate> dates = paymentDates();
    for (int i = 0; i < dates.size(); i++) {
      if (!date.isAfter(dates.get(i))) {
        return i + 1;
      }
    }
    return dates.size();
  }
}
