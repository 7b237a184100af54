package io.absmc.scenario;

import io.absmc.scenario.yaml.Labelled;

/** What the values of a segment's default and prepayment rate curves are indexed by. */
public enum CurveBasis implements Labelled {
  /** The deal's payment periods: value t holds for every loan during period t. */
  PAYMENT_PERIOD("payment_period"),
  /**
   * The loan's months on book: value m holds during the m-th month of each loan's life, months
   * counted on the loan's own calendar from its origination (loans bought while revolving start
   * at month 1).
   */
  MONTHS_ON_BOOK("months_on_book");

  private final String label;

  CurveBasis(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
