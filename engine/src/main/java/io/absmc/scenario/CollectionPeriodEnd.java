package io.absmc.scenario;

import io.absmc.scenario.yaml.Labelled;

/** Where a payment date's collection period ends. */
public enum CollectionPeriodEnd implements Labelled {
  /** On the payment date itself: the pool is stepped between payment dates. */
  PAYMENT_DATE("payment_date"),
  /**
   * On the last day of the month before the payment date: a payment date distributes the cash of
   * the calendar months that ended since the previous one.
   */
  MONTH_END("month_end");

  private final String label;

  CollectionPeriodEnd(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
