package io.absmc.scenario;

import io.absmc.util.Check;

/**
 * An early-warning line on a pool or deal metric, checked on every payment date after the period's
 * collections and before its waterfall.
 *
 * @param name for reports
 * @param metric what is watched
 * @param threshold the line, constant or by period; breached above it for default and delinquency
 *     rates, below it for excess spread and pool factor
 * @param effect what a breach does
 * @param curable whether the trigger switches off again when the metric is back on the right side;
 *     a trigger that is not curable stays breached
 */
public record Trigger(String name, TriggerMetric metric, RateCurve threshold, TriggerEffect effect,
    boolean curable) {

  public Trigger {
    Check.notBlank("name", name);
    Check.notNull("metric", metric);
    Check.notNull("threshold", threshold);
    Check.notNull("effect", effect);
  }
}
