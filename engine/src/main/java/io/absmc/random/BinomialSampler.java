package io.absmc.random;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Draws from Binomial(n, p) with a p that may change at every draw, as the cohort engine needs
 * (each cohort and period has its own conditional probability). Uses inversion (sequential search
 * from 0) when n * min(p, 1-p) is below 10, and otherwise the BTPE algorithm of Kachitvichyanukul
 * and Schmeiser, "Binomial random variate generation", Communications of the ACM 31(2), 1988,
 * 216-222 (triangle, parallelograms and exponential tails with a squeeze and Stirling's
 * approximation in the final test), as laid out in that paper's steps 1-6. For p above 1/2 it
 * draws n - Binomial(n, 1 - p).
 *
 * <p>Stateless apart from the generator it is given; thread-safe when each thread passes its own.
 */
public final class BinomialSampler {

  /**
   * Below this mean (of the smaller of p and 1-p) inversion is faster than BTPE here (JMH,
   * BinomialSamplerBenchmark); Kachitvichyanukul and Schmeiser use BTPE from 10 on.
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
    return sample(rng, n, p, Math.log1p(-p));
  }

  /**
   * One draw, when the caller already knows {@code log(1 - p)} (the engine works with hazards, for
   * which it is {@code -h d}); saves a logarithm per draw.
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
      return n - (n * r < INVERSION_MEAN_LIMIT ? inversion(rng, n, r, Math.log(p)) : btpe(rng, n, r));
    }
    return n * p < INVERSION_MEAN_LIMIT ? inversion(rng, n, p, log1mp) : btpe(rng, n, p);
  }

  /** Sequential inversion from 0, restarting in the far tail; r <= 1/2, n r < 10. */
  static long inversion(UniformRandomProvider rng, long n, double r, double log1mr) {
    double q = 1 - r;
    double q0 = Math.exp(n * log1mr);
    double s = r / q;
    double mean = n * r;
    double bound = Math.min(n, mean + 10 * Math.sqrt(mean * q + 1));
    while (true) {
      double u = rng.nextDouble();
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
    }
  }

  /** BTPE for r <= 1/2 and n r >= 10. */
  static long btpe(UniformRandomProvider rng, long n, double r) {
    // Step 0: set-up
    double q = 1 - r;
    double nrq = n * r * q;
    double fm = n * r + r;
    long m = (long) Math.floor(fm);
    double p1 = Math.floor(2.195 * Math.sqrt(nrq) - 4.6 * q) + 0.5;
    double xm = m + 0.5;
    double xl = xm - p1;
    double xr = xm + p1;
    double c = 0.134 + 20.5 / (15.3 + m);
    double a = (fm - xl) / (fm - xl * r);
    double lambdaL = a * (1 + a / 2);
    a = (xr - fm) / (xr * q);
    double lambdaR = a * (1 + a / 2);
    double p2 = p1 * (1 + 2 * c);
    double p3 = p2 + c / lambdaL;
    double p4 = p3 + c / lambdaR;

    while (true) {
      // Step 1: which region
      double u = rng.nextDouble() * p4;
      double v = rng.nextDouble();
      long y;
      if (u <= p1) {
        // triangle: accept at once
        return (long) Math.floor(xm - p1 * v + u);
      }
      if (u <= p2) {
        // Step 2: parallelograms
        double x = xl + (u - p1) / c;
        v = v * c + 1 - Math.abs(m - x + 0.5) / p1;
        if (v > 1) {
          continue;
        }
        y = (long) Math.floor(x);
      } else if (u <= p3) {
        // Step 3: left exponential tail
        y = (long) Math.floor(xl + Math.log(v) / lambdaL);
        if (y < 0 || v == 0) {
          continue;
        }
        v = v * (u - p2) * lambdaL;
      } else {
        // Step 4: right exponential tail
        y = (long) Math.floor(xr - Math.log(v) / lambdaR);
        if (y > n || v == 0) {
          continue;
        }
        v = v * (u - p3) * lambdaR;
      }

      // Step 5: acceptance test
      long k = Math.abs(y - m);
      if (k <= 20 || k >= nrq / 2 - 1) {
        // Step 5.1: evaluate f(y) / f(m) by recursion
        double s = r / q;
        double aa = s * (n + 1);
        double f = 1;
        if (m < y) {
          for (long i = m + 1; i <= y; i++) {
            f *= aa / i - s;
          }
        } else if (m > y) {
          for (long i = y + 1; i <= m; i++) {
            f /= aa / i - s;
          }
        }
        if (v <= f) {
          return y;
        }
        continue;
      }
      // Step 5.2: squeeze on log(v)
      double rho = (k / nrq) * ((k * (k / 3.0 + 0.625) + 1.0 / 6.0) / nrq + 0.5);
      double t = -(double) k * k / (2 * nrq);
      double logV = Math.log(v);
      if (logV < t - rho) {
        return y;
      }
      if (logV > t + rho) {
        continue;
      }
      // Step 5.3: final test with Stirling's formula
      double x1 = y + 1;
      double f1 = m + 1;
      double z = n + 1 - m;
      double w = n - y + 1;
      double bound = xm * Math.log(f1 / x1) + (n - m + 0.5) * Math.log(z / w)
          + (y - m) * Math.log(w * r / (x1 * q))
          + stirling(f1) + stirling(z) + stirling(x1) + stirling(w);
      if (logV <= bound) {
        return y;
      }
    }
  }

  /** The correction term of Stirling's series used by BTPE step 5.3. */
  private static double stirling(double x) {
    double x2 = x * x;
    return (13860 - (462 - (132 - (99 - 140 / x2) / x2) / x2) / x2) / x / 166320;
  }
}
