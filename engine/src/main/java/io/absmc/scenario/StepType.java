package io.absmc.scenario;

import io.absmc.scenario.yaml.Labelled;

/** The kinds of waterfall step. */
public enum StepType implements Labelled {
  /** Pay the fees due, in order. */
  PAY_FEES("pay_fees"),
  /** Pay coupon interest due, including interest carried forward. */
  PAY_INTEREST("pay_interest"),
  /** Pay principal due under each tranche's principal payment rule. */
  PAY_PRINCIPAL("pay_principal"),
  /** Buy new loans with the reinvestable cash (revolving only). */
  REINVEST("reinvest"),
  /** Ask the guarantor for what the listed tranches are still owed. */
  DRAW_GUARANTEE("draw_guarantee"),
  /** Top the reserve account up to its target. */
  FUND_RESERVE("fund_reserve"),
  /** Pay what is left to the residual class. */
  PAY_RESIDUAL("pay_residual");

  private final String label;

  StepType(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
