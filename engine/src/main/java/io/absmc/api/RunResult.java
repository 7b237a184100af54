package io.absmc.api;

import io.absmc.output.RunFiles;
import io.absmc.stats.PoolStatistics;
import io.absmc.stats.RunStatistics;
import io.absmc.stats.TrancheStatistics;
import io.absmc.stats.TriggerStatistics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a run found. Every estimate comes with its standard error and a 95% interval that never
 * claims more than the paths show (no losing path is not zero risk: see {@code docs/model.md}).
 *
 * @param plan what was run
 * @param statistics the run's statistics, with the loss samples behind the quantiles
 * @param provenance the metadata of the run's files
 * @param seconds wall time of the paths (and of writing them)
 * @param folder the output folder, or null when nothing was written
 * @param removedLeftovers temporary folders of interrupted runs on the output folder, removed
 */
public record RunResult(Plan plan, RunStatistics statistics, Map<String, String> provenance,
    double seconds, Path folder, List<Path> removedLeftovers) {

  /** Number of paths run. */
  public long paths() {
    return statistics.paths();
  }

  /** Each tranche's statistics, most senior first. */
  public List<TrancheStatistics> tranches() {
    return statistics.tranches();
  }

  /**
   * A tranche's statistics by name.
   *
   * @throws IllegalArgumentException naming the deal's tranches when it has none of that name
   */
  public TrancheStatistics tranche(String name) {
    for (TrancheStatistics t : tranches()) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("no tranche '" + name + "'; the deal has "
        + String.join(", ", plan.deal().trancheNames));
  }

  /** The pool's cumulative default and loss rates. */
  public PoolStatistics pool() {
    return statistics.pool();
  }

  /** Each trigger's probability of breach and mean time to it. */
  public List<TriggerStatistics> triggers() {
    return statistics.triggers();
  }

  /**
   * Writes the statistics files of {@code absmc run} (summary, loss distribution, cash flows,
   * triggers, and the loan tape's stratification) into an existing folder, without the paths.
   */
  public void writeStatistics(Path dir) throws IOException {
    RunFiles.write(dir, statistics, provenance, true);
  }
}
