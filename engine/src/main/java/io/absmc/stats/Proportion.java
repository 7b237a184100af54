package io.absmc.stats;

import java.io.Serializable;

/**
 * The probability of an event over a run's paths (a tranche losing, a trigger being breached),
 * with what its {@link Interval95} interval needs: the weighted mean and standard error of the
 * indicator, the number of paths on which it happened, and the smallest defensive share of the
 * blocks. Block by block and mergeable like {@link Moments}. Not thread-safe.
 */
public final class Proportion implements Serializable {

  private static final long serialVersionUID = 1L;

  private final Moments indicator = new Moments();
  private long events;
  private double defensiveShare = 1;

  /** Adds a path on which the event did or did not happen, with its likelihood ratio. */
  public void add(boolean happened, double w) {
    indicator.add(happened ? 1 : 0, w);
    if (happened) {
      events++;
    }
  }

  /** Closes the paths added since the last call, drawn with this defensive share. */
  public void endBlock(double blockDefensiveShare) {
    defensiveShare = Math.min(defensiveShare, blockDefensiveShare);
    indicator.endBlock();
  }

  /** Adds the closed blocks of the paths after these. */
  public void merge(Proportion later) {
    indicator.merge(later.indicator);
    events += later.events;
    defensiveShare = Math.min(defensiveShare, later.defensiveShare);
  }

  public long paths() {
    return indicator.count();
  }

  /** Paths on which the event happened. */
  public long events() {
    return events;
  }

  public double estimate() {
    return indicator.mean();
  }

  public double se() {
    return indicator.se();
  }

  public Interval95.Interval interval() {
    return Interval95.proportion(estimate(), se(), events, paths(), defensiveShare);
  }
}
