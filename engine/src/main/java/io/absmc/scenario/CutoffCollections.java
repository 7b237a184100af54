package io.absmc.scenario;

import io.absmc.scenario.yaml.Labelled;

/** When the collections between the cut-off date and closing reach the plan's accounts. */
public enum CutoffCollections implements Labelled {
  /**
   * At closing: the plan holds them from closing, earning account interest, and a deal that
   * reinvests at collection spends their principal at closing.
   */
  CLOSING("closing"),
  /**
   * With the first collection period's cash, as if collected on its last day: no account
   * interest before, and reinvested only from then.
   */
  FIRST_PAYMENT_DATE("first_payment_date");

  private final String label;

  CutoffCollections(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
