package io.absmc.scenario;

import io.absmc.scenario.yaml.Labelled;

/** When a guarantor tops up a covered tranche. */
public enum GuaranteeTiming implements Labelled {
  /** On every payment date, for the interest and scheduled principal left unpaid that day. */
  EACH_PAYMENT_DATE("each_payment_date"),
  /** Once, in the tranche's last expected payment month, for everything it is still owed. */
  AT_MATURITY("at_maturity");

  private final String label;

  GuaranteeTiming(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
