package io.absmc.cli;

import io.absmc.cashflow.CashflowFiles;
import io.absmc.cashflow.ExpectedCashflows;
import io.absmc.report.Units;
import io.absmc.resolve.ResolvedDeal;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code absmc cashflows FILE}: the expected-value path, period by period. */
@Command(name = "cashflows", mixinStandardHelpOptions = true,
    description = "Run the expected-value path of a deal and print its cash flows per period.")
final class CashflowsCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  ScenarioOptions scenario;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Also write pool_cashflows.csv, tranche_cashflows.csv and tranche_summary.csv"
          + " into DIR.")
  Path out;

  @Option(names = "--units", paramLabel = "U", defaultValue = "auto",
      description = "Money in the printed tables: rmb (yuan to the cent), m (millions), yi (亿,"
          + " 10^8 yuan) or auto (yuan for a plan below a million, else millions) (default:"
          + " ${DEFAULT-VALUE}). The CSV files are always in yuan to the cent.")
  String units;

  @Override
  public Integer call() throws Exception {
    ResolvedDeal deal = scenario.resolve();
    ExpectedCashflows run = ExpectedCashflows.run(deal);
    Units unit;
    try {
      // auto: yuan below a million, where millions would print 0.01m
      unit = units.equalsIgnoreCase("auto") ? (deal.planSize < 1e6 ? Units.RMB : Units.MILLIONS)
          : Units.parse(units);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--" + e.getMessage() + " (or auto)");
    }
    PrintWriter w = spec.commandLine().getOut();
    w.println(Header.of(deal, "expected-value path"));
    w.println("Pool (" + unit.label() + ")");
    w.println(run.poolTable(unit));
    w.println("Past due at the period's end (share of the pool)");
    w.println(run.pastDueTable());
    w.println("Accounts after the waterfall (" + unit.label() + ")");
    w.println(run.accountsTable(unit));
    for (int t = 0; t < deal.tranches; t++) {
      w.println("Tranche " + deal.trancheNames[t] + " (" + unit.label() + ")");
      w.println(run.trancheTable(t, unit));
    }
    w.println("Tranches (RMB)");
    w.println(run.summaryTable());
    w.print(run.totalsTable());
    if (out != null) {
      CashflowFiles.write(run, out);
      w.println();
      w.println("Wrote " + out.resolve(CashflowFiles.POOL_FILE) + ", "
          + out.resolve(CashflowFiles.TRANCHE_FILE) + " and "
          + out.resolve(CashflowFiles.SUMMARY_FILE));
    }
    return 0;
  }
}
