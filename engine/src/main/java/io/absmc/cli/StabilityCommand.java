package io.absmc.cli;

import io.absmc.montecarlo.Granularity;
import io.absmc.montecarlo.RunSettings;
import io.absmc.rating.IdealizedTable;
import io.absmc.resolve.ResolvedDeal;
import io.absmc.resolve.Stress;
import io.absmc.resolve.StressSet;
import io.absmc.scenario.Scenario;
import io.absmc.scenario.ScenarioLoader;
import io.absmc.stats.RunStatistics;
import io.absmc.stats.TrancheStatistics;
import io.absmc.cashflow.TextTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code absmc stability FILE --stress STRESSFILE}: the credit-stability check: how many rating
 * categories each tranche's EL-implied rating moves from the base case to a moderate stress
 * (one scenario of a stress file, {@code bbb-front} of the agency set by default), on the same
 * paths; a move of more than one category from Aaa or Aa is flagged.
 */
@Command(name = "stability", mixinStandardHelpOptions = true,
    description = "Credit stability: rating categories each tranche moves under a moderate stress.")
final class StabilityCommand implements Callable<Integer> {

  /** Moody's categories, best first; a rating's category is the first whose name starts it. */
  static final String[] CATEGORIES = {"Aaa", "Aa", "A", "Baa", "Ba", "B", "Caa", "below Caa"};

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "Scenario file (YAML).")
  Path file;

  @Option(names = "--stress", required = true, paramLabel = "STRESS",
      description = "The moderate stress: a stress file holding it (named by --scenario), FILE#name,"
          + " or shocks inline, e.g. defaults=x1.5,recovery=-10%.")
  String stressOption;

  @Option(names = "--scenario", defaultValue = "bbb-front", paramLabel = "NAME",
      description = "The moderate scenario of a stress file (default: ${DEFAULT-VALUE}).")
  String scenarioName;

  @Option(names = "--paths", defaultValue = "20000", paramLabel = "N",
      description = "Paths of each run (default: ${DEFAULT-VALUE}).")
  long paths;

  @Option(names = "--seed", paramLabel = "S", description = "Master seed (default: "
      + RunSettings.DEFAULT_SEED + "); both runs use the same paths.")
  Long seed;

  /** The 0-based category of a Moody's rating ({@code Baa2} is 3), or -1 when there is none. */
  static int category(String rating) {
    if (rating == null || rating.isEmpty() || rating.equals("-")) {
      return -1;
    }
    if (rating.startsWith("below")) {
      return CATEGORIES.length - 1;
    }
    int best = -1;
    for (int c = 0; c < CATEGORIES.length - 1; c++) {
      String stem = rating.replaceAll("[0-9]+$", "");
      if (stem.equals(CATEGORIES[c])) {
        best = c;
      }
    }
    return best;
  }

  @Override
  public Integer call() throws Exception {
    Scenario scenario = ScenarioLoader.load(file);
    StressSet set;
    try {
      set = StressSet.fromOption(stressOption);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--stress: "
          + e.getMessage());
    }
    // shocks inline, or FILE#name: the one scenario; a whole file: the one --scenario names
    boolean chosen = StressSet.fileOf(stressOption) == null || stressOption.lastIndexOf('#') > 0;
    String name = chosen ? set.scenarios().get(0).name() : scenarioName;
    Stress stress = set.scenarios().stream()
        .filter(n -> n.name().equals(name)).map(StressSet.Named::stress).findFirst()
        .orElseThrow(() -> new picocli.CommandLine.ParameterException(spec.commandLine(),
            "no scenario '" + scenarioName + "' in " + stressOption));
    RunSettings settings = MonteCarloOptions.settings(spec.commandLine(), paths, seed, null,
        Granularity.COHORT);
    RunStatistics base = run(ResolvedDeal.resolve(scenario), settings);
    RunStatistics stressed = run(ResolvedDeal.resolve(scenario, stress), settings);
    PrintWriter w = spec.commandLine().getOut();
    w.println(Header.of(ResolvedDeal.resolve(scenario), "credit stability"));
    w.printf("moderate stress '%s': %s; %,d paths each, the same paths%n%n", name, stress,
        paths);
    TextTable t = new TextTable("tranche", "base EL rating", "stressed EL rating",
        "categories moved", "check");
    int flagged = 0;
    for (int k = 0; k < base.tranches().size(); k++) {
      TrancheStatistics b = base.tranches().get(k);
      TrancheStatistics s = stressed.tranches().get(k);
      int from = category(b.ratingEl().rating());
      int to = category(s.ratingEl().rating());
      int moved = from < 0 || to < 0 ? 0 : to - from;
      boolean flag = from >= 0 && from <= 1 && moved > 1;
      flagged += flag ? 1 : 0;
      t.row(b.name(), b.ratingEl().rating() + " (" + b.ratingEl().range() + ")",
          s.ratingEl().rating() + " (" + s.ratingEl().range() + ")",
          from < 0 || to < 0 ? "-" : Integer.toString(moved),
          flag ? "UNSTABLE: an Aaa/Aa class moves more than one category" : "ok");
    }
    w.println(t);
    w.println("Ratings are EL-implied at the point estimate, with the range of the 95% interval in"
        + " brackets; a move counts whole categories (Aaa, Aa, A, Baa, Ba, B, Caa, below Caa).");
    return flagged > 0 ? 3 : 0;
  }

  private static RunStatistics run(ResolvedDeal deal, RunSettings settings) throws Exception {
    RunStatistics stats = new RunStatistics(deal, settings.paths(),
        IdealizedTable.bundledExpectedLoss(), IdealizedTable.bundledDefaultProbability());
    stats.run(settings, null, null, null);
    return stats;
  }
}
