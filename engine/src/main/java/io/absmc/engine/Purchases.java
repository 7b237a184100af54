package io.absmc.engine;

/** Buys loans for the waterfall's reinvest step: the pool itself, or a recorded path replayed. */
@FunctionalInterface
interface Purchases {

  /** Spends up to {@code cash} on new loans on {@code day} of {@code period}; returns the cash spent. */
  double buy(int period, int day, double cash);
}
