package io.absmc.resolve;

import io.absmc.util.Check;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Changes to a scenario's base assumptions, applied when it is resolved. Rates stay within their
 * bounds (probabilities in [0, 1], correlations in [0, 0.999]).
 *
 * @param defaults on every annual default rate
 * @param recovery on every recovery rate
 * @param prepayment on every annual prepayment rate
 * @param paymentRate on the pool's payment rate: in this model, on prepayment rates (scheduled
 *     instalments are contractual), applied after {@code prepayment}
 * @param yield on every loan's annual interest rate, initial and bought (relative: yield
 *     compression; absolute: spread in bp)
 * @param purchaseRate on the revolving reinvestment rate
 * @param newAssetDefaults on the default rates of loans bought while revolving, after
 *     {@code defaults} (asset quality of reinvested loans)
 * @param correlation on every segment's asset correlation
 * @param frontLoading in [-1, 1]: tilts each default curve over the deal's periods by 1 + f (1 - 2
 *     (t - 1) / (T - 1)), so defaults come earlier (f &gt; 0) or later, averaging the same
 * @param triggerThresholds on every trigger threshold
 * @param fees on every fee's annual rate and amount (servicing fee increase), the guarantee's
 *     included
 * @param recoveryLag on every recovery lag in months (recovery lag extension), rounded to whole
 *     months
 * @param worstTemplateMix whether loans bought while revolving are all of the template's kind
 *     with the highest base default rate (revolving-pool deterioration)
 * @param lifetimeDefaults k &gt;= 0: every loan's cumulative default probability from the start of
 *     its exposure F becomes min(1, k F), after the other default stresses: the lifetime default
 *     rate scaled along a fixed timing curve, as rating agencies stress it (1: none)
 */
public record Stress(Shock defaults, Shock recovery, Shock prepayment, Shock paymentRate,
    Shock yield, Shock purchaseRate, Shock newAssetDefaults, Shock correlation,
    double frontLoading, Shock triggerThresholds, Shock fees, Shock recoveryLag,
    boolean worstTemplateMix, double lifetimeDefaults) implements Serializable {

  /** The base case: no change. */
  public static final Stress NONE = new Stress(Shock.NONE, Shock.NONE, Shock.NONE, Shock.NONE,
      Shock.NONE, Shock.NONE, Shock.NONE, Shock.NONE, 0, Shock.NONE, Shock.NONE, Shock.NONE,
      false, 1);

  public Stress {
    Check.notNull("defaults", defaults);
    Check.notNull("recovery", recovery);
    Check.notNull("prepayment", prepayment);
    Check.notNull("paymentRate", paymentRate);
    Check.notNull("yield", yield);
    Check.notNull("purchaseRate", purchaseRate);
    Check.notNull("newAssetDefaults", newAssetDefaults);
    Check.notNull("correlation", correlation);
    Check.inRange("frontLoading", frontLoading, -1, 1);
    Check.notNull("triggerThresholds", triggerThresholds);
    Check.notNull("fees", fees);
    Check.notNull("recoveryLag", recoveryLag);
    Check.isTrue(lifetimeDefaults >= 0 && lifetimeDefaults < Double.POSITIVE_INFINITY,
        "the lifetime default multiplier is finite and at least 0, found " + lifetimeDefaults);
  }

  /** Relative multipliers on default, recovery and prepayment rates (1 = base). */
  public static Stress multipliers(double defaults, double recovery, double prepayment) {
    Check.nonNegative("defaultMultiplier", defaults);
    Check.nonNegative("recoveryMultiplier", recovery);
    Check.nonNegative("prepaymentMultiplier", prepayment);
    return NONE.withDefaults(Shock.multiplier(defaults)).withRecovery(Shock.multiplier(recovery))
        .withPrepayment(Shock.multiplier(prepayment));
  }

  /** The assumptions a shock can apply to, named as in stress files. */
  public enum Target {
    DEFAULTS("defaults"), RECOVERY("recovery"), PREPAYMENT("prepayment"),
    PAYMENT_RATE("payment_rate"), YIELD("yield"), PURCHASE_RATE("purchase_rate"),
    NEW_ASSET_DEFAULTS("new_asset_defaults"), CORRELATION("correlation"),
    TRIGGER_THRESHOLDS("trigger_thresholds"), FEES("fees"), RECOVERY_LAG("recovery_lag");

    private final String key;

    Target(String key) {
      this.key = key;
    }

    /** The key in stress files. */
    public String key() {
      return key;
    }
  }

  /** This stress with the shock on one assumption replaced. */
  public Stress with(Target target, Shock s) {
    return new Stress(
        target == Target.DEFAULTS ? s : defaults,
        target == Target.RECOVERY ? s : recovery,
        target == Target.PREPAYMENT ? s : prepayment,
        target == Target.PAYMENT_RATE ? s : paymentRate,
        target == Target.YIELD ? s : yield,
        target == Target.PURCHASE_RATE ? s : purchaseRate,
        target == Target.NEW_ASSET_DEFAULTS ? s : newAssetDefaults,
        target == Target.CORRELATION ? s : correlation,
        frontLoading,
        target == Target.TRIGGER_THRESHOLDS ? s : triggerThresholds,
        target == Target.FEES ? s : fees,
        target == Target.RECOVERY_LAG ? s : recoveryLag,
        worstTemplateMix, lifetimeDefaults);
  }

  /** This stress with another default-timing tilt. */
  public Stress withFrontLoading(double f) {
    return new Stress(defaults, recovery, prepayment, paymentRate, yield, purchaseRate,
        newAssetDefaults, correlation, f, triggerThresholds, fees, recoveryLag, worstTemplateMix,
        lifetimeDefaults);
  }

  /** This stress with loans bought while revolving all of the riskiest template kind, or not. */
  public Stress withWorstTemplateMix(boolean worst) {
    return new Stress(defaults, recovery, prepayment, paymentRate, yield, purchaseRate,
        newAssetDefaults, correlation, frontLoading, triggerThresholds, fees, recoveryLag, worst,
        lifetimeDefaults);
  }

  /** This stress with every loan's lifetime default rate scaled by k along its timing curve. */
  public Stress withLifetimeDefaults(double k) {
    return new Stress(defaults, recovery, prepayment, paymentRate, yield, purchaseRate,
        newAssetDefaults, correlation, frontLoading, triggerThresholds, fees, recoveryLag,
        worstTemplateMix, k);
  }

  public Stress withDefaults(Shock s) {
    return with(Target.DEFAULTS, s);
  }

  public Stress withRecovery(Shock s) {
    return with(Target.RECOVERY, s);
  }

  public Stress withPrepayment(Shock s) {
    return with(Target.PREPAYMENT, s);
  }

  /** The multiplier on the default curve in period t (1-based) of T. */
  public double timingFactor(int t, int periods) {
    return periods <= 1 ? 1 : 1 + frontLoading * (1 - 2.0 * (t - 1) / (periods - 1));
  }

  /** The changes made, e.g. {@code defaults +100%, recovery -20%}; "base case" when none. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    add(parts, "defaults", defaults);
    add(parts, "recovery", recovery);
    add(parts, "prepayment", prepayment);
    add(parts, "payment rate", paymentRate);
    add(parts, "yield", yield);
    add(parts, "purchase rate", purchaseRate);
    add(parts, "new-asset defaults", newAssetDefaults);
    add(parts, "correlation", correlation);
    if (frontLoading != 0) {
      parts.add("front-loading " + frontLoading);
    }
    add(parts, "trigger thresholds", triggerThresholds);
    add(parts, "fees", fees);
    if (!recoveryLag.isNone()) {
      // months, not a rate
      parts.add("recovery lag " + (recoveryLag.absolute()
          ? String.format(Locale.ROOT, "%+.0f months", recoveryLag.value()) : recoveryLag));
    }
    if (worstTemplateMix) {
      parts.add("worst template mix");
    }
    if (lifetimeDefaults != 1) {
      parts.add(String.format(Locale.ROOT, "lifetime defaults x%s", io.absmc.util.Check.fmt(
          lifetimeDefaults)));
    }
    return parts.isEmpty() ? "base case" : String.join(", ", parts);
  }

  private static void add(List<String> parts, String name, Shock s) {
    if (!s.isNone()) {
      parts.add(name + " " + s);
    }
  }
}
