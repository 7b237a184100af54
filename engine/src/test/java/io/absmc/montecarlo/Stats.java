package io.absmc.montecarlo;

import io.absmc.stats.Distribution;

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

  static double sd(double[] x, double mean) {
    double s = 0;
    for (double v : x) {
      s += (v - mean) * (v - mean);
    }
    return Math.sqrt(s / (x.length - 1));
  }

  /** Standard error of a sample standard deviation: sqrt((m4 - m2^2) / (4 m2 N)). */
  static double sdSe(double[] x, double mean) {
    double m2 = 0;
    double m4 = 0;
    for (double v : x) {
      double d = v - mean;
      m2 += d * d;
      m4 += d * d * d * d;
    }
    m2 /= x.length;
    m4 /= x.length;
    return Math.sqrt((m4 - m2 * m2) / (4 * m2 * x.length));
  }

  static double correlation(double[] a, double[] b) {
    double ma = mean(a);
    double mb = mean(b);
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < a.length; i++) {
      sab += (a[i] - ma) * (b[i] - mb);
      saa += (a[i] - ma) * (a[i] - ma);
      sbb += (b[i] - mb) * (b[i] - mb);
    }
    return sab / Math.sqrt(saa * sbb);
  }

  static double quantile(double[] x, double alpha) {
    return Distribution.of(x, Distribution.Wanted.quantiles(alpha)).quantile(alpha);
  }
}
