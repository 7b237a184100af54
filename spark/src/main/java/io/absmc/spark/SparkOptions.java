package io.absmc.spark;

import java.io.IOException;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Where and how the Spark commands run: master, tasks, and the retry test's fault. */
final class SparkOptions {

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master, e.g. local[2] or yarn (default: spark-submit's, else local[*]).")
  String master;

  @Option(names = "--tasks", paramLabel = "N",
      description = "Tasks per scenario, each a range of consecutive 1,024-path blocks (default:"
          + " 4 per core of the cluster). Results do not depend on it.")
  Integer tasks;

  @Option(names = "--fail-task-once", paramLabel = "K", hidden = true, defaultValue = "-1",
      description = "Make task K's first attempt fail half-way (to test Spark's retries).")
  int failTaskOnce;

  /** A session and whether this command started it (and so stops it). */
  record Session(SparkSession spark, boolean owned) implements AutoCloseable {
    @Override
    public void close() {
      if (owned) {
        spark.stop();
      }
    }

    /**
     * The output folder at {@code uri}, on the session's Hadoop configuration; one that holds files
     * without {@code overwrite} is a usage error.
     */
    HadoopFolder folder(CommandLine cli, String uri, boolean overwrite) throws IOException {
      try {
        return HadoopFolder.open(uri, spark.sparkContext().hadoopConfiguration(), overwrite);
      } catch (HadoopFolder.NotEmptyException e) {
        throw new CommandLine.ParameterException(cli, e.getMessage());
      }
    }

    /** The master it runs on. */
    String master() {
      return spark.sparkContext().master();
    }
  }

  /** The running session (a test's, a notebook's) or a new one. */
  Session session(String appName) {
    if (SparkSession.getActiveSession().isDefined()) {
      return new Session(SparkSession.getActiveSession().get(), false);
    }
    SparkSession.Builder builder = SparkSession.builder().appName(appName);
    if (System.getProperty("spark.driver.maxResultSize") == null) {
      // the tasks' statistics carry each path's values for exact quantiles (about 50 bytes a path):
      // Spark's default cap of 1g on task results would stop runs of 20 million paths and more
      builder = builder.config("spark.driver.maxResultSize", "0");
    }
    if (System.console() != null && System.getProperty("spark.ui.showConsoleProgress") == null) {
      // at a terminal, Spark's own progress bar: tasks done of the stage's
      builder = builder.config("spark.ui.showConsoleProgress", "true");
    }
    if (master != null) {
      builder = builder.master(master);
    } else if (System.getProperty("spark.master") == null) {
      builder = builder.master("local[*]");
    }
    return new Session(builder.getOrCreate(), true);
  }

  /** Checks the options before any work is done. */
  void check(CommandLine cli) {
    if (tasks != null && tasks < 1) {
      throw new CommandLine.ParameterException(cli, "--tasks must be at least 1, found " + tasks);
    }
  }

  /** Tasks per scenario: as asked, else four per core of the cluster. */
  int tasks(SparkSession spark) {
    return tasks != null ? tasks : 4 * spark.sparkContext().defaultParallelism();
  }
}
