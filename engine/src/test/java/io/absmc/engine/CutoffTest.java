package io.absmc.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Collections between the cut-off date and closing, computed by hand: they belong to the plan and
 * reach its accounts at closing or with the first collection period's cash.
 */
class CutoffTest {

  private static final double CENT = 0.01;

  /**
   * Cut-off 2024-01-01, closing 2024-01-11 (day 10), payments on the 1st. The pool is 100m of
   * 5-day bullet loans at 12% made on the cut-off date: on day 5 they repay 100m and 100m x 12% x
   * 5/365 = 164,383.56 of interest. The deal revolves in period 1 at collection, in daily batches,
   * into 30-day loans.
   */
  private static String deal(String cutoffCollections) {
    return """
        name: cutoff
        calendar:
          cutoff_date: 2024-01-01
          closing_date: 2024-01-11
          first_payment_date: 2024-02-01
          payment_day: 1
          legal_final_date: 2024-06-01
          cutoff_collections: %s
        pool:
          segments:
            - name: loans
              balance: 100m
              average_balance: 1000
              term_days: 5
              amortisation: bullet
              annual_rate: 12%%
              performance:
                annual_default_rate: 0
        revolving:
          last_period: 1
          timing: collection
          purchase_bucket_days: 1
          template:
            - {segment: loans, share: 1, term_days: 30}
        structure:
          plan_size: 100m
          account_rate: 3.65%%
          tranches:
            - {name: senior, amount: 80m, coupon: 0, payment_months: [5]}
            - {name: sub, amount: 20m, payment_months: [5]}
        waterfall:
          revolving:
            - reinvest
          amortising:
            - pay_principal: [senior]
            - pay_residual: sub
        """.formatted(cutoffCollections);
  }

  /**
   * At closing: the 100m buys 30-day loans on day 10, which repay 100m and 100m x 12% x 30/365 =
   * 986,301.37 on day 40 (Feb 10, period 2). The interest collected before closing is held from
   * closing and earns 3.65% for the 21 days to Feb 1: 164,383.56 x 0.0001 x 21 = 345.21.
   */
  @Test
  void collectionsReachThePlanAtClosing() {
    PathRecord r = Deals.expected(deal("closing")).record();
    assertThat(r.scheduledPrincipal[0]).isCloseTo(100e6, within(CENT));
    assertThat(r.interest[0]).isCloseTo(164_383.56, within(CENT));
    assertThat(r.purchases[0]).isCloseTo(100e6, within(CENT));
    assertThat(r.collectedByClosing).isCloseTo(164_383.56, within(CENT));
    assertThat(r.accountInterest[0]).isCloseTo(345.21, within(CENT));
    assertThat(r.scheduledPrincipal[1]).isCloseTo(100e6, within(CENT));
    assertThat(r.interest[1]).isCloseTo(986_301.37, within(CENT));
  }

  /**
   * With the first collection period's cash: the 100m counts as collected on Feb 1 (day 31), buys
   * loans that day, which repay on Mar 2 (day 61, period 3); nothing was held before, so no
   * account interest.
   */
  @Test
  void collectionsReachThePlanWithTheFirstPeriodsCash() {
    PathRecord r = Deals.expected(deal("first_payment_date")).record();
    assertThat(r.purchases[0]).isCloseTo(100e6, within(CENT));
    assertThat(r.collectedByClosing).isZero();
    assertThat(r.accountInterest[0]).isZero();
    assertThat(r.scheduledPrincipal[1]).isZero();
    assertThat(r.scheduledPrincipal[2]).isCloseTo(100e6, within(CENT));
    assertThat(r.interest[2]).isCloseTo(986_301.37, within(CENT));
  }
}
