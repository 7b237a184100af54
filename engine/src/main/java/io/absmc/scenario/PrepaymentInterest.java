package io.absmc.scenario;

import io.absmc.scenario.yaml.Labelled;

/** What a borrower pays besides the principal when repaying a loan in full early. */
public enum PrepaymentInterest implements Labelled {
  /** The interest accrued since the last instalment (or origination) to the repayment day. */
  ACCRUED("accrued"),
  /** Nothing: the principal only (many consumer-loan markets). */
  NONE("none");

  private final String label;

  PrepaymentInterest(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
