package io.absmc.scenario;

import io.absmc.scenario.yaml.Labelled;

/** The state of the deal, each with its own waterfall. */
public enum DealState implements Labelled {
  /** Collections buy new loans. */
  REVOLVING("revolving"),
  /** Collections pay down the securities. */
  AMORTISING("amortising"),
  /** After a sequential trigger: the accelerated waterfall. */
  ACCELERATED("accelerated");

  private final String label;

  DealState(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
