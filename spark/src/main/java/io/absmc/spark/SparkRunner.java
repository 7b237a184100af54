package io.absmc.spark;

import io.absmc.api.Plan;
import io.absmc.montecarlo.BlockResult;
import io.absmc.output.Column;
import io.absmc.output.PathsFile;
import io.absmc.resolve.ResolvedDeal;
import io.absmc.stats.RunStatistics;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Runs the paths of one or more resolved deals (a run, or a batch's scenarios) on Spark. The work
 * is cut into tasks of consecutive blocks, scenario by scenario; a task computes its blocks with
 * the engine's block-indexed random streams ({@link Plan#blocks(long, long)}),
 * so every path is bit for bit the local engine's, and it accumulates its blocks' statistics. The
 * tasks' statistics reach the driver through a {@link StatisticsAccumulator}, which merges them
 * as they arrive, in any order: since sums are exact across blocks, the merged statistics are
 * exactly the local run's.
 *
 * <p>Plans and tasks are broadcast once ({@link Shipment}); a task receives only its
 * index.
 */
final class SparkRunner {

  /** The column a batch's paths are partitioned by. */
  static final String SCENARIO = "scenario";

  private SparkRunner() {
  }

  /**
   * What to run: the plans of a run, or of a batch's scenarios with their names (else null); a
   * batch's plans share their settings and rating tables.
   */
  record Job(List<Plan> plans, List<String> scenarios) {

    /** One run. */
    static Job of(Plan plan) {
      return new Job(List.of(plan), null);
    }
  }

  /** One task: scenario {@code scenario}'s blocks {@code from .. to-1}. */
  record Task(int index, int scenario, long from, long to) implements Serializable {
  }

  /**
   * What an executor needs: the tasks, the plans, the scenarios' names, and whether the tasks'
   * statistics keep their values (as the driver's do: {@link RunStatistics#keeps}).
   */
  record Shipped(ArrayList<Task> tasks, ArrayList<Plan> plans, ArrayList<String> scenarios,
      boolean keep) implements Serializable {
  }

  /**
   * Runs the job; writes every path's results as Parquet under {@code pathsUri} (partitioned by
   * scenario for a batch) unless it is null.
   *
   * @param tasksPerScenario how many tasks each scenario's blocks are cut into (at most one per
   *     block)
   * @param failTaskOnce the index of a task whose first attempt fails half-way, to test Spark's
   *     retries; -1 for none
   * @return each deal's statistics, in the job's order
   */
  static List<RunStatistics> run(SparkSession spark, Job job, int tasksPerScenario,
      String pathsUri, int failTaskOnce) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<Task> tasks = tasks(job.plans().size(), job.plans().get(0).blocks(), tasksPerScenario);
    Broadcast<byte[]> shipped = jsc.broadcast(Shipment.pack(new Shipped(new ArrayList<>(tasks),
        new ArrayList<>(job.plans()),
        job.scenarios() == null ? null : new ArrayList<>(job.scenarios()),
        RunStatistics.keeps(job.plans().get(0).settings().paths()))));
    List<RunStatistics> merged = new ArrayList<>();
    for (Plan plan : job.plans()) {
      merged.add(plan.statistics());
    }
    StatisticsAccumulator parts = new StatisticsAccumulator(tasks, merged);
    // unnamed: its value is not for Spark's UI and event logs
    spark.sparkContext().register(parts);
    boolean batch = job.scenarios() != null;
    try {
      // a task travels as its index: the rest is in the broadcast
      List<Integer> indices = new ArrayList<>();
      for (Task t : tasks) {
        indices.add(t.index());
      }
      JavaRDD<Integer> work = jsc.parallelize(indices, indices.size());
      if (pathsUri == null) {
        work.foreach(t -> TaskRows.of(t, Shipment.unpack(shipped), parts, batch, failTaskOnce)
            .statisticsOnly());
      } else {
        JavaRDD<Row> rows = work.mapPartitions(it -> TaskRows.of(it.next(),
            Shipment.unpack(shipped), parts, batch, failTaskOnce));
        // as the engine writes paths.parquet: ZSTD at its fastest level, dictionaries only for
        // the tranche's name
        var writer = spark.createDataFrame(rows, schema(job.plans().get(0).deal(), batch)).write()
            .option("compression", "zstd").option("parquet.compression.codec.zstd.level", "1")
            .option("parquet.enable.dictionary", "false")
            .option("parquet.enable.dictionary#tranche", "true");
        if (batch) {
          writer = writer.partitionBy(SCENARIO);
        }
        writer.parquet(pathsUri);
      }
      if (!parts.complete()) {
        throw new IllegalStateException("expected the statistics of " + tasks.size()
            + " tasks but Spark returned " + (parts.merged() + parts.value().size()));
      }
      secondPass(jsc, shipped, tasks, merged);
    } finally {
      shipped.destroy();
    }
    return merged;
  }

  /**
   * The second pass of the scenarios whose statistics did not keep their values ({@link
   * RunStatistics#secondPass()}): a second job over the same tasks, each returning its blocks'
   * pass as bytes; the passes merge in any order, so the driver merges them as they come.
   */
  private static void secondPass(JavaSparkContext jsc, Broadcast<byte[]> shipped,
      List<Task> tasks, List<RunStatistics> merged) {
    ArrayList<RunStatistics.SecondPass> passes = new ArrayList<>();
    List<Integer> indices = new ArrayList<>();
    for (RunStatistics s : merged) {
      passes.add(s.secondPass());
    }
    for (Task t : tasks) {
      if (passes.get(t.scenario()) != null) {
        indices.add(t.index());
      }
    }
    if (indices.isEmpty()) {
      return;
    }
    Broadcast<byte[]> plans = jsc.broadcast(Shipment.pack(passes));
    try {
      List<RunStatistics.SecondPass> parts = new ArrayList<>();
      for (RunStatistics.SecondPass p : passes) {
        parts.add(p == null ? null : p.empty());
      }
      jsc.parallelize(indices, indices.size()).map(i -> {
        Shipped job = Shipment.unpack(shipped);
        Task task = job.tasks().get(i);
        List<RunStatistics.SecondPass> all = Shipment.read(plans.value());
        RunStatistics.SecondPass part = all.get(task.scenario());
        Iterator<BlockResult> blocks = job.plans().get(task.scenario()).blocks(task.from(),
            task.to());
        while (blocks.hasNext()) {
          part.accept(blocks.next());
        }
        return Shipment.pack(new PassPart(task.scenario(), part));
      }).collect().forEach(bytes -> {
        PassPart part = Shipment.read(bytes);
        parts.get(part.scenario()).merge(part.pass());
      });
      for (int s = 0; s < merged.size(); s++) {
        if (parts.get(s) != null) {
          merged.get(s).finish(parts.get(s));
        }
      }
    } finally {
      plans.destroy();
    }
  }

  /** A task's second pass. */
  record PassPart(int scenario, RunStatistics.SecondPass pass) implements Serializable {
  }

  /** The tasks: each scenario's blocks cut into at most {@code perScenario} consecutive ranges. */
  static List<Task> tasks(int scenarios, long blocks, int perScenario) {
    int n = (int) Math.max(1, Math.min(perScenario, blocks));
    List<Task> tasks = new ArrayList<>();
    for (int s = 0; s < scenarios; s++) {
      for (int r = 0; r < n; r++) {
        tasks.add(new Task(tasks.size(), s, blocks * r / n, blocks * (r + 1) / n));
      }
    }
    return tasks;
  }

  /** The Spark schema of the path rows: the engine's columns, with units and meanings. */
  static StructType schema(ResolvedDeal deal, boolean batch) {
    List<StructField> fields = new ArrayList<>();
    for (Column c : PathsFile.columns(deal, () -> null)) {
      DataType type = switch (c.kind()) {
        case DOUBLE -> DataTypes.DoubleType;
        case LONG -> DataTypes.LongType;
        case INT -> DataTypes.IntegerType;
        case STRING -> DataTypes.StringType;
        case BOOLEAN -> DataTypes.BooleanType;
      };
      boolean nullable = c.kind() != Column.Kind.LONG && c.kind() != Column.Kind.INT;
      Metadata doc = new MetadataBuilder().putString("comment",
          (c.unit().isEmpty() ? "" : "[" + c.unit() + "] ") + c.meaning()).build();
      fields.add(DataTypes.createStructField(c.name(), type, nullable, doc));
    }
    if (batch) {
      fields.add(DataTypes.createStructField(SCENARIO, DataTypes.StringType, false));
    }
    return DataTypes.createStructType(fields);
  }
}
