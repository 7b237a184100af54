package io.absmc.random;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Draws from Binomial(n, p) with a p that may change at every draw, as the cohort engine needs
 * (each cohort and period has its own conditional probability). Uses inversion (sequential search
 * from 0) when n * min(p, 1-p) is below 10, and otherwise the BTRD algorithm of W. Hörmann, "The
 * generation of binomial random variates", Journal of Statistical Computation and Simulation
 * 46(1-2), 1993, 101-110 (transformed rejection with decomposition), whose set-up is cheap
 * enough to pay at every draw. For p above 1/2 it draws n - Binomial(n, 1 - p).
 *
 * <p>Stateless apart from the generator it is given; thread-safe when each thread passes its own.
 */
public final class BinomialSampler {

  /**
   * Below this mean (of the smaller of p and 1-p) inversion is used; BTRD is valid from 10 on
   * (Hörmann's own bound).
   */
  static final double INVERSION_MEAN_LIMIT = 10;

  private BinomialSampler() {
  }

  /**
   * One draw.
   *
   * @param n number of trials, {@code >= 0}
   * @param p success probability in [0, 1]
   */
  public static long sample(UniformRandomProvider rng, long n, double p) {
    return sample(rng, n, p, Double.NaN);
  }

  /**
   * One draw, when the caller already knows {@code log(1 - p)} (the engine works with hazards, for
   * which it is {@code -h d}); saves a logarithm per draw. NaN: not known, computed only where
   * needed (some draws by inversion).
   */
  public static long sample(UniformRandomProvider rng, long n, double p, double log1mp) {
    if (n <= 0 || p <= 0) {
      return 0;
    }
    if (p >= 1) {
      return n;
    }
    if (p > 0.5) {
      double r = 1 - p;
      return n - (n * r < INVERSION_MEAN_LIMIT ? inversion(rng, n, r, Double.NaN) : btrd(rng, n, r));
    }
    return n * p < INVERSION_MEAN_LIMIT ? inversion(rng, n, p, log1mp) : btrd(rng, n, p);
  }

  /**
   * Sequential inversion from 0, restarting in the far tail; r <= 1/2, n r < 10; {@code log1mr}
   * is log(1 - r) or NaN when not known.
   */
  static long inversion(UniformRandomProvider rng, long n, double r, double log1mr) {
    // P(X = 0) = exp(n log(1 - r)) >= 1 + n log(1 - r) >= 1 - n r / (1 - r): below either, 0
    // without a logarithm or an exponential
    double q = 1 - r;
    double first = rng.nextDouble();
    if (first <= 1 - n * r / q) {
      return 0;
    }
    double logQ0 = n * (Double.isNaN(log1mr) ? Math.log1p(-r) : log1mr);
    if (first <= 1 + logQ0) {
      return 0;
    }
    double q0 = Math.exp(logQ0);
    double s = r / q;
    double mean = n * r;
    double bound = Math.min(n, mean + 10 * Math.sqrt(mean * q + 1));
    double u = first;
    while (true) {
      double px = q0;
      long x = 0;
      while (u > px) {
        u -= px;
        x++;
        if (x > bound) {
          break;
        }
        px *= s * (n - x + 1) / x;
      }
      if (x <= bound) {
        return x;
      }
      u = rng.nextDouble();
    }
  }

  /**
   * BTRD for r <= 1/2 and n r >= 10: a draw u, v is turned into a candidate k by a transformation
   * whose central part (u_r v_r, about 86% of draws) is accepted at once without evaluating the
   * distribution; the rest is accepted by the exact ratio f(k) / f(m), by recursion near the mode m,
   * else by a squeeze and Stirling's series. Set-up is one square root and two divisions; the
   * logarithms of the slow path are only taken when it is reached.
   */
  static long btrd(UniformRandomProvider rng, long n, double r) {
    double npq = n * r * (1 - r);
    double sqrtNpq = Math.sqrt(npq);
    double b = 1.15 + 2.53 * sqrtNpq;
    double a = -0.0873 + 0.0248 * b + 0.01 * r;
    double c = n * r + 0.5;
    double vr = 0.92 - 4.2 / b;
    double urvr = 0.86 * vr;

    while (true) {
      // Step 1: the central part, accepted at once
      double v = rng.nextDouble();
      if (v <= urvr) {
        double u = v / vr - 0.43;
        return (long) Math.floor((2 * a / (0.5 - Math.abs(u)) + b) * u + c);
      }
      // Step 2: a point (u, v) of the rest of the hat
      double u;
      if (v >= vr) {
        u = rng.nextDouble() - 0.5;
      } else {
        u = v / vr - 0.93;
        u = Math.copySign(0.5, u) - u;
        v = rng.nextDouble() * vr;
      }
      // Step 3.0: the candidate and its height under the hat
      double us = 0.5 - Math.abs(u);
      double kd = Math.floor((2 * a / us + b) * u + c);
      if (kd < 0 || kd > n) {
        continue;
      }
      long k = (long) kd;
      double alpha = (2.83 + 5.1 / b) * sqrtNpq;
      v *= alpha / (a / (us * us) + b);
      long m = (long) Math.floor((n + 1) * r);
      long km = Math.abs(k - m);
      double s = r / (1 - r);
      if (km <= 15) {
        // Step 3.1: f(k) / f(m) by recursion, f(i) / f(i - 1) = (n + 1) s / i - s
        double nr = (n + 1) * s;
        double f = 1;
        for (long i = m + 1; i <= k; i++) {
          f *= nr / i - s;
        }
        for (long i = k + 1; i <= m; i++) {
          v *= nr / i - s;
        }
        if (v <= f) {
          return k;
        }
        continue;
      }
      // Step 3.2: squeeze on log(v)
      double logV = Math.log(v);
      double rho = (km / npq) * (((km / 3.0 + 0.625) * km + 1.0 / 6.0) / npq + 0.5);
      double t = -(double) km * km / (2 * npq);
      if (logV < t - rho) {
        return k;
      }
      if (logV > t + rho) {
        continue;
      }
      // Steps 3.3 and 3.4: the final test with Stirling's series
      double nm = n - m + 1;
      double h = (m + 0.5) * Math.log((m + 1) / (s * nm)) + stirling(m) + stirling(n - m);
      double nk = n - k + 1;
      double bound = h + (n + 1) * Math.log(nm / nk) + (k + 0.5) * Math.log(nk * s / (k + 1))
          - stirling(k) - stirling(n - k);
      if (logV <= bound) {
        return k;
      }
    }
  }

  /** log(k!) - Stirling's approximation of it: exact below 10, else three terms of the series. */
  private static double stirling(long k) {
    if (k < STIRLING_TABLE.length) {
      return STIRLING_TABLE[(int) k];
    }
    double x = 1.0 / (k + 1);
    double x2 = x * x;
    return (1.0 / 12 - (1.0 / 360 - x2 / 1260) * x2) * x;
  }

  /** log(k!) - (k + 1/2) log(k + 1) + (k + 1) - log(2 pi) / 2 for k = 0..9. */
  private static final double[] STIRLING_TABLE = stirlingTable();

  private static double[] stirlingTable() {
    double[] t = new double[10];
    double logFactorial = 0;
    for (int k = 0; k < t.length; k++) {
      if (k > 0) {
        logFactorial += Math.log(k);
      }
      t[k] = logFactorial - (k + 0.5) * Math.log(k + 1) + (k + 1) - 0.5 * Math.log(2 * Math.PI);
    }
    return t;
  }
}
