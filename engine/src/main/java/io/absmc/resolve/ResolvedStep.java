package io.absmc.resolve;

import io.absmc.scenario.Account;
import io.absmc.scenario.StepType;
import java.io.Serializable;

/**
 * A waterfall step with names turned into indices.
 *
 * @param type what the step does
 * @param targets tranche indices, or fee indices for {@code pay_fees}
 * @param proRata whether funds are shared in proportion to what is owed (else sequential)
 * @param from the accounts it pays from, in order
 */
public record ResolvedStep(StepType type, int[] targets, boolean proRata,
    Account[] from) implements Serializable {
}
