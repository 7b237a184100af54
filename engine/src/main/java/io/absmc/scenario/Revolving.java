package io.absmc.scenario;

import io.absmc.util.Check;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Revolving purchase (循环购买): while revolving, principal collections buy new loans so the pool
 * stays about constant while single loans run off.
 *
 * @param lastPeriod the last revolving period (1-based); amortisation starts the period after
 * @param timing buy on the collection day, or on payment dates
 * @param reinvestExcessInterest whether interest left after fees and coupons is reinvested too
 * @param purchasePrice price paid per RMB of principal bought (1 = par, 0.98 = a 2% discount)
 * @param reinvestmentRate share of reinvestable cash actually spent on new loans; the rest waits in
 *     the principal account at the account rate
 * @param latestMaturity eligibility: loans bought must mature by this date (terms are shortened to
 *     fit; no purchase when fewer than one day or one instalment would remain)
 * @param template the kinds of loan bought and their shares
 * @param purchaseBucketDays purchases are made in batches of this many days from each period's
 *     start: the cash collected in a batch waits in the account and buys loans that start on the
 *     batch's last day (the payment date at the latest). 1 buys every day, exact; a week makes the
 *     engine several times faster, at the cost of a few days' idle cash
 */
public record Revolving(int lastPeriod, ReinvestTiming timing, boolean reinvestExcessInterest,
    double purchasePrice, double reinvestmentRate, Optional<LocalDate> latestMaturity,
    List<TemplateEntry> template, int purchaseBucketDays) {

  public Revolving {
    Check.positive("lastPeriod", lastPeriod);
    Check.notNull("timing", timing);
    Check.inRange("purchasePrice", purchasePrice, 0.01, 2);
    Check.inRange("reinvestmentRate", reinvestmentRate, 0, 1);
    Check.notNull("latestMaturity", latestMaturity);
    template = List.copyOf(template);
    Check.isTrue(!template.isEmpty(), "a revolving template needs at least one kind of loan");
    double shares = template.stream().mapToDouble(TemplateEntry::share).sum();
    Check.isTrue(Math.abs(shares - 1) < 1e-9,
        "the template's shares must add up to 1 but add up to " + shares);
    Check.isTrue(purchaseBucketDays >= 1 && purchaseBucketDays <= 31,
        "Expected 1 <= 'purchaseBucketDays' <= 31 but found " + purchaseBucketDays);
    for (TemplateEntry t : template) {
      Check.isTrue(t.term().shortestDays() > purchaseBucketDays, "purchase_bucket_days "
          + purchaseBucketDays + " must be shorter than the term of the loans bought ("
          + t.term() + ")");
    }
  }
}
