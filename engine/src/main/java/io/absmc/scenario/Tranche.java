package io.absmc.scenario;

import io.absmc.util.Check;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One class of securities.
 *
 * @param name e.g. {@code senior}
 * @param amount original principal in RMB
 * @param annualCoupon fixed annual coupon; empty for the residual (subordinated) class, which gets
 *     what is left
 * @param principal how its principal falls due
 * @param paymentMonths expected payment months (1-based periods), ascending; the last is its
 *     expected maturity
 * @param legalFinalMonth the period of its legal final date: what it is still owed after that
 *     payment date is its loss (at least its expected maturity)
 */
public record Tranche(String name, double amount, OptionalDouble annualCoupon,
    PrincipalPayment principal, List<Integer> paymentMonths, int legalFinalMonth) {

  public Tranche {
    Check.notBlank("name", name);
    Check.positive("amount", amount);
    Check.notNull("annualCoupon", annualCoupon);
    if (annualCoupon.isPresent()) {
      Check.inRange("coupon", annualCoupon.getAsDouble(), 0, 1);
    }
    Check.notNull("principal", principal);
    paymentMonths = List.copyOf(paymentMonths);
    Check.isTrue(!paymentMonths.isEmpty(), "a tranche needs at least one expected payment month");
    for (int i = 1; i < paymentMonths.size(); i++) {
      Check.isTrue(paymentMonths.get(i) > paymentMonths.get(i - 1),
          "payment months must be ascending but found " + paymentMonths);
    }
    Check.isTrue(legalFinalMonth >= paymentMonths.get(paymentMonths.size() - 1),
        "the legal final month " + legalFinalMonth + " must not be before the last payment month "
            + paymentMonths.get(paymentMonths.size() - 1));
  }

  /** Whether this is the residual class (no coupon). */
  public boolean isResidual() {
    return annualCoupon.isEmpty();
  }

  /** The last expected payment month. */
  public int expectedMaturity() {
    return paymentMonths.get(paymentMonths.size() - 1);
  }
}
