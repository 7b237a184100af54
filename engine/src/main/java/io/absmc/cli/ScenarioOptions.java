package io.absmc.cli;

import io.absmc.api.Run;
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

  @Option(names = "--stress", paramLabel = "STRESS", converter = StressConverter.class,
      description = "The stress to run under: shocks in the stress files' vocabulary, e.g."
          + " defaults=x2,recovery=-20%,yield=-50bp (docs/stress-format.md), or a stress file"
          + " with one scenario, or FILE#name for one of its scenarios.")
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

  /** A run of the scenario file under the stress, with the API's defaults ({@link Run}). */
  public Run run() {
    return Run.of(file).stress(stress);
  }

  /** picocli converter: a bad stress is a usage error (exit 2). */
  static final class StressConverter implements picocli.CommandLine.ITypeConverter<Stress> {
    @Override
    public Stress convert(String value) {
      try {
        return io.absmc.api.Scenarios.stress(value);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      } catch (ScenarioException e) {
        throw new picocli.CommandLine.TypeConversionException(String.join("; ", e.problems()));
      }
    }
  }
}
