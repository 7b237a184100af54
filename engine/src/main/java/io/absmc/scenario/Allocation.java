package io.absmc.scenario;

import io.absmc.scenario.yaml.Labelled;

/** How one waterfall step shares funds among several tranches. */
public enum Allocation implements Labelled {
  /** In the order listed: each is paid in full before the next gets anything. */
  SEQUENTIAL("sequential"),
  /** In proportion to what each is owed. */
  PRO_RATA("pro_rata");

  private final String label;

  Allocation(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
