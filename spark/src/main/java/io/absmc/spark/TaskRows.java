package io.absmc.spark;

import io.absmc.api.Plan;
import io.absmc.montecarlo.BlockResult;
import io.absmc.output.Column;
import io.absmc.output.PathsFile;
import io.absmc.resolve.ResolvedDeal;
import io.absmc.stats.RunStatistics;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * A task's work on an executor: computes its blocks one at a time as rows are asked for, feeds each
 * block to the task's statistics and hands out its paths as rows (the engine's columns, NaN as
 * null). When the last row has been taken, the statistics go to the accumulator. Memory: one block.
 */
final class TaskRows implements Iterator<Row> {

  private final SparkRunner.Task task;
  private final Iterator<BlockResult> blocks;
  private final RunStatistics stats;
  private final StatisticsAccumulator parts;
  private final Column[] columns;
  private final String scenario;
  private final int failAtBlock;
  private BlockResult block;
  private int row;
  private int rows;
  private int blocksDone;
  private boolean reported;

  private TaskRows(SparkRunner.Task task, SparkRunner.Shipped shipped,
      StatisticsAccumulator parts, boolean batch, int failTaskOnce) {
    Plan plan = shipped.plans().get(task.scenario());
    ResolvedDeal deal = plan.deal();
    this.task = task;
    this.blocks = plan.blocks(task.from(), task.to());
    this.stats = new RunStatistics(deal, shipped.keep(), plan.elTable(), plan.pdTable());
    this.parts = parts;
    List<Column> cs = PathsFile.columns(deal, () -> block);
    this.columns = cs.toArray(new Column[0]);
    this.scenario = batch ? shipped.scenarios().get(task.scenario()) : null;
    TaskContext context = TaskContext.get();
    boolean fail = task.index() == failTaskOnce && context != null && context.attemptNumber() == 0;
    this.failAtBlock = fail ? (int) ((task.to() - task.from()) / 2) : -1;
  }

  /** The rows of task {@code index}. */
  static TaskRows of(int index, SparkRunner.Shipped shipped, StatisticsAccumulator parts,
      boolean batch, int failTaskOnce) {
    return new TaskRows(shipped.tasks().get(index), shipped, parts, batch, failTaskOnce);
  }

  @Override
  public boolean hasNext() {
    while (row == rows) {
      if (!nextBlock()) {
        return false;
      }
    }
    return true;
  }

  /** Computes the task's blocks into its statistics without making rows (runs without paths). */
  void statisticsOnly() {
    while (nextBlock()) {
      row = rows;
    }
  }

  /**
   * Computes the next block; at the end, hands the statistics to the accumulator, once. A task
   * Spark has killed (a cancelled job, a driver shutting down) stops here rather than write on.
   */
  private boolean nextBlock() {
    TaskContext context = TaskContext.get();
    if (context != null) {
      context.killTaskIfInterrupted();
    }
    if (!blocks.hasNext()) {
      if (!reported) {
        reported = true;
        parts.add(new StatisticsAccumulator.Part(task.index(), stats));
      }
      return false;
    }
    if (blocksDone++ == failAtBlock) {
      throw new IllegalStateException("task " + task.index() + " fails on its first attempt,"
          + " as asked (--fail-task-once), after " + failAtBlock + " blocks");
    }
    block = blocks.next();
    stats.accept(block);
    row = 0;
    rows = block.paths * block.tranches;
    return true;
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    int r = row++;
    Object[] values = new Object[columns.length + (scenario == null ? 0 : 1)];
    for (int c = 0; c < columns.length; c++) {
      Object v = columns[c].value(r);
      values[c] = v instanceof Double d && d.isNaN() ? null : v;
    }
    if (scenario != null) {
      values[columns.length] = scenario;
    }
    return RowFactory.create(values);
  }
}
