package io.absmc.scenario;

import io.absmc.util.Check;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The priority of payments for each deal state. The amortising waterfall is required; the
 * accelerated one falls back to it, and the revolving one is required when the deal revolves.
 */
public record Waterfall(Map<DealState, List<Step>> steps) {

  public Waterfall {
    EnumMap<DealState, List<Step>> copy = new EnumMap<>(DealState.class);
    steps.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    steps = Collections.unmodifiableMap(copy);
    Check.isTrue(steps.containsKey(DealState.AMORTISING), "a waterfall needs an amortising list");
  }

  /** The steps for a state (accelerated falls back to amortising). */
  public List<Step> forState(DealState state) {
    List<Step> s = steps.get(state);
    if (s == null && state == DealState.ACCELERATED) {
      return steps.get(DealState.AMORTISING);
    }
    return s == null ? List.of() : s;
  }
}
