package io.absmc.scenario;

import io.absmc.scenario.yaml.Labelled;

/** When revolving purchases are made. */
public enum ReinvestTiming implements Labelled {
  /** The day principal is collected: the replacement loan starts that day. */
  COLLECTION("collection"),
  /** On each payment date, by the waterfall's reinvest step. */
  PAYMENT_DATE("payment_date");

  private final String label;

  ReinvestTiming(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
