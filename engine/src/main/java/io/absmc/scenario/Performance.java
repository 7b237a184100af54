package io.absmc.scenario;

import io.absmc.util.Check;

/**
 * Base-case performance of a segment's loans.
 *
 * @param annualDefaultRate annual default rate, constant or by period (or month on book); over d
 *     days a loan defaults with probability 1 - (1 - r)^(d/365)
 * @param annualPrepaymentRate annual full-prepayment rate, converted like the default rate
 * @param curvesBy what the two curves' values are indexed by
 * @param recoveryRate share of a defaulted balance recovered in cash, constant or by the period
 *     (or month on book) of the default
 * @param recoveryLagMonths months from charge-off to the recovery cash
 * @param chargeOffDays days past due at which a defaulted loan is charged off; until then it counts
 *     as delinquent (30+, 90+)
 * @param assetCorrelation the segment's Vasicek rho; empty for the pool model's
 * @param rollRates the roll-rate delinquency model, when defaults are the charge-offs it produces
 *     (then the default rate is 0 and there are no charge-off days: charge-off is a state)
 */
public record Performance(RateCurve annualDefaultRate, RateCurve annualPrepaymentRate,
    CurveBasis curvesBy, RateCurve recoveryRate, int recoveryLagMonths, int chargeOffDays,
    java.util.OptionalDouble assetCorrelation, java.util.Optional<RollRates> rollRates) {

  public Performance {
    Check.notNull("annualDefaultRate", annualDefaultRate);
    Check.notNull("annualPrepaymentRate", annualPrepaymentRate);
    Check.notNull("curvesBy", curvesBy);
    Check.notNull("recoveryRate", recoveryRate);
    for (int k = 1; k <= recoveryRate.size(); k++) {
      Check.inRange("recoveryRate", recoveryRate.value(k), 0, 1);
    }
    Check.nonNegative("recoveryLagMonths", recoveryLagMonths);
    Check.nonNegative("chargeOffDays", chargeOffDays);
    Check.notNull("assetCorrelation", assetCorrelation);
    assetCorrelation.ifPresent(rho -> Check.inRange("assetCorrelation", rho, 0, 0.999));
    Check.notNull("rollRates", rollRates);
    Check.isTrue(rollRates.isEmpty() || annualDefaultRate.equals(RateCurve.constant(0))
        && chargeOffDays == 0, "roll-rate segments default by their roll rates alone");
  }

  /** Performance by payment period without a segment-specific asset correlation. */
  public static Performance of(RateCurve annualDefaultRate, RateCurve annualPrepaymentRate,
      double recoveryRate, int recoveryLagMonths, int chargeOffDays) {
    Check.inRange("recoveryRate", recoveryRate, 0, 1);
    return new Performance(annualDefaultRate, annualPrepaymentRate, CurveBasis.PAYMENT_PERIOD,
        RateCurve.constant(recoveryRate),
        recoveryLagMonths, chargeOffDays, java.util.OptionalDouble.empty(), java.util.Optional.empty());
  }
}
