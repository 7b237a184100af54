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
 * @param from the accounts the step pays from, in the order it draws on them
 */
public record Step(StepType type, List<String> targets, Allocation allocation, List<Account> from) {

  public Step {
    Check.notNull("type", type);
    targets = List.copyOf(targets);
    Check.notNull("allocation", allocation);
    from = List.copyOf(from);
    if (from.isEmpty() || from.stream().distinct().count() != from.size()) {
      throw new IllegalArgumentException("from must name each account at most once, found " + from);
    }
  }
}
