package io.absmc.api;

import io.absmc.resolve.Stress;
import io.absmc.resolve.StressSet;
import io.absmc.scenario.Scenario;
import io.absmc.scenario.ScenarioException;
import io.absmc.scenario.ScenarioLoader;
import java.nio.file.Path;

/** Reading scenario and stress files (formats: {@code docs/scenario-format.md}, {@code docs/stress-format.md}). */
public final class Scenarios {

  private Scenarios() {
  }

  /**
   * Loads and checks a scenario file with everything it refers to (loan tape, curves).
   *
   * @throws ScenarioException listing every problem, each naming the file, line and field
   */
  public static Scenario load(Path file) {
    return ScenarioLoader.load(file);
  }

  /**
   * A stress as {@code --stress} takes it: shocks in the stress files' vocabulary ({@code
   * defaults=x2,recovery=-20%,yield=-50bp}), a stress file with one scenario, or {@code FILE#name}
   * for one scenario of a file.
   *
   * @throws IllegalArgumentException when the shocks cannot be read or the file holds several
   *     scenarios and none is named
   * @throws ScenarioException for a stress file's problems
   */
  public static Stress stress(String shocksOrFile) {
    StressSet set = StressSet.fromOption(shocksOrFile);
    if (set.scenarios().size() != 1) {
      throw new IllegalArgumentException("stress file " + shocksOrFile + " has "
          + set.scenarios().size() + " scenarios; a run takes one: name it as FILE#name, or run"
          + " them all as a batch (absmc batch, Batch.of)");
    }
    return set.scenarios().get(0).stress();
  }

  /**
   * All the named stresses of a stress file, in the file's order (the scenarios of a batch).
   *
   * @throws ScenarioException for the file's problems
   */
  public static StressSet stresses(Path file) {
    return StressSet.load(file);
  }
}
