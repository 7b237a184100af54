package io.absmc.stats;

/**
 * A model-indicated rating and the ratings at the two ends of the estimate's 95% interval: when
 * they differ, the Monte Carlo noise decides the letter and more paths are needed.
 *
 * @param rating at the estimate (null when it cannot be said, e.g. no WAL)
 * @param atLow at the interval's low end (the better rating)
 * @param atHigh at the interval's high end (the worse rating)
 */
public record ImpliedRating(String rating, String atLow, String atHigh) {
}
