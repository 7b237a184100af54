package io.absmc.cli;

import io.absmc.resolve.ResolvedDeal;
import io.absmc.scenario.Scenario;
import io.absmc.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code absmc validate FILE...}: checks scenario files and reports every problem. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check scenario files; print every problem with file, line and field.")
final class ValidateCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files (YAML).")
  List<Path> files;

  @Override
  public Integer call() {
    int code = 0;
    for (Path f : files) {
      try {
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
}
