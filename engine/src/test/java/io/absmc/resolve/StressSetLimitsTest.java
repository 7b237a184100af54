package io.absmc.resolve;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.absmc.scenario.ScenarioException;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Stress grids that would run forever or nothing are refused with where and why. */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class StressSetLimitsTest {

  /** Six axes of 100 values would be 10^12 scenarios: refused at the axis that passes 1,000. */
  @Test
  void aGridOfTooManyScenariosIsRefused() {
    String axis = "[" + String.join(", ", Collections.nCopies(100, "1.5")) + "]";
    String yaml = """
        name: huge
        grid:
          defaults: {multiplier: AXIS}
          recovery: {multiplier: AXIS}
          prepayment: {multiplier: AXIS}
          payment_rate: {multiplier: AXIS}
          yield: {multiplier: AXIS}
          purchase_rate: {multiplier: AXIS}
        """.replace("AXIS", axis);
    assertThatThrownBy(() -> StressSet.parse(yaml, "huge.yaml"))
        .isInstanceOf(ScenarioException.class)
        .hasMessage("huge.yaml:3: grid: the grid makes 10000 or more scenarios; a stress file may"
            + " have at most 1000");
  }

  /** An empty list of values used to run the base case alone, quietly. */
  @Test
  void anEmptyAxisIsRefused() {
    String yaml = """
        name: empty
        grid:
          defaults: {multiplier: []}
        """;
    assertThatThrownBy(() -> StressSet.parse(yaml, "empty.yaml"))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("empty.yaml:3: grid.defaults.multiplier: defaults: expected at least"
            + " one value in the list");
  }
}
