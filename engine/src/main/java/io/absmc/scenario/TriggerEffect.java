package io.absmc.scenario;

import io.absmc.scenario.yaml.Labelled;

/** What a breached trigger does. */
public enum TriggerEffect implements Labelled {
  /** Stop revolving purchases and amortise early. */
  END_REVOLVING("end_revolving"),
  /** Switch to the accelerated waterfall (principal sequential). */
  SEQUENTIAL("sequential"),
  /** Pay what the residual class would get into the reserve account instead. */
  TRAP_EXCESS_SPREAD("trap_excess_spread");

  private final String label;

  TriggerEffect(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
