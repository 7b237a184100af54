package io.absmc.stats;

/**
 * How often and when a trigger is breached.
 *
 * @param name trigger
 * @param probability share of paths on which it is breached at least once (tested only while the
 *     deal is live)
 * @param interval the probability's 95% interval
 * @param meanYears mean years from closing to its first breach, over the paths that breach it
 * @param firstBreachByPeriod share of paths whose first breach is in each period (1-based at index 0)
 */
public record TriggerStatistics(String name, double probability, Interval95.Interval interval,
    double meanYears, double[] firstBreachByPeriod) {
}
