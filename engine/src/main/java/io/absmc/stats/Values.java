package io.absmc.stats;

/** Takes paths' values with their weights: a {@link Distribution}'s first pass or its second. */
public interface Values {

  /** Adds a path's value (NaN is left out) with its likelihood-ratio weight. */
  void add(double x, double w);
}
