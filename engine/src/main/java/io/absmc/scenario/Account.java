package io.absmc.scenario;

import io.absmc.scenario.yaml.Labelled;

/**
 * One of the plan's cash accounts. A waterfall step pays from a list of them, in order
 * ({@link Step#from()}).
 */
public enum Account implements Labelled {
  /** Loan interest and the accounts' own interest. */
  INTEREST("interest"),
  /** Principal collections, prepayments and recoveries. */
  PRINCIPAL("principal"),
  /** The reserve: drawn only by steps that name it, released on the final payment date. */
  RESERVE("reserve");

  private final String label;

  Account(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
