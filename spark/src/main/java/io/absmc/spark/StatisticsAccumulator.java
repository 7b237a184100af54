package io.absmc.spark;

import io.absmc.stats.RunStatistics;
import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.util.AccumulatorV2;

/**
 * Collects the statistics of a job's tasks on the driver, keyed by task, so the driver can merge
 * them in block order whatever order the tasks finished in. Spark applies a task's update only
 * when the task succeeded; a task that ran twice (a retry after a lost executor, a speculative
 * copy) gives the same statistics both times, and the key keeps one.
 */
final class StatisticsAccumulator
    extends AccumulatorV2<StatisticsAccumulator.Part, Map<Integer, RunStatistics>> {

  private static final long serialVersionUID = 1L;

  /** One task's statistics. */
  record Part(int task, RunStatistics statistics) implements Serializable {
  }

  private final TreeMap<Integer, RunStatistics> parts = new TreeMap<>();

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
    parts.put(part.task(), part.statistics());
  }

  @Override
  public void merge(AccumulatorV2<Part, Map<Integer, RunStatistics>> other) {
    parts.putAll(other.value());
  }

  @Override
  public Map<Integer, RunStatistics> value() {
    return parts;
  }
}
