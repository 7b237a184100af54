package io.absmc.scenario;

import io.absmc.scenario.yaml.Labelled;

/** How a Monte Carlo path's default rates depart from the base case. */
public enum DefaultModel implements Labelled {
  /**
   * One-factor Gaussian copula (Vasicek 1987, 2002): each period a systematic factor Z_t, and a
   * loan's conditional default probability Phi((Phi^-1(p) - sqrt(rho) Z_t) / sqrt(1 - rho)).
   */
  VASICEK("vasicek"),
  /**
   * The granular-pool method of the rating agencies: each path's default rates are the base rates
   * times one lognormal multiplier with mean 1, so the pool's lifetime default rate is lognormal
   * with the base case's mean and the given coefficient of variation; the base rate curve by period
   * is the default timing curve.
   */
  LOGNORMAL("lognormal");

  private final String label;

  DefaultModel(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
