package io.absmc.scenario;

import io.absmc.scenario.yaml.Labelled;

/** What an annual fee rate is charged on. */
public enum FeeBasis implements Labelled {
  /** The plan size, constant. */
  PLAN_SIZE("plan_size"),
  /** The securities outstanding at the start of the period. */
  NOTES_OUTSTANDING("notes_outstanding"),
  /** The performing pool balance at the start of the period. */
  POOL_BALANCE("pool_balance");

  private final String label;

  FeeBasis(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
