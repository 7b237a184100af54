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

  /**
   * The principal an instalment repays: of a balance {@code balance} with {@code remaining}
   * instalments left (this one included) at {@code monthlyRate}; the last repays all of it.
   */
  public double principalDue(double balance, double monthlyRate, int remaining) {
    if (remaining == 1) {
      return balance;
    }
    return switch (this) {
      case INTEREST_ONLY -> 0;
      case EQUAL_PRINCIPAL -> balance / remaining;
      case LEVEL_PAYMENT -> monthlyRate == 0 ? balance / remaining
          : balance * monthlyRate / (1 - Math.pow(1 + monthlyRate, -remaining))
              - balance * monthlyRate;
      case BULLET -> throw new IllegalStateException("bullet loans have no instalments");
    };
  }

  /** Whether the loan pays monthly instalments, so its term must be in whole months. */
  public boolean isInstalment() {
    return this != BULLET;
  }
}
