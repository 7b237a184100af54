package io.absmc.scenario;

import io.absmc.util.Check;
import java.util.List;

/**
 * One step of a waterfall.
 *
 * @param type what the step does
 * @param targets tranche names (interest, principal, guarantee, residual) or fee names (fees; empty
 *     for all fees)
 * @param allocation how funds are shared among several tranches
 * @param source the account the step pays from
 */
public record Step(StepType type, List<String> targets, Allocation allocation, FundsSource source) {

  public Step {
    Check.notNull("type", type);
    targets = List.copyOf(targets);
    Check.notNull("allocation", allocation);
    Check.notNull("source", source);
  }
}
