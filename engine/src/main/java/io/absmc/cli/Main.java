package io.absmc.cli;

import io.absmc.scenario.ScenarioException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code absmc} command line. Usage errors exit with 2 and one line; unusable input files exit
 * with 2 and one line per problem; other failures exit with 1 and a one-line message (the stack trace only
 * with {@code --verbose}). Only {@link #main} calls {@code System.exit}.
 */
@Command(name = "absmc", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Monte Carlo credit-risk stress testing for asset-backed securities.",
    subcommands = {RunCommand.class, BatchCommand.class, BreakEvenCommand.class, SizeCommand.class,
        ReportCommand.class, CashflowsCommand.class, ValidateCommand.class, TapeCommand.class, CalibrateCommand.class,
        GenerateVintagesCommand.class, StabilityCommand.class,
        GenerateTapeCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {

  @Spec
  CommandSpec spec;

  /** The system property the SLF4J simple logger reads its level from when it starts. */
  static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

  private static final java.util.List<String> LEVELS =
      java.util.List.of("trace", "debug", "info", "warn", "error", "off");

  /**
   * The libraries' log messages (Parquet, Hadoop) shown on standard error: errors only by default,
   * more with this option (or info with {@code --verbose}).
   */
  @picocli.CommandLine.Option(names = "--log-level", paramLabel = "LEVEL",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Library messages on standard error: trace, debug, info, warn, error or off"
          + " (default: error; info with --verbose).")
  void logLevel(String level) {
    String l = level.toLowerCase(java.util.Locale.ROOT);
    if (!LEVELS.contains(l)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--log-level: expected one of "
          + String.join(", ", LEVELS) + ", found '" + level + "'");
    }
    System.setProperty(LOG_LEVEL, l);
  }

  @Override
  public void run() {
    throw missingCommand(spec);
  }

  /** The usage error of a top command called without one of its commands. */
  public static CommandLine.ParameterException missingCommand(CommandSpec spec) {
    return new CommandLine.ParameterException(spec.commandLine(), "Missing a command: "
        + String.join(", ", spec.subcommands().keySet()));
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(execute(out, err, args));
  }

  /** Runs the command line with the given writers; returns the exit code. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    return execute(new CommandLine(new Main()), out, err, args);
  }

  /**
   * Runs a command line (this one, or another program's such as absmc's Spark runner) with absmc's
   * exit codes and messages; returns the exit code.
   */
  public static int execute(CommandLine cli, PrintWriter out, PrintWriter err, String... args) {
    if (java.util.Arrays.asList(args).contains("--verbose") && System.getProperty(LOG_LEVEL) == null) {
      // before any library starts its logger: --verbose shows their messages from info up
      System.setProperty(LOG_LEVEL, "info");
    }
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler((e, args2) -> {
      CommandLine c = e.getCommandLine();
      c.getErr().println("absmc: " + e.getMessage() + " (see '"
          + c.getCommandSpec().qualifiedName() + " --help')");
      return 2;
    });
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof ScenarioException se) {
        se.problems().forEach(commandLine.getErr()::println);
        return 2;
      }
      boolean verbose = parseResult.subcommand() != null
          && parseResult.subcommand().hasMatchedOption("--verbose");
      if (verbose) {
        e.printStackTrace(commandLine.getErr());
      }
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      commandLine.getErr().println("absmc: " + message);
      return 1;
    });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }
}
