package io.absmc.montecarlo;

import io.absmc.stats.Sample;

/** Sample statistics of per-path arrays in tests (quantiles by the engine's one definition). */
final class Stats {

  private Stats() {
  }

  static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  static double quantile(double[] x, double alpha) {
    Sample s = new Sample(x.length);
    for (double v : x) {
      s.add(v);
    }
    return s.quantile(alpha);
  }
}
