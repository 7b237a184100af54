package io.absmc.cli;

import io.absmc.cashflow.CashflowFiles;
import io.absmc.cashflow.ExpectedCashflows;
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
      description = "Also write pool_cashflows.csv and tranche_cashflows.csv into DIR.")
  Path out;

  @Override
  public Integer call() throws Exception {
    ResolvedDeal deal = scenario.resolve();
    ExpectedCashflows run = ExpectedCashflows.run(deal);
    PrintWriter w = spec.commandLine().getOut();
    w.println(Header.of(deal, "expected-value path"));
    w.println("Pool (RMB m)");
    w.println(run.poolTable());
    w.println("Past due at the period's end (share of the pool)");
    w.println(run.pastDueTable());
    w.println("Accounts after the waterfall (RMB m)");
    w.println(run.accountsTable());
    for (int t = 0; t < deal.tranches; t++) {
      w.println("Tranche " + deal.trancheNames[t] + " (RMB m)");
      w.println(run.trancheTable(t));
    }
    w.println("Tranches (RMB)");
    w.println(run.summaryTable());
    w.print(run.totalsTable());
    if (out != null) {
      CashflowFiles.write(run, out);
      w.println();
      w.println("Wrote " + out.resolve(CashflowFiles.POOL_FILE) + " and "
          + out.resolve(CashflowFiles.TRANCHE_FILE));
    }
    return 0;
  }
}
