package io.absmc.spark;

import io.absmc.stats.RunStatistics;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.util.AccumulatorV2;

/**
 * Brings the statistics of a job's tasks to the driver and merges them there in block order as
 * they arrive: a task's statistics wait only until the tasks before it have come, then join their
 * scenario's statistics and are dropped, so the driver holds one run's statistics and those of the
 * tasks that finished out of order, not every task's. Spark applies a task's update only when the
 * task succeeded; a task that ran twice (a retry after a lost executor, a speculative copy) gives
 * the same statistics both times, and only the first is kept.
 */
final class StatisticsAccumulator
    extends AccumulatorV2<StatisticsAccumulator.Part, Map<Integer, RunStatistics>> {

  private static final long serialVersionUID = 1L;

  /** One task's statistics. */
  record Part(int task, RunStatistics statistics) implements Serializable {
  }

  /** A task's statistics: on an executor, the one task's; on the driver, those waiting. */
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
    return merge != null && merge.next == merge.tasks.size() && parts.isEmpty();
  }

  /** How many tasks' statistics have been merged. */
  int merged() {
    return merge == null ? 0 : merge.next;
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

  /** On the driver: keeps a task's statistics until it is their turn, then merges them. */
  private void offer(int task, RunStatistics statistics) {
    if (task < merge.next) {
      return;
    }
    parts.putIfAbsent(task, statistics);
    RunStatistics next;
    while ((next = parts.remove(merge.next)) != null) {
      merge.merged.get(merge.tasks.get(merge.next).scenario()).merge(next);
      merge.next++;
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
    private int next;

    Merge(List<SparkRunner.Task> tasks, List<RunStatistics> merged) {
      this.tasks = tasks;
      this.merged = merged;
    }
  }
}
