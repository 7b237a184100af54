package io.absmc.cashflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.absmc.TestFiles;
import io.absmc.engine.PathRecord;
import io.absmc.resolve.ResolvedDeal;
import io.absmc.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The source articles' worked example (R4 in docs/reference-values.md) and two more amounts
 * collected, each worked out by hand below, exact to the cent.
 *
 * <p>Common to all three: plan size 500m; senior 375m at 6.2%, mezzanine 75m at 11%, subordinated
 * 50m; one 365-day period, so each coupon is a full year's. Fees on plan size: management 0.5%
 * (2.50m), custody 0.03% (0.15m), guarantee 2% (10.00m): 12.65m. Senior is owed 375 x 1.062 =
 * 398.25m, mezzanine 75 x 1.11 = 83.25m. Guarantee cap 30% x 500m = 150m.
 */
class WorkedExampleTest {

  private static final double CENT = 0.005;
  private static final String FILE = "scenarios/examples/seed-worked-example.yaml";

  private static ExpectedCashflows run(String text) {
    return ExpectedCashflows.run(ResolvedDeal.resolve(ScenarioLoader.parse(text, FILE)));
  }

  private static double fees(ExpectedCashflows run) {
    return run.record().feesPaid[0];
  }

  /**
   * 300m collected (the article): 300 - 12.65 = 287.35m all to senior; the guarantor pays senior
   * 398.25 - 287.35 = 110.90m, leaving 150 - 110.90 = 39.10m of the cap; mezzanine gets those
   * 39.10m, 83.25 - 39.10 = 44.15m short of its promise and 75 - 39.10 = 35.90m below what it paid
   * in; subordinated gets nothing.
   */
  @Test
  void articleCaseOf300mCollectedIsExactToTheCent() {
    ExpectedCashflows run = run(TestFiles.read(FILE));
    PathRecord r = run.record();
    assertThat(r.scheduledPrincipal[0] + r.interest[0]).isCloseTo(300e6, within(CENT));
    assertThat(fees(run)).isCloseTo(12.65e6, within(CENT));

    TrancheSummary senior = run.tranche("senior");
    assertThat(senior.received()).isCloseTo(398.25e6, within(CENT));
    assertThat(senior.fromGuarantor()).isCloseTo(110.90e6, within(CENT));
    assertThat(senior.gainVsPaidIn()).isCloseTo(23.25e6, within(CENT));
    assertThat(senior.shortfallVsPromised()).isCloseTo(0, within(CENT));

    TrancheSummary mezz = run.tranche("mezzanine");
    assertThat(mezz.received()).isCloseTo(39.10e6, within(CENT));
    assertThat(mezz.fromGuarantor()).isCloseTo(39.10e6, within(CENT));
    assertThat(mezz.promised()).isCloseTo(83.25e6, within(CENT));
    assertThat(mezz.shortfallVsPromised()).isCloseTo(44.15e6, within(CENT));
    assertThat(mezz.gainVsPaidIn()).isCloseTo(-35.90e6, within(CENT));

    TrancheSummary sub = run.tranche("subordinated");
    assertThat(sub.received()).isCloseTo(0, within(CENT));
    assertThat(sub.gainVsPaidIn()).isCloseTo(-50e6, within(CENT));
    assertThat(r.totalGuaranteeDraw()).isCloseTo(150e6, within(CENT));
  }

  /**
   * 400m collected (a 20% default rate): 400 - 12.65 = 387.35m to senior; guarantor pays senior
   * 398.25 - 387.35 = 10.90m; mezzanine gets nothing from the pool and its full 83.25m from the
   * guarantor (139.10m of the cap was left); the guarantor pays 94.15m in all, 55.85m short of its
   * cap; subordinated gets nothing.
   */
  @Test
  void guaranteeNotExhaustedWhen400mCollected() {
    ExpectedCashflows run = run(TestFiles.read(FILE)
        .replace("annual_default_rate: 40%", "annual_default_rate: 20%"));
    assertThat(run.record().scheduledPrincipal[0]).isCloseTo(400e6, within(CENT));
    assertThat(fees(run)).isCloseTo(12.65e6, within(CENT));
    TrancheSummary senior = run.tranche("senior");
    assertThat(senior.received()).isCloseTo(398.25e6, within(CENT));
    assertThat(senior.fromGuarantor()).isCloseTo(10.90e6, within(CENT));
    TrancheSummary mezz = run.tranche("mezzanine");
    assertThat(mezz.received()).isCloseTo(83.25e6, within(CENT));
    assertThat(mezz.fromGuarantor()).isCloseTo(83.25e6, within(CENT));
    assertThat(mezz.shortfallVsPromised()).isCloseTo(0, within(CENT));
    assertThat(run.record().totalGuaranteeDraw()).isCloseTo(94.15e6, within(CENT));
    assertThat(run.tranche("subordinated").received()).isCloseTo(0, within(CENT));
  }

  /**
   * 520m collected (no defaults; the loans earn 4% for the year: 500m principal + 20m interest):
   * 520 - 12.65 = 507.35m; senior 398.25m, mezzanine 83.25m, both from the pool; 507.35 - 398.25 -
   * 83.25 = 25.85m left for subordinated, 50 - 25.85 = 24.15m less than it paid in; the guarantor
   * pays nothing.
   */
  @Test
  void subordinatedIsPaidWhen520mCollected() {
    ExpectedCashflows run = run(TestFiles.read(FILE)
        .replace("annual_default_rate: 40%", "annual_default_rate: 0")
        .replace("annual_rate: 0 ", "annual_rate: 4% "));
    PathRecord r = run.record();
    assertThat(r.scheduledPrincipal[0] + r.interest[0]).isCloseTo(520e6, within(CENT));
    assertThat(run.tranche("senior").received()).isCloseTo(398.25e6, within(CENT));
    assertThat(run.tranche("mezzanine").received()).isCloseTo(83.25e6, within(CENT));
    TrancheSummary sub = run.tranche("subordinated");
    assertThat(sub.received()).isCloseTo(25.85e6, within(CENT));
    assertThat(sub.gainVsPaidIn()).isCloseTo(-24.15e6, within(CENT));
    assertThat(sub.shortfallVsPromised()).isCloseTo(24.15e6, within(CENT));
    assertThat(r.totalGuaranteeDraw()).isCloseTo(0, within(CENT));
  }

  @Test
  void seniorIrrIsItsCouponWhenPaidInFullAfterOneYear() {
    ExpectedCashflows run = run(TestFiles.read(FILE));
    assertThat(run.tranche("senior").irr()).isCloseTo(0.062, within(1e-9));
    assertThat(run.tranche("senior").walYears()).isCloseTo(1.0, within(1e-12));
    assertThat(run.tranche("subordinated").irr()).isEqualTo(-1.0);
  }
}
