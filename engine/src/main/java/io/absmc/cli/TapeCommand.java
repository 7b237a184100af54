package io.absmc.cli;

import io.absmc.cashflow.Format;
import io.absmc.cashflow.TextTable;
import io.absmc.scenario.LoanTape;
import io.absmc.scenario.ScenarioException;
import io.absmc.scenario.TapeStratification;
import io.absmc.scenario.yaml.Problems;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code absmc tape FILE}: a loan tape's stratification (CSV or Parquet): loans and balance by
 * segment, term, age band, rate band, performance key and per-loan default-rate band, with
 * balance-weighted averages.
 */
@Command(name = "tape", mixinStandardHelpOptions = true,
    description = "Read a loan tape (CSV or Parquet) and print its stratification.")
final class TapeCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The loan tape (.csv or .parquet).")
  Path file;

  @Option(names = "--cutoff", paramLabel = "DATE",
      description = "The date the ages are counted to, for exact remaining terms of loans in months"
          + " (default: months of 365/12 days).")
  LocalDate cutoff;

  @Override
  public Integer call() {
    long start = System.nanoTime();
    Problems problems = new Problems(file.toString());
    TapeStratification s = LoanTape.stratification(file, LoanTape.Rules.any(cutoff), problems);
    if (s == null) {
      throw new ScenarioException(problems.messages());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    PrintWriter w = spec.commandLine().getOut();
    w.printf(Locale.ROOT, "loan tape %s: %,d loans, %s RMB, read in %.1f s%s%n%n", file,
        s.loans(), Format.money(s.balance()), seconds,
        cutoff == null ? "; terms in months counted at 365/12 days a month" : "; ages at " + cutoff);
    w.print(table(s));
    return 0;
  }

  /** The stratification as one table per dimension, amounts in RMB. */
  static String table(TapeStratification s) {
    StringBuilder out = new StringBuilder();
    String dimension = null;
    TextTable t = null;
    boolean defaults = s.lines().stream().anyMatch(l -> !Double.isNaN(l.defaultRate()));
    for (TapeStratification.Line l : s.lines()) {
      if (!l.dimension().equals(dimension)) {
        if (t != null) {
          out.append(t).append('\n');
        }
        dimension = l.dimension();
        out.append("By ").append(dimension.replace('_', ' ')).append('\n');
        t = defaults
            ? new TextTable(dimension, "loans", "balance", "share", "WA rate", "WA age (days)",
                "WA remaining (days)", "WA default rate")
            : new TextTable(dimension, "loans", "balance", "share", "WA rate", "WA age (days)",
                "WA remaining (days)");
      }
      String[] row = {l.bucket(), String.format(Locale.ROOT, "%,d", l.loans()),
          Format.money(l.balance()), Format.percent(l.share(), 2), Format.percent(l.rate(), 2),
          String.format(Locale.ROOT, "%.1f", l.ageDays()),
          String.format(Locale.ROOT, "%.1f", l.remainingDays()),
          Format.percent(l.defaultRate(), 2)};
      t.row(defaults ? row : java.util.Arrays.copyOf(row, 7));
    }
    if (t != null) {
      out.append(t);
    }
    return out.toString();
  }
}
