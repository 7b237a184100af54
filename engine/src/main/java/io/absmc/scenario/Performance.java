package io.absmc.scenario;

import io.absmc.util.Check;

/**
 * Base-case performance of a segment's loans.
 *
 * @param annualDefaultRate annual default rate, constant or by period; over d days a loan defaults
 *     with probability 1 - (1 - r)^(d/365)
 * @param annualPrepaymentRate annual full-prepayment rate, converted like the default rate
 * @param recoveryRate share of a defaulted balance recovered in cash
 * @param recoveryLagMonths months from charge-off to the recovery cash
 * @param chargeOffDays days past due at which a defaulted loan is charged off; until then it counts
 *     as delinquent (30+, 90+)
 */
public record Performance(RateCurve annualDefaultRate, RateCurve annualPrepaymentRate,
    double recoveryRate, int recoveryLagMonths, int chargeOffDays) {

  public Performance {
    Check.notNull("annualDefaultRate", annualDefaultRate);
    Check.notNull("annualPrepaymentRate", annualPrepaymentRate);
    Check.inRange("recoveryRate", recoveryRate, 0, 1);
    Check.nonNegative("recoveryLagMonths", recoveryLagMonths);
    Check.nonNegative("chargeOffDays", chargeOffDays);
  }
}
