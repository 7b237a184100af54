package io.absmc.scenario;

import io.absmc.util.Check;

/**
 * A senior expense of the plan, accrued each period by the deal's day count. Unpaid fees are
 * carried forward and paid when a {@code pay_fees} step has the cash, so where fees are paid is
 * decided by the waterfall.
 *
 * @param name e.g. {@code management}
 * @param basis what the rate is charged on
 * @param annualRate annual rate on the basis
 * @param annualAmount a fixed amount in RMB a year, accrued like the rate
 */
public record Fee(String name, FeeBasis basis, double annualRate, double annualAmount) {

  public Fee {
    Check.notBlank("name", name);
    Check.notNull("basis", basis);
    Check.inRange("annualRate", annualRate, 0, 1);
    Check.nonNegative("annualAmount", annualAmount);
  }
}
