package io.absmc.cli;

import io.absmc.resolve.ResolvedDeal;
import io.absmc.resolve.Stress;
import io.absmc.scenario.Scenario;
import io.absmc.scenario.ScenarioException;
import io.absmc.scenario.ScenarioLoader;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The scenario file and stress that the commands which run a deal share. */
public final class ScenarioOptions {

  @Parameters(index = "0", paramLabel = "FILE", description = "Scenario file (YAML).")
  Path file;

  @Option(names = "--stress", paramLabel = "SHOCKS", converter = StressConverter.class,
      description = "Relative shocks to the base case, e.g. default=2.0,recovery=0.8,prepay=0.5.")
  Stress stress = Stress.NONE;

  @Option(names = "--verbose", description = "Print stack traces of unexpected errors.")
  boolean verbose;

  /** The scenario file as given. */
  public Path file() {
    return file;
  }

  /** The stress to apply (none by default). */
  public Stress stress() {
    return stress;
  }

  public Scenario load() {
    return ScenarioLoader.load(file);
  }

  public ResolvedDeal resolve() {
    return ResolvedDeal.resolve(load(), stress);
  }

  /**
   * The scenario resolved under the stress for a Monte Carlo run: a stress the model cannot take
   * is an input error naming the file.
   */
  public ResolvedDeal resolveForMonteCarlo() {
    ResolvedDeal deal = resolve();
    try {
      io.absmc.montecarlo.MonteCarloRunner.checkModel(deal);
    } catch (ScenarioException e) {
      throw new ScenarioException(e.problems().stream().map(p -> file + ": " + p).toList());
    }
    return deal;
  }

  /** picocli converter: a bad stress is a usage error (exit 2). */
  static final class StressConverter implements picocli.CommandLine.ITypeConverter<Stress> {
    @Override
    public Stress convert(String value) {
      try {
        return Stress.parse(value);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
