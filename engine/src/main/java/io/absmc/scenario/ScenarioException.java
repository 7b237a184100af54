package io.absmc.scenario;

import java.util.List;

/**
 * A scenario (or other input) file that cannot be used, with every problem found in it, each as
 * {@code file:line: field.path: message}.
 */
public final class ScenarioException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<String> problems;

  public ScenarioException(List<String> problems) {
    super(String.join(System.lineSeparator(), problems));
    this.problems = List.copyOf(problems);
  }

  /** The problems, one message each, in line order. */
  public List<String> problems() {
    return problems;
  }
}
