package io.absmc.scenario;

import io.absmc.scenario.yaml.Labelled;

/** How a loan repays its principal. */
public enum Amortisation implements Labelled {
  /** Principal and all interest at maturity (order loans: repaid when the buyer confirms). */
  BULLET("bullet"),
  /** Interest every month, principal at maturity (interest-only with a balloon). */
  INTEREST_ONLY("interest_only"),
  /** Equal principal every month plus interest on the balance (等额本金). */
  EQUAL_PRINCIPAL("equal_principal"),
  /** Level monthly instalment of principal and interest, the annuity (等额本息). */
  LEVEL_PAYMENT("level_payment");

  private final String label;

  Amortisation(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  /** Whether the loan pays monthly instalments, so its term must be in whole months. */
  public boolean isInstalment() {
    return this != BULLET;
  }
}
