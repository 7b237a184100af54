package io.absmc.montecarlo;

import io.absmc.util.Check;
import java.io.Serializable;
import java.util.Arrays;

/**
 * How a run samples the default factors by importance: a share {@code 1 - defensiveShare} of the
 * paths draws the factor innovations from N(mu, I) instead of N(0, I), the rest from N(0, I)
 * (which path takes which is itself drawn). Every path carries the likelihood ratio of the
 * mixture (Hesterberg, "Weighted average importance sampling and defensive mixture
 * distributions", Technometrics 37(2), 1995; Owen and Zhou, "Safe and effective importance
 * sampling", JASA 95(449), 2000):
 *
 * <pre>w(e) = 1 / (a + (1 - a) exp(mu . e - |mu|^2 / 2)),  a = defensiveShare,</pre>
 *
 * which is at most 1/a, so no path's weight can explode and the statistics the shift is not
 * aimed at (the pool, junior tranches) stay estimable from the unshifted share.
 *
 * @param shift mu, one entry per innovation of the run's default factors (empty: plain Monte
 *     Carlo); the factor of the first vintage is the first entry
 * @param defensiveShare a, the share of unshifted paths, in (0, 1]; 1 with no shift
 * @param target what the shift aims at, for provenance ("senior", "shift=3", "off")
 */
public record ImportanceSampling(double[] shift, double defensiveShare, String target)
    implements Serializable {

  /** The default share of unshifted paths. */
  public static final double DEFAULT_DEFENSIVE_SHARE = 0.2;

  /** Plain Monte Carlo. */
  public static final ImportanceSampling OFF = new ImportanceSampling(new double[0], 1, "off");

  public ImportanceSampling {
    Check.notNull("shift", shift);
    Check.notNull("target", target);
    for (double m : shift) {
      Check.inRange("shift", m, -20, 20);
    }
    shift = shift.clone();
    boolean any = Arrays.stream(shift).anyMatch(m -> m != 0);
    if (!any) {
      shift = new double[0];
      defensiveShare = 1;
    }
    Check.isTrue(defensiveShare > 0 && defensiveShare <= 1,
        "Expected 0 < 'defensiveShare' <= 1 but found " + defensiveShare);
  }

  /** Whether any path is shifted. */
  public boolean on() {
    return shift.length > 0;
  }

  /** |mu|, the length of the shift. */
  public double norm() {
    double s = 0;
    for (double m : shift) {
      s += m * m;
    }
    return Math.sqrt(s);
  }

  @Override
  public double[] shift() {
    return shift.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImportanceSampling i && Arrays.equals(shift, i.shift)
        && defensiveShare == i.defensiveShare && target.equals(i.target);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(shift) + Double.hashCode(defensiveShare) + target.hashCode();
  }

  @Override
  public String toString() {
    return on() ? String.format(java.util.Locale.ROOT, "%s (shift %.3f, %.0f%% unshifted)",
        target, norm(), 100 * defensiveShare) : "off";
  }
}
