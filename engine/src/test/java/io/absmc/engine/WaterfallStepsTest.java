package io.absmc.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Waterfall steps and options on deals small enough to compute by hand, to the cent: pro-rata
 * allocation, scheduled and bullet tranche principal, account interest, the guarantee paying on
 * each payment date up to its cap, the switch to the accelerated waterfall, the excess-spread
 * trigger, fee bases, and revolving purchases below par with a reinvestment rate below 1. (The
 * reserve is in {@link ReserveTest}, recovery timing in {@link RecoveryTimingTest}.)
 *
 * <p>Every deal closes on 2024-01-01 and pays on the 1st of each month from February: periods of
 * 31, 29, 31, 30 and 31 days (2024 is a leap year). Pools are bullet loans without defaults or
 * prepayments, so a segment of balance B at rate r maturing on day d pays B and B r d / 365 on
 * that day: 50m at 12% over 45 days (Feb 15, period 2) pays 739,726.03 of interest, 50m at 12%
 * over 100 days (Apr 10, period 4) 1,643,835.62, 100m at 12% over 45 days 1,479,452.05.
 */
class WaterfallStepsTest {

  private static final double CENT = 0.01;

  private static String deal(String segments, String structure, String rest) {
    return """
        name: steps
        calendar:
          closing_date: 2024-01-01
          first_payment_date: 2024-02-01
          payment_day: 1
          legal_final_date: 2024-06-01
        pool:
          segments:
        %s
        structure:
        %s
        %s
        """.formatted(Deals.indent(segments, 4), Deals.indent(structure, 2), rest);
  }

  private static String bullet(String name, String balance, int days, String rate) {
    return """
        - name: %s
          balance: %s
          average_balance: 1000
          term_days: %d
          amortisation: bullet
          annual_rate: %s
          performance:
            annual_default_rate: 0
        """.formatted(name, balance, days, rate);
  }

  private static final String SHORT_AND_LONG = bullet("short", "50m", 45, "12%")
      + bullet("long", "50m", 100, "12%");

  /**
   * Pool 60m at 6% over 45 days: 443,835.62 of interest in period 2. Class a (50m at 6%) is owed
   * 50m x 6% x 31/365 = 254,794.52 in period 1 and 238,356.16 more in period 2: 493,150.68; class b
   * (30m at 4%) 101,917.81 + 95,342.47 = 197,260.27. Pro rata, a gets 443,835.62 x 493,150.68 /
   * 690,410.96 = 317,025.44 and b 126,810.18 (the step pays from interest only); a carries
   * 176,125.24, b 70,450.10. Principal pro rata: the 60m goes 37.5m to a and 22.5m to b (owed 50m
   * and 30m).
   */
  @Test
  void proRataSharesInterestAndPrincipalInProportionToWhatIsOwed() {
    PathRecord r = Deals.expected(deal(bullet("loans", "60m", 45, "6%"), """
        plan_size: 100m
        tranches:
          - {name: a, amount: 50m, coupon: 6%, payment_months: [5]}
          - {name: b, amount: 30m, coupon: 4%, payment_months: [5]}
          - {name: sub, amount: 20m, payment_months: [5]}
        """, """
        waterfall:
          amortising:
            - pay_interest: {tranches: [a, b], allocation: pro_rata, from: interest}
            - pay_principal: {tranches: [a, b], allocation: pro_rata}
        """)).record();
    assertThat(r.interestShortfall[r.at(0, 0)]).isCloseTo(254_794.52, within(CENT));
    assertThat(r.interestShortfall[r.at(1, 0)]).isCloseTo(101_917.81, within(CENT));
    assertThat(r.interest[1]).isCloseTo(443_835.62, within(CENT));
    assertThat(r.interestDue[r.at(0, 1)]).isCloseTo(493_150.68, within(CENT));
    assertThat(r.interestDue[r.at(1, 1)]).isCloseTo(197_260.27, within(CENT));
    assertThat(r.interestPaid[r.at(0, 1)]).isCloseTo(317_025.44, within(CENT));
    assertThat(r.interestPaid[r.at(1, 1)]).isCloseTo(126_810.18, within(CENT));
    assertThat(r.interestShortfall[r.at(0, 1)]).isCloseTo(176_125.24, within(CENT));
    assertThat(r.interestShortfall[r.at(1, 1)]).isCloseTo(70_450.10, within(CENT));
    assertThat(r.principalPaid[r.at(0, 1)]).isCloseTo(37_500_000, within(CENT));
    assertThat(r.principalPaid[r.at(1, 1)]).isCloseTo(22_500_000, within(CENT));
  }

  /**
   * Pool 100m at 12% over 45 days, collected in period 2. Class a (40m, scheduled in months 2 and
   * 4) is due 20m in period 2 and 20m in period 4; class b (40m, bullet in month 3) 40m in period
   * 3; nothing pays the subordinated class, so the rest waits in the accounts and earns 1% a year:
   * after period 2 the accounts hold 100m + 1,479,452.05 - 20m = 81,479,452.05; period 3 earns
   * 81,479,452.05 x 1% x 31/365 = 69,201.73 and pays b 40m (41,548,653.78 left); period 4 earns
   * 41,548,653.78 x 1% x 30/365 = 34,149.58 and pays a 20m (21,582,803.36 left); period 5 earns
   * 21,582,803.36 x 1% x 31/365 = 18,330.60.
   */
  @Test
  void scheduledAndBulletPrincipalFallDueInTheirMonthsAndIdleCashEarnsTheAccountRate() {
    PathRecord r = Deals.expected(deal(bullet("loans", "100m", 45, "12%"), """
        plan_size: 100m
        account_rate: 1%
        tranches:
          - {name: a, amount: 40m, coupon: 0%, principal: scheduled, payment_months: [2, 4]}
          - {name: b, amount: 40m, coupon: 0%, principal: bullet, payment_months: [3]}
          - {name: sub, amount: 20m, payment_months: [5]}
        """, """
        waterfall:
          amortising:
            - pay_principal: [a]
            - pay_principal: [b]
        """)).record();
    assertThat(r.principalPaid[r.at(0, 1)]).isCloseTo(20_000_000, within(CENT));
    assertThat(r.principalPaid[r.at(1, 1)]).isZero();
    assertThat(r.interestAccount[1] + r.principalAccount[1]).isCloseTo(81_479_452.05, within(CENT));
    assertThat(r.accountInterest[2]).isCloseTo(69_201.73, within(CENT));
    assertThat(r.principalPaid[r.at(0, 2)]).isZero();
    assertThat(r.principalPaid[r.at(1, 2)]).isCloseTo(40_000_000, within(CENT));
    assertThat(r.accountInterest[3]).isCloseTo(34_149.58, within(CENT));
    assertThat(r.principalPaid[r.at(0, 3)]).isCloseTo(20_000_000, within(CENT));
    assertThat(r.interestAccount[3] + r.principalAccount[3]).isCloseTo(21_582_803.36, within(CENT));
    assertThat(r.accountInterest[4]).isCloseTo(18_330.60, within(CENT));
  }

  /**
   * A guarantor paying on each payment date, capped at 20m, behind an 80m senior at 5% due in
   * month 3; the pool is 50m at 12% over 45 days. Period 1: nothing is collected, the guarantor
   * pays the coupon 80m x 5% x 31/365 = 339,726.03. Period 2: the pool pays the coupon 317,808.22
   * and the rest (50m + 739,726.03 - 317,808.22 = 50,421,917.81) goes to the senior as principal
   * (29,578,082.19 left). Period 3, the expected maturity: the guarantor pays the coupon
   * 29,578,082.19 x 5% x 31/365 = 125,605.55 and, of the principal, what is left of its cap:
   * 20m - 339,726.03 - 125,605.55 = 19,534,668.42; 10,043,413.77 stays unpaid.
   */
  @Test
  void aGuarantorPaysEachDateWhatIsDueUpToItsCap() {
    PathRecord r = Deals.expected(deal(bullet("loans", "50m", 45, "12%"), """
        plan_size: 100m
        tranches:
          - {name: senior, amount: 80m, coupon: 5%, payment_months: [3]}
          - {name: sub, amount: 20m, payment_months: [5]}
        guarantee:
          cap: 20m
          tranches: [senior]
          timing: each_payment_date
        """, """
        waterfall:
          amortising:
            - pay_interest: [senior]
            - pay_principal: [senior]
            - draw_guarantee: [senior]
        """)).record();
    assertThat(r.trancheGuaranteeDraw[r.at(0, 0)]).isCloseTo(339_726.03, within(CENT));
    assertThat(r.interestPaid[r.at(0, 0)]).isCloseTo(339_726.03, within(CENT));
    assertThat(r.trancheGuaranteeDraw[r.at(0, 1)]).isZero();
    assertThat(r.interestPaid[r.at(0, 1)]).isCloseTo(317_808.22, within(CENT));
    assertThat(r.principalPaid[r.at(0, 1)]).isCloseTo(50_421_917.81, within(CENT));
    assertThat(r.interestPaid[r.at(0, 2)]).isCloseTo(125_605.55, within(CENT));
    assertThat(r.principalPaid[r.at(0, 2)]).isCloseTo(19_534_668.42, within(CENT));
    assertThat(r.trancheGuaranteeDraw[r.at(0, 2)]).isCloseTo(125_605.55 + 19_534_668.42,
        within(CENT));
    assertThat(r.trancheClosing[r.at(0, 2)]).isCloseTo(10_043_413.77, within(CENT));
    assertThat(r.totalGuaranteeDraw()).isCloseTo(20_000_000, within(CENT));
  }

  /**
   * A pool-factor trigger (below 60%, sequential, not curable) switches to the accelerated
   * waterfall on the date it is breached. Period 2 the short segment pays 50m + 739,726.03 and the
   * pool factor falls to 50%: that date's waterfall is already the accelerated one, so class a (60m)
   * gets all 50,739,726.03 (pro rata it would have had two thirds) and class b nothing. Period 4 the
   * long segment pays 50m + 1,643,835.62: a its last 9,260,273.97, b 30m, the subordinated class
   * 10m and 2,383,561.65 of residual return. Period 5 starts with an empty pool: not tested.
   */
  @Test
  void aSequentialTriggerSwitchesToTheAcceleratedWaterfallOnItsBreachDate() {
    PathRecord r = Deals.expected(deal(SHORT_AND_LONG, """
        plan_size: 100m
        tranches:
          - {name: a, amount: 60m, coupon: 0%, payment_months: [5]}
          - {name: b, amount: 30m, coupon: 0%, payment_months: [5]}
          - {name: sub, amount: 10m, payment_months: [5]}
        """, """
        triggers:
          - name: factor
            metric: pool_factor
            threshold: 60%
            effect: sequential
        waterfall:
          amortising:
            - pay_principal: {tranches: [a, b], allocation: pro_rata}
            - pay_residual: sub
          accelerated:
            - pay_principal: [a]
            - pay_principal: [b]
            - pay_residual: sub
        """)).record();
    assertThat(r.triggerMask).containsExactly(0, 1, 1, 1, 0);
    assertThat(r.dealState[0]).isEqualTo(io.absmc.scenario.DealState.AMORTISING);
    assertThat(r.dealState[1]).isEqualTo(io.absmc.scenario.DealState.ACCELERATED);
    assertThat(r.principalPaid[r.at(0, 1)]).isCloseTo(50_739_726.03, within(CENT));
    assertThat(r.principalPaid[r.at(1, 1)]).isZero();
    assertThat(r.principalPaid[r.at(0, 3)]).isCloseTo(9_260_273.97, within(CENT));
    assertThat(r.principalPaid[r.at(1, 3)]).isCloseTo(30_000_000, within(CENT));
    assertThat(r.principalPaid[r.at(2, 3)]).isCloseTo(10_000_000, within(CENT));
    assertThat(r.trancheResidualPaid[r.at(2, 3)]).isCloseTo(2_383_561.65, within(CENT));
  }

  /**
   * Excess spread, annualised over the opening pool, averaged over the defined periods among the
   * last three, against 1% a year (curable): pool and account interest less this period's coupons
   * and fees. A 70m senior at 5% on the short-and-long pool: period 1, -297,260.27 / 100m x 365/31
   * = -3.500%: breached. Period 2, (739,726.03 - 278,082.19) / 100m x 365/29 = 5.810%, average
   * 1.155%: cured; the senior is paid both coupons (575,342.47) and 50,164,383.56 of principal
   * (19,835,616.44 left). Period 3 (opening pool 50m), -19,835,616.44 x 5% x 31/365 / 50m x 365/31
   * = -1.984%, average 0.109%: breached. Period 4, (1,643,835.62 - 81,516.23) / 50m x 365/30 =
   * 38.016%, average 13.948%: cured. Period 5 starts with no pool: not tested.
   */
  @Test
  void theExcessSpreadTriggerAveragesTheLastThreePeriods() {
    PathRecord r = Deals.expected(deal(SHORT_AND_LONG, """
        plan_size: 100m
        tranches:
          - {name: senior, amount: 70m, coupon: 5%, payment_months: [5]}
          - {name: sub, amount: 30m, payment_months: [5]}
        """, """
        triggers:
          - name: spread
            metric: excess_spread_3m
            threshold: 1%
            effect: sequential
            curable: true
        waterfall:
          amortising:
            - pay_interest: [senior]
            - pay_principal: [senior]
            - pay_residual: sub
        """)).record();
    assertThat(r.excessSpread[0]).isCloseTo(-0.035, within(1e-9));
    assertThat(r.excessSpread[1]).isCloseTo(0.0581034483, within(1e-9));
    assertThat(r.excessSpread[2]).isCloseTo(-0.0198356164, within(1e-9));
    assertThat(r.excessSpread[3]).isCloseTo(0.3801643836, within(1e-9));
    assertThat(r.triggerMask).containsExactly(1, 0, 1, 0, 0);
  }

  /**
   * Fees on the notes outstanding (1%), on the pool balance (0.5%), both at the period start, and
   * a fixed 365,000 a year, accrued by the day count and paid ahead of the senior (70m at 5%).
   * Period 1 collects nothing: 100m x 1% x 31/365 + 100m x 0.5% x 31/365 + 31,000 = 158,397.26 is
   * carried. Period 2 accrues 79,452.05 + 39,726.03 + 29,000 = 148,178.08 and collects 50m +
   * 739,726.03: the fees get 306,575.34, the senior 297,260.27 + 278,082.19 of interest and
   * 49,857,808.22 of principal (20,142,191.78 left). Period 3 collects nothing: its fees, on notes
   * of 50,142,191.78 and a pool of 50m, are 42,586.52 + 21,232.88 + 31,000 = 94,819.40, carried.
   * Period 4 pays them with its own: 50,142,191.78 x 1% x 30/365 + 50m x 0.5% x 30/365 + 30,000 =
   * 91,760.71, in all 186,580.10 (to the cent, give or take the rounding of the parts).
   */
  @Test
  void feesAccrueOnTheirBasisAtThePeriodStart() {
    PathRecord r = Deals.expected(deal(SHORT_AND_LONG, """
        plan_size: 100m
        tranches:
          - {name: senior, amount: 70m, coupon: 5%, payment_months: [5]}
          - {name: sub, amount: 30m, payment_months: [5]}
        fees:
          - {name: trustee, basis: notes_outstanding, annual_rate: 1%}
          - {name: servicer, basis: pool_balance, annual_rate: 0.5%}
          - {name: rating, annual_amount: 365000}
        """, """
        waterfall:
          amortising:
            - pay_fees
            - pay_interest: [senior]
            - pay_principal: [senior]
            - pay_residual: sub
        """)).record();
    assertThat(r.feesPaid[0]).isZero();
    assertThat(r.feesPaid[1]).isCloseTo(306_575.34, within(CENT));
    assertThat(r.principalPaid[r.at(0, 1)]).isCloseTo(49_857_808.22, within(CENT));
    assertThat(r.feesPaid[2]).isZero();
    assertThat(r.feesPaid[3]).isCloseTo(186_580.10, within(CENT));
  }

  /**
   * Revolving to period 2, buying on the payment date at 1.02 per RMB of principal with 80% of
   * the principal collected. Period 2 collects the 100m pool (1,479,452.05 of interest); the
   * reinvest step spends 80m, buying 80m / 1.02 = 78,431,372.55 of 30-day loans on day 60 (Mar 1);
   * 20m waits in the principal account. Period 3 they pay 78,431,372.55 and 78,431,372.55 x 12% x
   * 30/365 = 773,569.70; the senior gets its 80m from the 100,684,394.31 held, the subordinated
   * class its 20m and 684,394.31 of residual return.
   */
  @Test
  void revolvingPurchasesAtAPremiumWithPartOfThePrincipal() {
    PathRecord r = Deals.expected(deal(bullet("loans", "100m", 45, "12%"), """
        plan_size: 100m
        tranches:
          - {name: senior, amount: 80m, coupon: 0%, payment_months: [5]}
          - {name: sub, amount: 20m, payment_months: [5]}
        """, """
        revolving:
          last_period: 2
          timing: payment_date
          purchase_price: 1.02
          reinvestment_rate: 0.8
          template:
            - {segment: loans, share: 1, term_days: 30}
        waterfall:
          revolving:
            - reinvest
          amortising:
            - pay_principal: [senior]
            - pay_residual: sub
        """)).record();
    assertThat(r.purchaseCash[1]).isCloseTo(80_000_000, within(CENT));
    assertThat(r.purchases[1]).isCloseTo(78_431_372.55, within(CENT));
    assertThat(r.principalAccount[1]).isCloseTo(20_000_000, within(CENT));
    assertThat(r.scheduledPrincipal[2]).isCloseTo(78_431_372.55, within(CENT));
    assertThat(r.interest[2]).isCloseTo(773_569.70, within(CENT));
    assertThat(r.principalPaid[r.at(0, 2)]).isCloseTo(80_000_000, within(CENT));
    assertThat(r.principalPaid[r.at(1, 2)]).isCloseTo(20_000_000, within(CENT));
    assertThat(r.trancheResidualPaid[r.at(1, 2)]).isCloseTo(684_394.31, within(CENT));
  }
}
