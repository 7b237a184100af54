package io.absmc.cli;

import io.absmc.report.Units;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --units}: how a report writes money. */
final class UnitsOption {

  @Option(names = "--units", paramLabel = "U", defaultValue = "rmb",
      description = "Money in the report: rmb (yuan), m (millions) or yi (亿, 10^8 yuan) (default:"
          + " ${DEFAULT-VALUE}).")
  String units;

  /** The units chosen; a usage error when they are neither rmb nor yi. */
  Units parse(CommandLine cli) {
    try {
      return Units.parse(units);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cli, "--" + e.getMessage());
    }
  }
}
