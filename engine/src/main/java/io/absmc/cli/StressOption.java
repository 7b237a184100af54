package io.absmc.cli;

import io.absmc.resolve.Stress;
import io.absmc.resolve.StressSet;
import java.util.List;
import picocli.CommandLine;

/**
 * The {@code --stress} value of the commands that take several scenarios: a stress file, one of
 * its scenarios ({@code FILE#name}) or shocks inline ({@link StressSet#fromOption}).
 */
final class StressOption {

  private StressOption() {
  }

  /**
   * The scenarios of a {@code --stress} value, the base case alone when it is null; inline shocks
   * that cannot be read are a usage error, a stress file's problems an input error (exit 2 both).
   */
  static List<StressSet.Named> scenarios(CommandLine cli, String value) {
    if (value == null) {
      return List.of(new StressSet.Named("base", Stress.NONE));
    }
    try {
      return StressSet.fromOption(value).scenarios();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cli, "--stress: " + e.getMessage());
    }
  }
}
