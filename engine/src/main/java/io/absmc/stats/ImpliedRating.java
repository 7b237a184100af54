package io.absmc.stats;

/**
 * A model-indicated rating and the ratings at the two ends of the estimate's 95% interval: when
 * they differ, the rating is not resolved (the paths cannot tell the letters apart) and is read as
 * a range.
 *
 * @param rating at the estimate (null when it cannot be said, e.g. no WAL)
 * @param atLow at the interval's low end (the better rating)
 * @param atHigh at the interval's high end (the worse rating)
 */
public record ImpliedRating(String rating, String atLow, String atHigh) {

  /** Whether the interval's ends give the same rating: the paths decide the letter. */
  public boolean resolved() {
    return atLow != null && atLow.equals(atHigh);
  }

  /**
   * The rating as it should be read: the letter when resolved, else the range from the better to
   * the worse end ({@code Aaa..A2}); "-" when it cannot be said.
   */
  public String range() {
    if (atLow == null || atHigh == null) {
      return rating == null ? "-" : rating;
    }
    return resolved() ? atLow : atLow + ".." + atHigh;
  }
}
