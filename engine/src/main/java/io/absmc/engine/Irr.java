package io.absmc.engine;

import io.absmc.resolve.ResolvedDeal;

/**
 * Annual internal rate of return of a tranche's cash flows on a path: the r with amount paid in =
 * sum of cash received on payment dates discounted by (1 + r)^years (ACT/365F from closing).
 * Newton's method from the coupon over the non-zero flows, with bisection as a fallback; -1 when
 * nothing came back. One instance per thread (it reuses buffers).
 */
public final class Irr {

  private final double[] flows;
  private final double[] years;

  public Irr(int periods) {
    flows = new double[periods];
    years = new double[periods];
  }

  /** The IRR of tranche {@code t} on the path in {@code r}. */
  public double solve(ResolvedDeal deal, PathRecord r, int t) {
    int n = 0;
    double total = 0;
    for (int p = 0; p < r.periods; p++) {
      int k = r.at(t, p);
      double cash = r.interestPaid[k] + r.principalPaid[k] + r.trancheResidualPaid[k];
      if (cash > 0) {
        flows[n] = cash;
        years[n] = deal.yearsToPayment[p];
        total += cash;
        n++;
      }
    }
    if (total <= 0) {
      return -1;
    }
    double paidIn = deal.trancheAmount[t];
    // Newton on f(x) = sum c e^(-y ln(1+x)) - paid in, decreasing and convex in x
    double x = Math.max(deal.coupon[t], 0);
    for (int iteration = 0; iteration < 50; iteration++) {
      double lg = Math.log1p(x);
      double f = -paidIn;
      double df = 0;
      for (int i = 0; i < n; i++) {
        double v = flows[i] * Math.exp(-years[i] * lg);
        f += v;
        df -= years[i] * v / (1 + x);
      }
      if (df == 0) {
        break;
      }
      double next = x - f / df;
      if (next <= -1) {
        next = (x - 1) / 2;
      }
      if (Math.abs(next - x) < 1e-12) {
        return next;
      }
      x = next;
    }
    return bisect(paidIn, n);
  }

  private double bisect(double paidIn, int n) {
    double lo = -0.999999;
    double hi = 100;
    for (int iteration = 0; iteration < 200; iteration++) {
      double mid = 0.5 * (lo + hi);
      double f = -paidIn;
      for (int i = 0; i < n; i++) {
        f += flows[i] * Math.pow(1 + mid, -years[i]);
      }
      if (f > 0) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return 0.5 * (lo + hi);
  }
}
