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

/**
 * {@code absmc run FILE}: the main job. Until the Monte Carlo engine lands it runs the deal's
 * expected-value path, prints the tranche summary and writes the cash-flow files.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run a deal: tranche outcomes and cash flows (expected-value path for now).")
final class RunCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  ScenarioOptions scenario;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Output folder (default: out/<scenario name>).")
  Path out;

  @Override
  public Integer call() throws Exception {
    ResolvedDeal deal = scenario.resolve();
    ExpectedCashflows run = ExpectedCashflows.run(deal);
    Path dir = out != null ? out : Path.of("out", deal.scenario.name());
    CashflowFiles.write(run, dir);
    PrintWriter w = spec.commandLine().getOut();
    w.println(Header.of(deal, "expected-value path"));
    w.println(run.summaryTable());
    w.print(run.totalsTable());
    w.println();
    w.println("Cash flows per period: " + dir.resolve(CashflowFiles.POOL_FILE) + ", "
        + dir.resolve(CashflowFiles.TRANCHE_FILE));
    return 0;
  }
}
