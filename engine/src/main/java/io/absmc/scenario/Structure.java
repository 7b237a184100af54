package io.absmc.scenario;

import io.absmc.util.Check;
import java.util.List;
import java.util.Optional;

/**
 * The securities and what ranks with them.
 *
 * @param planSize the plan size in RMB (the sum of the tranches)
 * @param tranches in order of seniority; exactly one may be residual (no coupon), and it comes last
 * @param fees senior expenses in order of payment
 * @param guarantee an optional third-party guarantee
 * @param reserve an optional reserve account
 * @param accountRate annual rate earned by cash in the plan's accounts (ACT/365F)
 */
public record Structure(double planSize, List<Tranche> tranches, List<Fee> fees,
    Optional<Guarantee> guarantee, Optional<Reserve> reserve, double accountRate) {

  public Structure {
    Check.positive("planSize", planSize);
    tranches = List.copyOf(tranches);
    fees = List.copyOf(fees);
    Check.notNull("guarantee", guarantee);
    Check.notNull("reserve", reserve);
    Check.inRange("accountRate", accountRate, 0, 1);
    Check.isTrue(!tranches.isEmpty(), "a structure needs at least one tranche");
    Check.isTrue(tranches.stream().map(Tranche::name).distinct().count() == tranches.size(),
        "tranche names must be unique");
    double sum = tranches.stream().mapToDouble(Tranche::amount).sum();
    Check.isTrue(Math.abs(sum - planSize) <= 0.005,
        "the tranches add up to " + Check.fmt(sum) + " but the plan size is " + Check.fmt(planSize));
    for (int i = 0; i < tranches.size() - 1; i++) {
      Check.isTrue(!tranches.get(i).isResidual(),
          "only the last (most junior) tranche may be residual (no coupon), but '"
              + tranches.get(i).name() + "' has none");
    }
  }

  /** Index of the tranche of that name, or -1. */
  public int trancheIndex(String name) {
    for (int i = 0; i < tranches.size(); i++) {
      if (tranches.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
