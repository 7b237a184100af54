package io.absmc.scenario;

import io.absmc.scenario.yaml.Labelled;

/** Which account a waterfall step pays from. */
public enum FundsSource implements Labelled {
  /** The interest (revenue) account, then the reserve account. */
  INTEREST("interest"),
  /** The principal account. */
  PRINCIPAL("principal"),
  /** Interest account, reserve account, then principal account. */
  ALL("all");

  private final String label;

  FundsSource(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
