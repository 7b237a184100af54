package io.absmc.cashflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.absmc.TestFiles;
import io.absmc.resolve.ResolvedDeal;
import io.absmc.scenario.ScenarioException;
import io.absmc.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/** A tranche's loss is what it is still owed after its own legal final date. */
class TrancheLegalFinalTest {

  private static final String DEAL_B = TestFiles.read("scenarios/ant-credit-pay-abs.yaml");

  @Test
  void principalUnpaidAtTheTranchesOwnLegalFinalIsItsLoss() {
    ExpectedCashflows base = ExpectedCashflows.run(ResolvedDeal.resolve(
        ScenarioLoader.parse(DEAL_B, "b.yaml")));
    assertThat(base.tranche("senior_aaa").shortfallVsPromised()).isZero();

    // the AAA class is repaid from month 13 on; a legal final of month 14 (2018-08-26) leaves it short
    String early = DEAL_B.replace(
        "      payment_months: [13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24]  # assumption",
        "      payment_months: [13, 14]\n      legal_final_date: 2018-08-26");
    ExpectedCashflows run = ExpectedCashflows.run(ResolvedDeal.resolve(
        ScenarioLoader.parse(early, "b.yaml")));
    int month14 = 13;
    double outstanding = run.record().trancheClosing[run.record().at(0, month14)];
    assertThat(outstanding).isGreaterThan(1e8);
    TrancheSummary aaa = run.tranche("senior_aaa");
    assertThat(aaa.shortfallVsPromised()).isCloseTo(outstanding, within(0.005));
  }

  @Test
  void legalFinalMustBeAPaymentDateAfterTheLastPaymentMonth() {
    String bad = DEAL_B.replace("      payment_months: [24]\n  fees:",
        "      payment_months: [24]\n      legal_final_date: 2018-08-27\n  fees:");
    assertThat(bad).isNotEqualTo(DEAL_B);
    try {
      ScenarioLoader.parse(bad, "b.yaml");
      throw new AssertionError("expected a problem");
    } catch (ScenarioException e) {
      assertThat(e.problems()).singleElement().asString()
          .contains("tranches[2].legal_final_date: expected one of the deal's payment dates, found 2018-08-27");
    }
  }
}
