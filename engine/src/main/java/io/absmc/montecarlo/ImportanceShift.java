package io.absmc.montecarlo;

import io.absmc.engine.ExpectedValueDriver;
import io.absmc.engine.PathEngine;
import io.absmc.engine.PathRecord;
import io.absmc.engine.PerformanceDriver;
import io.absmc.resolve.ResolvedDeal;

/**
 * Chooses the importance-sampling shift of a deal's default factors for one tranche, on the deal's
 * own periods: the most likely factor innovations under which the tranche starts to lose (after
 * Glasserman and Li, "Importance sampling for portfolio credit risk", Management Science 51(11),
 * 2005, who shift the factors to the most likely point of the loss region).
 *
 * <p>Direction: to first order the pool's loss is a weighted sum sum_k a_k X_k of the vintages'
 * factors, a_k the vintage's expected loss on the expected-value path. With X = L e (the
 * autoregression of the factors on their innovations), the most likely innovations e (smallest
 * |e|) that give that sum a value are proportional to v = L' a. Length: the smallest m at which the
 * tranche loses on the large-pool path whose innovations are m v / |v| (prepayment and recovery
 * normals at 0), by bisection on [0, {@link #MAX}]. With one factor for the deal, v is that factor
 * and m its break-even value.
 */
public final class ImportanceShift {

  /**
   * The longest shift chosen: a tranche that does not lose on the large-pool path there has a PD
   * below 1e-50, and the weights of the paths that lose beyond it are still normal doubles.
   */
  static final double MAX = 15;

  /** Bracket of the bisection on the shift's length. */
  private static final double TOLERANCE = 1e-3;

  private ImportanceShift() {
  }

  /**
   * The shift aimed at tranche {@code t}: none when the tranche loses on the expected-value path
   * (its losses are not rare).
   */
  public static ImportanceSampling forTranche(ResolvedDeal deal, int t, double defensiveShare) {
    ModelTables tables = new ModelTables(deal);
    double[] v = direction(deal, tables);
    String name = deal.trancheNames[t];
    if (loses(deal, tables, v, 0, t)) {
      return new ImportanceSampling(new double[0], 1, name + ": loses on the expected path");
    }
    double hi = MAX;
    if (!loses(deal, tables, v, hi, t)) {
      return new ImportanceSampling(scale(v, hi), defensiveShare, name);
    }
    double lo = 0;
    while (hi - lo > TOLERANCE) {
      double mid = 0.5 * (lo + hi);
      if (loses(deal, tables, v, mid, t)) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return new ImportanceSampling(scale(v, hi), defensiveShare, name);
  }

  /** A shift of length {@code length} in the deal's direction (for {@code shift=MU}). */
  public static ImportanceSampling ofLength(ResolvedDeal deal, double length,
      double defensiveShare) {
    double[] v = direction(deal, new ModelTables(deal));
    return new ImportanceSampling(scale(v, length), defensiveShare,
        "shift=" + length);
  }

  private static double[] scale(double[] v, double length) {
    double[] out = new double[v.length];
    for (int k = 0; k < v.length; k++) {
      out[k] = length * v[k];
    }
    return out;
  }

  /** The unit direction v = L' a / |L' a| of the factor innovations. */
  static double[] direction(ResolvedDeal deal, ModelTables tables) {
    int n = tables.innovations;
    if (n == 1) {
      return new double[] {1};
    }
    double[] a = expectedLossByVintage(deal, tables);
    // b_j = sum_(k >= j) a_k prod_(i = j+1..k) c_i, backwards; (L' a)_j = fresh_j b_j
    double[] v = new double[n];
    double b = 0;
    for (int j = n - 1; j >= 0; j--) {
      b = a[j] + (j + 1 < n ? tables.carry[j + 1] * b : 0);
      v[j] = tables.fresh[j] * b;
    }
    double norm = 0;
    for (double x : v) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    if (!(norm > 0)) {
      double[] first = new double[n];
      first[0] = 1;
      return first;
    }
    for (int j = 0; j < n; j++) {
      v[j] /= norm;
    }
    return v;
  }

  /** Expected loss (defaulted principal less recoveries) of each vintage on the expected path. */
  private static double[] expectedLossByVintage(ResolvedDeal deal, ModelTables tables) {
    double[] a = new double[tables.vintages];
    ExpectedValueDriver expected = new ExpectedValueDriver(deal);
    PerformanceDriver recording = new PerformanceDriver() {
      @Override
      public void beginPeriod(int period) {
        expected.beginPeriod(period);
      }

      @Override
      public double defaults(int segment, int startDay, int fromDay, int toDay, double loans) {
        double d = expected.defaults(segment, startDay, fromDay, toDay, loans);
        int k = deal.curveIndex(segment, deal.originDay(segment, startDay), fromDay + 1);
        a[tables.vintageOfDay[startDay]] +=
            d * deal.averageBalance[segment] * (1 - deal.recoveryRate(segment, k));
        return d;
      }

      @Override
      public double prepayments(int segment, int startDay, int fromDay, int toDay, double loans) {
        return expected.prepayments(segment, startDay, fromDay, toDay, loans);
      }
    };
    new PathEngine(deal).run(recording, new PathRecord(deal));
    return a;
  }

  /** Whether tranche t loses on the large-pool path with innovations m v. */
  private static boolean loses(ResolvedDeal deal, ModelTables tables, double[] v, double m,
      int t) {
    MonteCarloDriver driver = new MonteCarloDriver(deal, tables, Granularity.LARGE_POOL,
        ImportanceSampling.OFF);
    driver.fixInnovations(scale(v, m));
    PathRecord r = new PathRecord(deal);
    new PathEngine(deal).run(driver, r);
    double shortfall = r.principalLoss(t) + r.interestLoss(t);
    return shortfall > BlockResult.LOSS_TOLERANCE * deal.trancheAmount[t];
  }
  /**
   * Importance sampling as the command line and the API name it: {@code off}, {@code auto} (aim
   * at the most senior tranche), {@code tranche=NAME} or {@code shift=MU}, then optionally
   * {@code ,defensive=A} (the share of unshifted paths).
   *
   * @throws IllegalArgumentException for anything else, with a message that follows the option's
   *     name ("must be off, auto, ...")
   */
  public static ImportanceSampling parse(ResolvedDeal deal, String value) {
    String[] parts = value.trim().split(",");
    String main = parts[0].trim();
    double defensive = ImportanceSampling.DEFAULT_DEFENSIVE_SHARE;
    String usage = "must be off, auto, tranche=NAME or shift=MU with |MU| <= 10, optionally"
        + " followed by ,defensive=A with 0 < A <= 1; found '" + value + "'";
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].trim().toLowerCase(java.util.Locale.ROOT);
      if (!p.startsWith("defensive=")) {
        throw new IllegalArgumentException(usage);
      }
      try {
        defensive = Double.parseDouble(p.substring("defensive=".length()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(usage);
      }
      if (!(defensive > 0 && defensive <= 1)) {
        throw new IllegalArgumentException(usage);
      }
    }
    String lower = main.toLowerCase(java.util.Locale.ROOT);
    if (lower.equals("off")) {
      return ImportanceSampling.OFF;
    }
    if (lower.equals("auto")) {
      return forTranche(deal, 0, defensive);
    }
    if (lower.startsWith("tranche=")) {
      String name = main.substring("tranche=".length());
      for (int t = 0; t < deal.tranches; t++) {
        if (deal.trancheNames[t].equals(name)) {
          return forTranche(deal, t, defensive);
        }
      }
      throw new IllegalArgumentException("names an unknown tranche '" + name + "'; the deal has "
          + String.join(", ", deal.trancheNames));
    }
    if (lower.startsWith("shift=")) {
      try {
        double mu = Double.parseDouble(lower.substring(6));
        if (Math.abs(mu) <= 10) {
          return ofLength(deal, mu, defensive);
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new IllegalArgumentException(usage);
  }
}
