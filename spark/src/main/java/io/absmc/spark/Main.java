package io.absmc.spark;

import io.absmc.cli.Version;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code absmc spark}: the engine's runs on Apache Spark, with the engine's options, printed
 * tables, exit codes and output files; only where the paths run, and where files go (any Hadoop
 * file system URI), differ. Submitted to a cluster with {@code spark-submit --class
 * io.absmc.spark.Main absmc-spark.jar run ...}, or run in Spark's local mode by {@code ./absmc spark
 * run ... --master local[2]}.
 */
@Command(name = "absmc spark", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "absmc on Apache Spark: the same paths and statistics as 'absmc run' and"
        + " 'absmc batch', computed by a cluster's executors.",
    subcommands = {SparkRunCommand.class, SparkBatchCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw io.absmc.cli.Main.missingCommand(spec);
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(execute(out, err, args));
  }

  /** Runs the command line with the given writers; returns the exit code. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new Main());
    // executors, not threads, run the paths here
    for (CommandLine sub : cli.getSubcommands().values()) {
      CommandSpec command = sub.getCommandSpec();
      if (command.findOption("--threads") != null) {
        command.remove(command.findOption("--threads"));
      }
    }
    return io.absmc.cli.Main.execute(cli, out, err, args);
  }
}
