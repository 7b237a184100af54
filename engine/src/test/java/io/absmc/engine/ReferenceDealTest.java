package io.absmc.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Deals rebuilt against an independent calculation, to 0.01 on every date: a level-pay pool with
 * a constant CPR, and a two-tranche sequential deal with a default vector by months on book, a
 * CPR, recoveries two periods after default, a cut-off date a month before closing and month-end
 * collection periods paid 20 days later.
 *
 * <p>The reference below is written from the documented conventions alone, on {@code java.time}
 * dates, loan by loan in time rather than cohort by cohort: it walks the windows between the
 * loan's instalment dates, the closing date and the collection period ends; in each, loans default
 * at their month on book's rate over the window's days, then prepay, prepaid loans paying interest
 * accrued since their last instalment; on an instalment date the survivors pay the annuity on
 * their balance and remaining term (interest at rate/12). Each window's cash belongs to the
 * collection period it ends in; a payment date distributes its collection period's cash.
 */
class ReferenceDealTest {

  private static final double CENT = 0.01;

  /** The pool's inputs, as the scenario states them. */
  private record Pool(double balance, LocalDate origin, int termMonths, double rate,
      double[] defaultByAge, double cpr, double recoveryRate, int recoveryLag) {
  }

  /** The reference's flows by collection period. */
  private static final class Flows {
    final double[] interest;
    final double[] scheduled;
    final double[] prepaid;
    final double[] defaults;
    final double[] recoveries;
    final double[] closing;
    double collectedByClosing;

    Flows(int periods) {
      interest = new double[periods];
      scheduled = new double[periods];
      prepaid = new double[periods];
      defaults = new double[periods];
      recoveries = new double[periods];
      closing = new double[periods];
    }
  }

  private static Flows reference(Pool pool, LocalDate cutoff, LocalDate closing,
      List<LocalDate> collectionEnds) {
    int periods = collectionEnds.size();
    Flows f = new Flows(periods);
    List<LocalDate> due = new ArrayList<>();
    for (int k = 1; k <= pool.termMonths(); k++) {
      due.add(pool.origin().plusMonths(k));
    }
    TreeSet<LocalDate> boundaries = new TreeSet<>(due);
    boundaries.add(closing);
    boundaries.addAll(collectionEnds);
    int next = 0;
    while (!due.get(next).isAfter(cutoff)) {
      next++;
    }
    LocalDate paidTo = next == 0 ? pool.origin() : due.get(next - 1);
    double b = pool.balance();
    LocalDate from = cutoff;
    for (LocalDate to : boundaries.tailSet(cutoff, false)) {
      if (to.isAfter(collectionEnds.get(periods - 1)) || next == due.size()) {
        break;
      }
      int p = 0;
      while (collectionEnds.get(p).isBefore(to)) {
        p++;
      }
      double days = ChronoUnit.DAYS.between(from, to);
      int month = next + 1;
      double r = pool.defaultByAge()[Math.min(month, pool.defaultByAge().length) - 1];
      double defaulted = b * (1 - Math.pow(1 - r, days / 365));
      b -= defaulted;
      f.defaults[p] += defaulted;
      if (p + pool.recoveryLag() < periods) {
        f.recoveries[p + pool.recoveryLag()] += defaulted * pool.recoveryRate();
      }
      double prepaid = b * (1 - Math.pow(1 - pool.cpr(), days / 365));
      b -= prepaid;
      double cash = prepaid + prepaid * pool.rate() * ChronoUnit.DAYS.between(paidTo, to) / 365;
      f.prepaid[p] += prepaid;
      f.interest[p] += prepaid * pool.rate() * ChronoUnit.DAYS.between(paidTo, to) / 365;
      if (to.equals(due.get(next))) {
        double i = pool.rate() / 12;
        int remaining = pool.termMonths() - next;
        double interest = b * i;
        double principal = remaining == 1 ? b : b * i / (1 - Math.pow(1 + i, -remaining)) - interest;
        b -= principal;
        f.interest[p] += interest;
        f.scheduled[p] += principal;
        cash += interest + principal;
        paidTo = to;
        next++;
      }
      if (!to.isAfter(closing)) {
        f.collectedByClosing += cash;
      }
      f.closing[p] = b;
      from = to;
    }
    return f;
  }

  /**
   * 1,000 level-pay loans of 10,000 at 12% over 12 months, made at closing (2024-03-31, so they pay
   * on Apr 30, May 31, ..., the month's end) and prepaying at a CPR of 6%, in a deal paying on each
   * month's last day: every period's interest, scheduled principal, prepayments and closing balance
   * as the reference computes them.
   */
  @Test
  void levelPayPoolWithAConstantCpr() {
    PathRecord r = Deals.expected("""
        name: level-pay
        calendar:
          closing_date: 2024-03-31
          first_payment_date: 2024-04-30
          payment_day: 31
          legal_final_date: 2025-03-31
        pool:
          segments:
            - name: loans
              balance: 10m
              loans: 1000
              term_months: 12
              amortisation: level_payment
              annual_rate: 12%
              performance:
                annual_default_rate: 0
                annual_prepayment_rate: 6%
        structure:
          plan_size: 10m
          tranches:
            - {name: senior, amount: 10m, coupon: 3%, principal: pass_through, payment_months: [12]}
        waterfall:
          amortising:
            - pay_interest: [senior]
            - pay_principal: [senior]
        """).record();
    LocalDate closing = LocalDate.of(2024, 3, 31);
    List<LocalDate> ends = new ArrayList<>();
    for (int k = 1; k <= 12; k++) {
      ends.add(closing.plusMonths(k).withDayOfMonth(closing.plusMonths(k).lengthOfMonth()));
    }
    Flows f = reference(new Pool(10e6, closing, 12, 0.12, new double[] {0}, 0.06, 0, 0), closing,
        closing, ends);
    assertThat(r.periods).isEqualTo(12);
    for (int p = 0; p < 12; p++) {
      String at = "period " + (p + 1);
      assertThat(r.interest[p]).as(at).isCloseTo(f.interest[p], within(CENT));
      assertThat(r.scheduledPrincipal[p]).as(at).isCloseTo(f.scheduled[p], within(CENT));
      assertThat(r.prepayments[p]).as(at).isCloseTo(f.prepaid[p], within(CENT));
      assertThat(r.poolClosing[p]).as(at).isCloseTo(f.closing[p], within(CENT));
    }
    assertThat(f.prepaid[0]).isCloseTo(10e6 * (1 - Math.pow(0.94, 30 / 365.0)), within(1e-6));
    assertThat(r.poolClosing[11]).isZero();
  }

  /**
   * The two-tranche deal: 100m of 12-month level-pay loans at 12% made on 2023-12-31 (paying at
   * month ends), described at the cut-off date 2024-01-15; closing 2024-02-15; collection periods
   * to each month end, paid on the 20th of the next month (first: Jan 15 to Feb 29, paid Mar 20).
   * Defaults by month on book 1%, 2%, 3%, 4%, 3%, 2% (then 2%), CPR 10%, 40% recovered two periods
   * after the default. Collections before closing reach the plan at closing and earn the 3%
   * account rate to the first payment date, 34 days. The senior class (80m, 4%, ACT/365F from
   * closing) takes interest from the interest account and every RMB of principal and recoveries;
   * the subordinated class everything left.
   */
  @Test
  void twoTrancheSequentialDealWithACutoffDate() {
    PathRecord r = Deals.expected("""
        name: two-tranche
        calendar:
          cutoff_date: 2024-01-15
          closing_date: 2024-02-15
          collection_period_end: month_end
          payment_delay_days: 20
          legal_final_date: 2025-03-20
        pool:
          segments:
            - name: loans
              balance: 100m
              average_balance: 10000
              term_months: 12
              seasoning_days: 15
              amortisation: level_payment
              annual_rate: 12%
              performance:
                annual_default_rate: [1%, 2%, 3%, 4%, 3%, 2%]
                annual_prepayment_rate: 10%
                curves_by: months_on_book
                recovery_rate: 40%
                recovery_lag_months: 2
        structure:
          plan_size: 100m
          account_rate: 3%
          tranches:
            - {name: senior, amount: 80m, coupon: 4%, principal: pass_through, payment_months: [13]}
            - {name: sub, amount: 20m, principal: pass_through, payment_months: [13]}
        waterfall:
          amortising:
            - pay_interest: {tranches: senior, from: interest}
            - pay_principal: {tranches: senior, from: principal}
            - pay_residual: sub
        """).record();
    LocalDate cutoff = LocalDate.of(2024, 1, 15);
    LocalDate closing = LocalDate.of(2024, 2, 15);
    List<LocalDate> payments = new ArrayList<>();
    List<LocalDate> ends = new ArrayList<>();
    for (int k = 0; k < 13; k++) {
      payments.add(LocalDate.of(2024, 3, 20).plusMonths(k));
      ends.add(payments.get(k).withDayOfMonth(1).minusDays(1));
    }
    Flows f = reference(new Pool(100e6, LocalDate.of(2023, 12, 31), 12, 0.12,
        new double[] {0.01, 0.02, 0.03, 0.04, 0.03, 0.02}, 0.10, 0.4, 2), cutoff, closing, ends);
    assertThat(r.periods).isEqualTo(13);

    double senior = 80e6;
    double sub = 20e6;
    LocalDate previous = closing;
    for (int p = 0; p < 13; p++) {
      String at = "payment date " + payments.get(p);
      assertThat(r.interest[p]).as(at).isCloseTo(f.interest[p], within(CENT));
      assertThat(r.scheduledPrincipal[p]).as(at).isCloseTo(f.scheduled[p], within(CENT));
      assertThat(r.prepayments[p]).as(at).isCloseTo(f.prepaid[p], within(CENT));
      assertThat(r.defaults[p]).as(at).isCloseTo(f.defaults[p], within(CENT));
      assertThat(r.recoveries[p]).as(at).isCloseTo(f.recoveries[p], within(CENT));
      assertThat(r.poolClosing[p]).as(at).isCloseTo(f.closing[p], within(CENT));

      // the deal side: everything is paid out on each date, so only cash collected before
      // closing is ever held, and only before the first payment date
      double days = ChronoUnit.DAYS.between(previous, payments.get(p));
      double account = p == 0 ? f.collectedByClosing * 0.03 * days / 365 : 0;
      double interestCash = f.interest[p] + account;
      double seniorInterest = senior * 0.04 * days / 365;
      double seniorPrincipal = Math.min(senior, f.scheduled[p] + f.prepaid[p] + f.recoveries[p]);
      double left = interestCash - seniorInterest
          + f.scheduled[p] + f.prepaid[p] + f.recoveries[p] - seniorPrincipal;
      senior -= seniorPrincipal;
      double subPrincipal = senior > 0 ? 0 : Math.min(sub, left);
      sub -= subPrincipal;
      assertThat(r.accountInterest[p]).as(at).isCloseTo(account, within(CENT));
      assertThat(r.interestPaid[r.at(0, p)]).as(at).isCloseTo(seniorInterest, within(CENT));
      assertThat(r.principalPaid[r.at(0, p)]).as(at).isCloseTo(seniorPrincipal, within(CENT));
      assertThat(r.trancheClosing[r.at(0, p)]).as(at).isCloseTo(senior, within(CENT));
      assertThat(r.principalPaid[r.at(1, p)]).as(at).isCloseTo(subPrincipal, within(CENT));
      assertThat(r.trancheResidualPaid[r.at(1, p)]).as(at)
          .isCloseTo(left - subPrincipal, within(CENT));
      previous = payments.get(p);
    }
    // the cut-off month's cash was collected: an instalment on Jan 31 before closing
    assertThat(f.collectedByClosing).isGreaterThan(8e6);
    assertThat(r.collectedByClosing).isCloseTo(f.collectedByClosing, within(CENT));
  }
}
