package io.absmc.montecarlo;

import io.absmc.scenario.yaml.Labelled;

/**
 * The numerical scheme that turns a cohort's conditional probability into a number of loans: three
 * ways, one interface. The model (conditional probabilities) is the same in all three.
 */
public enum Granularity implements Labelled {
  /** Every loan drawn on its own: one uniform per loan per period, compared with the probability. */
  LOAN("loan"),
  /**
   * Loans of a cohort are exchangeable: the number defaulting is Binomial(n, p) and the number
   * prepaying Binomial(survivors, q), one draw per cohort per period, whatever n is.
   */
  COHORT("cohort"),
  /** The Vasicek limit: the fraction that defaults is the conditional probability, no idiosyncratic noise. */
  LARGE_POOL("large-pool");

  private final String label;

  Granularity(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  /** Whether loan counts must be whole numbers. */
  public boolean wholeLoans() {
    return this != LARGE_POOL;
  }
}
