package io.absmc.scenario;

import io.absmc.scenario.yaml.Labelled;

/** How a tranche's principal falls due. */
public enum PrincipalPayment implements Labelled {
  /** Whatever the waterfall has available, as soon as it is available; all of it due at the tranche's last expected payment month. */
  PASS_THROUGH("pass_through"),
  /** All of it at the last expected payment month. */
  BULLET("bullet"),
  /** Equal parts in each expected payment month. */
  SCHEDULED("scheduled");

  private final String label;

  PrincipalPayment(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
