package io.absmc.api;

import io.absmc.batch.BatchRunner;
import io.absmc.montecarlo.MonteCarloRunner;
import io.absmc.output.Provenance;
import io.absmc.output.RunFiles;
import io.absmc.resolve.ResolvedDeal;
import io.absmc.resolve.Stress;
import io.absmc.resolve.StressSet;
import io.absmc.scenario.ScenarioException;
import io.absmc.util.Check;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * A stress batch, as {@code absmc batch} runs it: a {@link Run}'s deal and settings under every
 * scenario of a stress file ({@code FILE#name} or shocks written inline make a batch of one), on
 * common random numbers (the same seed and streams in every scenario; under importance sampling
 * the base case's shift for all). {@link #writeTo} writes one hive-style partition per scenario
 * and the batch summary, and resumes a batch that was stopped.
 */
public final class Batch {

  private final Run run;
  private final String stresses;
  private Consumer<String> onScenario = line -> { };
  private BatchRunner.Job job;

  private Batch(Run run, String stresses) {
    this.run = Check.notNull("run", run);
    this.stresses = Check.notNull("stresses", stresses);
    if (run.file() == null) {
      throw new IllegalArgumentException("a batch needs a scenario file: its manifest records the"
          + " file's SHA-256 to resume safely");
    }
  }

  /**
   * A batch of the run's scenario file with the run's settings (its own stress is not used) under
   * the stresses given as {@code --stress} takes them.
   */
  public static Batch of(Run run, String stresses) {
    return new Batch(run, stresses);
  }

  /** Told of each scenario as it is skipped (finished before) or done. */
  public Batch onScenario(Consumer<String> listener) {
    this.onScenario = Check.notNull("listener", listener);
    return this;
  }

  /**
   * The batch resolved and checked: every scenario must resolve and suit the model before any
   * runs.
   *
   * @throws IllegalArgumentException for shocks that cannot be read, a FILE#name the file does not
   *     have, or bad importance-sampling settings
   * @throws ScenarioException for the stress file's problems, or a scenario the model cannot take
   */
  public BatchRunner.Job job() {
    if (job != null) {
      return job;
    }
    Plan base = run.plan(Stress.NONE);
    StressSet set = StressSet.fromOption(stresses);
    Path stressFile = StressSet.fileOf(stresses);
    String sha = stressFile != null ? Provenance.sha256(stressFile) : Provenance.sha256(stresses);
    for (StressSet.Named named : set.scenarios()) {
      try {
        MonteCarloRunner.checkModel(ResolvedDeal.resolve(run.scenario(), named.stress()));
      } catch (ScenarioException e) {
        throw new ScenarioException(e.problems().stream()
            .map(p -> (stressFile != null ? stressFile + ": " : "--stress " + stresses + ": ")
                + "scenario '" + named.name() + "' on " + run.file() + ": " + p)
            .toList());
      }
    }
    job = new BatchRunner.Job(run.file(), run.scenario(), stresses, sha, set, base.settings(),
        base.elTable(), base.pdTable(), run.writesPaths(), Provenance.build());
    return job;
  }

  /** Each scenario's run, in the stress set's order (what a distributed runner computes). */
  public List<Plan> plans() {
    BatchRunner.Job j = job();
    List<Plan> plans = new ArrayList<>();
    for (StressSet.Named named : j.stresses().scenarios()) {
      plans.add(new Plan(j.scenarioFile().toString(),
          ResolvedDeal.resolve(j.scenario(), named.stress()), j.settings(), j.elTable(),
          j.pdTable()));
    }
    return plans;
  }

  /**
   * Runs the scenarios not finished before and writes {@code dir/scenario=NAME/} and {@code
   * dir/batch_summary.parquet}.
   *
   * @return every scenario's tranche and pool statistics, in the stress set's order
   * @throws BatchRunner.ConflictException when {@code dir} holds another batch's results, or this
   *     batch's with other settings, and the run may not overwrite
   * @throws io.absmc.io.OutputRefusedException when another run writes the folder
   */
  public List<RunFiles.SummaryEntry> writeTo(Path dir) throws IOException {
    return writeTo(dir, run.progressListener(), run.cancelFlag());
  }

  /**
   * {@link #writeTo(Path)} with its own progress listener (paths done in the current scenario,
   * from worker threads; may be null) and cancel flag (may be null).
   */
  public List<RunFiles.SummaryEntry> writeTo(Path dir, LongConsumer progress,
      AtomicBoolean cancel) throws IOException {
    return BatchRunner.run(job(), dir, run.overwrites(), onScenario, progress, cancel);
  }
}
