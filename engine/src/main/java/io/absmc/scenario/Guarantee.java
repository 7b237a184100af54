package io.absmc.scenario;

import io.absmc.util.Check;
import java.util.List;

/**
 * A capped third-party guarantee (差额支付 / 担保) of some tranches' interest and principal.
 *
 * @param name the guarantor, for reports
 * @param cap the most the guarantor pays over the deal's life, in RMB
 * @param tranches names of the tranches covered
 * @param coversInterest whether unpaid interest is covered
 * @param coversPrincipal whether unpaid principal is covered
 * @param timing when it pays
 * @param annualFeeRate the guarantee fee, an annual rate on the plan size, paid with the fees
 */
public record Guarantee(String name, double cap, List<String> tranches, boolean coversInterest,
    boolean coversPrincipal, GuaranteeTiming timing, double annualFeeRate) {

  public Guarantee {
    Check.notBlank("name", name);
    Check.nonNegative("cap", cap);
    tranches = List.copyOf(tranches);
    Check.isTrue(!tranches.isEmpty(), "a guarantee must cover at least one tranche");
    Check.isTrue(coversInterest || coversPrincipal,
        "a guarantee must cover interest, principal or both");
    Check.notNull("timing", timing);
    Check.inRange("annualFeeRate", annualFeeRate, 0, 1);
  }
}
