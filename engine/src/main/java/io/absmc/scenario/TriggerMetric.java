package io.absmc.scenario;

import io.absmc.scenario.yaml.Labelled;

/** A pool or deal metric an early-warning trigger watches. */
public enum TriggerMetric implements Labelled {
  /** Defaulted balance to date over the initial pool plus all purchases. */
  CUMULATIVE_DEFAULT_RATE("cumulative_default_rate"),
  /** Defaulted balance in the period over the opening pool balance. */
  PERIOD_DEFAULT_RATE("period_default_rate"),
  /** Balance 30 or more days past due and not yet charged off, over the pool balance. */
  DELINQUENCY_30("delinquency_30"),
  /** Balance 60 or more days past due and not yet charged off, over the pool balance. */
  DELINQUENCY_60("delinquency_60"),
  /** Balance 90 or more days past due and not yet charged off, over the pool balance. */
  DELINQUENCY_90("delinquency_90"),
  /** Annualised excess spread (pool interest less fees and coupons due, over the pool balance), averaged over the last 3 periods. */
  EXCESS_SPREAD_3M("excess_spread_3m"),
  /** Pool balance over the initial pool balance. */
  POOL_FACTOR("pool_factor");

  private final String label;

  TriggerMetric(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  /**
   * Whether a value above the threshold breaches (default and delinquency rates); excess spread and
   * pool factor breach when they fall below it.
   */
  public boolean breachesAbove() {
    return this != EXCESS_SPREAD_3M && this != POOL_FACTOR;
  }
}
