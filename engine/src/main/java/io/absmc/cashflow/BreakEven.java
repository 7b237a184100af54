package io.absmc.cashflow;

import io.absmc.resolve.ResolvedDeal;
import io.absmc.resolve.Shock;
import io.absmc.resolve.Stress;
import io.absmc.scenario.Scenario;

/**
 * A tranche's break-even (critical) default rate under a stress: the largest pool cumulative
 * default rate, on the expected-value path, at which the tranche still receives all promised
 * interest and principal (guarantor's payments included), found by bisection on a multiplier:
 * by default of every loan's lifetime default rate along its timing curve, as rating agencies
 * scale it ({@link Scaling#LIFETIME}: the cumulative probability F becomes min(1, k F)), or of
 * the annual default rates, each capped at 100% ({@link Scaling#ANNUAL_RATES}: a multiplier that
 * lifts a rate to the cap makes every such loan default at once, a cliff of the method rather
 * than of the structure). The multiplier is bracketed to a relative width of {@link #TOLERANCE};
 * the rate reported is the pool's cumulative default rate at the passing end. Stateless and
 * thread-safe.
 */
public final class BreakEven {

  /** Relative width of the final bracket of the default multiplier. */
  public static final double TOLERANCE = 1e-5;

  /** The largest multiplier tried; a tranche that passes there is reported as never losing. */
  static final double MAX_MULTIPLIER = 1e4;

  /** A shortfall below this many RMB counts as none (half a cent). */
  static final double SHORTFALL_TOLERANCE = 0.005;

  /** What the break-even multiplier scales. */
  public enum Scaling {
    /** Each loan's lifetime default rate, its timing kept (after the stress's own shocks). */
    LIFETIME,
    /** The stress's annual default rates, each capped at 100%. */
    ANNUAL_RATES
  }

  private BreakEven() {
  }

  /**
   * The result for one tranche and stress.
   *
   * @param criticalMultiplier the largest multiplier of the stress's default rates that passes
   * @param criticalDefaultRate the pool's cumulative default rate there
   * @param neverLoses whether the tranche passes even at {@link #MAX_MULTIPLIER}
   */
  public record Result(double criticalMultiplier, double criticalDefaultRate, boolean neverLoses) {
  }

  /** The break-even of tranche {@code t} under {@code stress}, scaling lifetime default rates. */
  public static Result of(Scenario scenario, Stress stress, int t) {
    return of(scenario, stress, t, Scaling.LIFETIME);
  }

  /**
   * The break-even of tranche {@code t} under {@code stress} (scaling annual rates, its default
   * shock must be relative).
   */
  public static Result of(Scenario scenario, Stress stress, int t, Scaling scaling) {
    if (scaling == Scaling.LIFETIME) {
      stress = stress.withLifetimeDefaults(1);
    } else if (stress.defaults().absolute()) {
      throw new IllegalArgumentException("a break-even scales the default rates, so the stress's"
          + " default shock must be relative, found " + stress.defaults());
    }
    double base = scaling == Scaling.LIFETIME ? Double.NaN : 1 + stress.defaults().value();
    if (!passes(scenario, stress, base, 0, t)) {
      return new Result(0, 0, false);
    }
    double lo = 0;
    double hi = 1;
    while (passes(scenario, stress, base, hi, t)) {
      lo = hi;
      hi *= 2;
      if (hi > MAX_MULTIPLIER) {
        return new Result(lo, defaultRate(scenario, stress, base, lo), true);
      }
    }
    while (hi - lo > TOLERANCE * hi) {
      double mid = 0.5 * (lo + hi);
      if (passes(scenario, stress, base, mid, t)) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return new Result(lo, defaultRate(scenario, stress, base, lo), false);
  }

  /** The pool's cumulative default rate on the expected-value path under a stress. */
  public static double defaultRate(Scenario scenario, Stress stress) {
    ExpectedCashflows run = ExpectedCashflows.run(ResolvedDeal.resolve(scenario, stress));
    return run.record().cumulativeDefaultRate[run.record().periods - 1];
  }

  private static double defaultRate(Scenario scenario, Stress stress, double base, double m) {
    return defaultRate(scenario, scaled(stress, base, m));
  }

  private static boolean passes(Scenario scenario, Stress stress, double base, double m, int t) {
    ExpectedCashflows run = ExpectedCashflows.run(
        ResolvedDeal.resolve(scenario, scaled(stress, base, m)));
    return run.tranches().get(t).shortfallVsPromised() <= SHORTFALL_TOLERANCE;
  }

  /** The stress at multiplier m: of lifetime rates (base NaN), or of the annual rates. */
  private static Stress scaled(Stress stress, double base, double m) {
    return Double.isNaN(base) ? stress.withLifetimeDefaults(m)
        : stress.withDefaults(Shock.multiplier(base * m));
  }
}
