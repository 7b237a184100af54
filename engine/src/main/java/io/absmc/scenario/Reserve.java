package io.absmc.scenario;

import io.absmc.util.Check;

/**
 * A cash reserve account: funded at closing and topped up by {@code fund_reserve} steps to its
 * target; its cash is available to steps that pay from the interest account.
 *
 * @param target the balance {@code fund_reserve} tops up to, in RMB
 * @param initialBalance cash placed in it at closing, in RMB
 */
public record Reserve(double target, double initialBalance) {

  public Reserve {
    Check.nonNegative("target", target);
    Check.nonNegative("initialBalance", initialBalance);
  }
}
