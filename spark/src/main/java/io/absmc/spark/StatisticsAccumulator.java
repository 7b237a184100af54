package io.absmc.spark;

import io.absmc.stats.RunStatistics;
import java.io.Serializable;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.util.AccumulatorV2;

/**
 * Brings the statistics of a job's tasks to the driver and merges each there as it arrives: every
 * sum is exact, so the order of the merges does not change a bit, and the driver holds one run's
 * statistics per scenario and the task being merged, however many tasks there are. Spark applies a
 * task's update only when the task succeeded; a task that ran twice (a retry after a lost
 * executor, a speculative copy) gives the same statistics both times, and only the first is kept.
 */
final class StatisticsAccumulator
    extends AccumulatorV2<StatisticsAccumulator.Part, Map<Integer, RunStatistics>> {

  private static final long serialVersionUID = 1L;

  /** One task's statistics. */
  record Part(int task, RunStatistics statistics) implements Serializable {
  }

  /** A task's statistics on an executor (empty on the driver, which merges at once). */
  private final TreeMap<Integer, RunStatistics> parts = new TreeMap<>();
  /** The driver's merge: the tasks and each scenario's statistics (null on executors). */
  private final transient Merge merge;

  /** The driver's accumulator: merges into {@code merged}, one per scenario of the tasks. */
  StatisticsAccumulator(List<SparkRunner.Task> tasks, List<RunStatistics> merged) {
    this.merge = new Merge(tasks, merged);
  }

  private StatisticsAccumulator() {
    this.merge = null;
  }

  /** Whether every task's statistics have been merged. */
  boolean complete() {
    return merge != null && merge.done.cardinality() == merge.tasks.size();
  }

  /** How many tasks' statistics have been merged. */
  int merged() {
    return merge == null ? 0 : merge.done.cardinality();
  }

  @Override
  public boolean isZero() {
    return parts.isEmpty();
  }

  @Override
  public AccumulatorV2<Part, Map<Integer, RunStatistics>> copy() {
    StatisticsAccumulator c = new StatisticsAccumulator();
    c.parts.putAll(parts);
    return c;
  }

  @Override
  public void reset() {
    parts.clear();
  }

  @Override
  public void add(Part part) {
    if (merge == null) {
      parts.put(part.task(), part.statistics());
    } else {
      offer(part.task(), part.statistics());
    }
  }

  @Override
  public void merge(AccumulatorV2<Part, Map<Integer, RunStatistics>> other) {
    for (Map.Entry<Integer, RunStatistics> e : other.value().entrySet()) {
      add(new Part(e.getKey(), e.getValue()));
    }
  }

  /** On the driver: merges a task's statistics into its scenario's, once. */
  private void offer(int task, RunStatistics statistics) {
    if (!merge.done.get(task)) {
      merge.done.set(task);
      merge.merged.get(merge.tasks.get(task).scenario()).merge(statistics);
    }
  }

  @Override
  public Map<Integer, RunStatistics> value() {
    return parts;
  }

  /** The driver's side of the merge. */
  private static final class Merge {
    private final List<SparkRunner.Task> tasks;
    private final List<RunStatistics> merged;
    private final BitSet done = new BitSet();

    Merge(List<SparkRunner.Task> tasks, List<RunStatistics> merged) {
      this.tasks = tasks;
      this.merged = merged;
    }
  }
}
