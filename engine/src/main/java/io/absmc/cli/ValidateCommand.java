package io.absmc.cli;

import io.absmc.resolve.ResolvedDeal;
import io.absmc.resolve.StressSet;
import io.absmc.scenario.Scenario;
import io.absmc.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code absmc validate FILE...}: checks scenario and stress files (told apart by their top-level
 * fields) and reports every problem.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check scenario and stress files; print every problem with file, line and field.")
final class ValidateCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario or stress files (YAML).")
  List<Path> files;

  @Override
  public Integer call() {
    int code = 0;
    for (Path f : files) {
      try {
        if (isStressFile(f)) {
          StressSet set = StressSet.load(f);
          spec.commandLine().getOut().printf("%s: valid: stress set %s, %d scenarios%n", f,
              set.name(), set.scenarios().size());
          continue;
        }
        Scenario s = ScenarioLoader.load(f);
        ResolvedDeal d = ResolvedDeal.resolve(s);
        spec.commandLine().getOut().printf("%s: valid: %s, %d periods, %d segments, %d tranches%s%n",
            f, s.name(), d.periods, d.initialSegments, d.tranches,
            s.revolving().isPresent() ? ", revolving to month " + s.revolving().get().lastPeriod()
                : "");
      } catch (io.absmc.scenario.ScenarioException e) {
        e.problems().forEach(spec.commandLine().getErr()::println);
        code = 2;
      }
    }
    return code;
  }

  /** A stress file has scenarios or a grid at the top and no calendar. */
  private static boolean isStressFile(Path f) {
    try {
      String text = java.nio.file.Files.readString(f);
      boolean calendar = text.lines().anyMatch(l -> l.startsWith("calendar:"));
      boolean stress = text.lines().anyMatch(l -> l.startsWith("grid:") || l.startsWith("scenarios:"));
      return stress && !calendar;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
