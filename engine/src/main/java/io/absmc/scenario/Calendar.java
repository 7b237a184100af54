package io.absmc.scenario;

import io.absmc.util.Check;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The deal's dates: the cut-off date the pool is described at, closing, payment dates from the
 * first one at the payment frequency (monthly by default, on a fixed day of the month clamped to
 * the month's end), the legal final date, which must be one of the payment dates, and the
 * collection periods. Collection period k (1-based) runs from the end of collection period k-1
 * (the cut-off date for k = 1) to its end: payment date k itself, or the last month end before
 * it; payment date k distributes its cash. Interest on the securities accrues from payment date
 * k-1 (closing for k = 1) to payment date k.
 *
 * @param cutoffDate the date the pool is described at (balances, ages) and from which its
 *     collections belong to the plan; on or before closing (day 0 of the engine)
 * @param closingDate the day the plan issues the securities and interest starts to accrue
 * @param firstPaymentDate the first payment date; may be any length after closing
 * @param paymentDay day of month of later payment dates (1-31, clamped to the month's end)
 * @param legalFinalDate the last payment date; nothing is paid after it
 * @param dayCount bond interest and fee accrual convention
 * @param frequency how often payment dates fall after the first
 * @param collectionPeriodEnd where each payment date's collection period ends
 * @param cutoffCollections when collections between cut-off and closing reach the plan's accounts
 */
public record Calendar(LocalDate cutoffDate, LocalDate closingDate, LocalDate firstPaymentDate,
    int paymentDay, LocalDate legalFinalDate, DayCount dayCount, PaymentFrequency frequency,
    CollectionPeriodEnd collectionPeriodEnd, CutoffCollections cutoffCollections) {

  /** A calendar with monthly payment dates, collected to each payment date from closing. */
  public Calendar(LocalDate closingDate, LocalDate firstPaymentDate, int paymentDay,
      LocalDate legalFinalDate, DayCount dayCount) {
    this(closingDate, firstPaymentDate, paymentDay, legalFinalDate, dayCount,
        PaymentFrequency.MONTHLY);
  }

  /** A calendar collected to each payment date from closing. */
  public Calendar(LocalDate closingDate, LocalDate firstPaymentDate, int paymentDay,
      LocalDate legalFinalDate, DayCount dayCount, PaymentFrequency frequency) {
    this(closingDate, closingDate, firstPaymentDate, paymentDay, legalFinalDate, dayCount,
        frequency, CollectionPeriodEnd.PAYMENT_DATE, CutoffCollections.CLOSING);
  }

  public Calendar {
    Check.notNull("cutoffDate", cutoffDate);
    Check.notNull("closingDate", closingDate);
    Check.notNull("firstPaymentDate", firstPaymentDate);
    Check.notNull("legalFinalDate", legalFinalDate);
    Check.notNull("dayCount", dayCount);
    Check.notNull("frequency", frequency);
    Check.notNull("collectionPeriodEnd", collectionPeriodEnd);
    Check.notNull("cutoffCollections", cutoffCollections);
    Check.isTrue(paymentDay >= 1 && paymentDay <= 31,
        "Expected 1 <= 'paymentDay' <= 31 but found " + paymentDay);
    Check.isTrue(!cutoffDate.isAfter(closingDate),
        "cutoff_date " + cutoffDate + " must not be after closing_date " + closingDate);
    Check.isTrue(firstPaymentDate.isAfter(closingDate),
        "first_payment_date " + firstPaymentDate + " must be after closing_date " + closingDate);
    Check.isTrue(!legalFinalDate.isBefore(firstPaymentDate),
        "legal_final_date " + legalFinalDate + " must not be before first_payment_date "
            + firstPaymentDate);
    Check.isTrue(collectionPeriodEnd == CollectionPeriodEnd.PAYMENT_DATE
        || frequency != PaymentFrequency.WEEKLY, "weekly payment dates cannot collect to month ends");
    List<LocalDate> dates = schedule(firstPaymentDate, paymentDay, legalFinalDate, frequency);
    Check.isTrue(dates.get(dates.size() - 1).equals(legalFinalDate),
        "legal_final_date " + legalFinalDate + " is not a payment date (" + frequency.label()
            + " payment dates from " + firstPaymentDate + ")");
    LocalDate firstEnd = collectionEnd(collectionPeriodEnd, firstPaymentDate);
    Check.isTrue(firstEnd.isAfter(cutoffDate) && !firstEnd.isBefore(closingDate),
        "the first collection period, to " + firstEnd + ", must end after cutoff_date "
            + cutoffDate + " and not before closing_date " + closingDate);
  }

  /** The end of each payment date's collection period, in order. */
  public List<LocalDate> collectionEnds() {
    List<LocalDate> ends = new ArrayList<>();
    for (LocalDate d : paymentDates()) {
      ends.add(collectionEnd(collectionPeriodEnd, d));
    }
    return List.copyOf(ends);
  }

  /** The end of the collection period a payment date distributes. */
  public static LocalDate collectionEnd(CollectionPeriodEnd rule, LocalDate paymentDate) {
    // the last day of the month before the payment date's: the last month end before it
    return rule == CollectionPeriodEnd.PAYMENT_DATE ? paymentDate
        : paymentDate.withDayOfMonth(1).minusDays(1);
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
