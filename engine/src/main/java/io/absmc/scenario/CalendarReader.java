package io.absmc.scenario;

import io.absmc.scenario.yaml.MapCursor;
import io.absmc.scenario.yaml.Problems;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;

/**
 * The {@code calendar} section: closing, cut-off and payment dates, day count, collection periods.
 */
final class CalendarReader extends SectionReader {

  CalendarReader(Problems problems, Path folder) {
    super(problems, folder);
  }

  Calendar calendar(MapCursor c) {
    int before = problems.size();
    LocalDate closing = c.date("closing_date");
    Optional<LocalDate> cutoffGiven = c.optDate("cutoff_date");
    CollectionPeriodEnd collectionEnd = c.choiceOr("collection_period_end",
        CollectionPeriodEnd.class, CollectionPeriodEnd.PAYMENT_DATE);
    boolean delayed = c.has("payment_delay_days");
    int delay = delayed ? c.integer("payment_delay_days", 1, 28) : 0;
    if (delayed) {
      for (String key : new String[] {"first_payment_date", "payment_day"}) {
        if (c.has(key)) {
          c.problem(key, "expected either payment_delay_days or " + key
              + " (payment dates are that many days after each collection period's end)");
        }
      }
      if (collectionEnd != CollectionPeriodEnd.MONTH_END) {
        c.problem("payment_delay_days", "expected collection_period_end: month_end with"
            + " payment_delay_days (a delay after each month end)");
      }
    }
    LocalDate first = delayed ? null : c.date("first_payment_date");
    int day = delayed ? delay
        : c.integerOr("payment_day", first == null ? 1 : first.getDayOfMonth(), 1, 31);
    LocalDate legalFinal = c.date("legal_final_date");
    DayCount dayCount = c.choiceOr("day_count", DayCount.class, DayCount.ACT_365F);
    PaymentFrequency frequency = c.choiceOr("payment_frequency", PaymentFrequency.class,
        PaymentFrequency.MONTHLY);
    CutoffCollections cutoffCollections = c.choiceOr("cutoff_collections",
        CutoffCollections.class, CutoffCollections.CLOSING);
    c.rejectUnknown();
    if (problems.size() > before) {
      return null;
    }
    LocalDate cutoff = cutoffGiven.orElse(closing);
    if (cutoff.isAfter(closing)) {
      c.problem("cutoff_date", "expected a date on or before closing_date " + closing
          + ", found " + cutoff);
      return null;
    }
    if (collectionEnd == CollectionPeriodEnd.MONTH_END
        && frequency == PaymentFrequency.WEEKLY) {
      c.problem("collection_period_end", "expected payment_date with weekly payment dates"
          + " (month-end collection periods need monthly or longer payment intervals)");
      return null;
    }
    if (delayed) {
      // the first month end after the cut-off date that is not before closing
      LocalDate end = cutoff.plusDays(1).with(TemporalAdjusters.lastDayOfMonth());
      while (end.isBefore(closing)) {
        end = end.plusDays(1).with(TemporalAdjusters.lastDayOfMonth());
      }
      first = end.plusDays(delay);
    }
    if (!first.isAfter(closing)) {
      c.problem("first_payment_date", "expected a date after closing_date " + closing
          + ", found " + first);
      return null;
    }
    LocalDate firstEnd = Calendar.collectionEnd(collectionEnd, first);
    if (firstEnd.isBefore(closing) || !firstEnd.isAfter(cutoff)) {
      c.problem(delayed ? "payment_delay_days" : "first_payment_date", "expected the first"
          + " collection period to end after cutoff_date " + cutoff + " and not before"
          + " closing_date " + closing + ", but it ends on " + firstEnd
          + " (the month end before " + first + ")");
      return null;
    }
    if (legalFinal.isBefore(first)) {
      c.problem("legal_final_date", "expected a date on or after first_payment_date " + first
          + ", found " + legalFinal);
      return null;
    }
    List<LocalDate> dates = Calendar.schedule(first, day, legalFinal, frequency);
    if (dates.size() > ScenarioLoader.MAX_PERIODS) {
      c.problem("legal_final_date", "expected at most " + ScenarioLoader.MAX_PERIODS + " payment dates, found "
          + dates.size() + " to " + legalFinal);
      return null;
    }
    if (!dates.get(dates.size() - 1).equals(legalFinal)) {
      c.problem("legal_final_date", "expected a payment date ("
          + (frequency == PaymentFrequency.WEEKLY ? "weekly" : "day " + day + " of a month")
          + " after " + first + "), found " + legalFinal);
      return null;
    }
    LocalDate firstPayment = first;
    return build(c.node(), () -> new Calendar(cutoff, closing, firstPayment, day, legalFinal,
        dayCount, frequency, collectionEnd, cutoffCollections));
  }
}
