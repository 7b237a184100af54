package io.absmc.cli;

import io.absmc.resolve.ResolvedDeal;
import io.absmc.resolve.Stress;

/** The lines above a command's tables: what was run, under which assumptions. */
final class Header {

  private Header() {
  }

  static String of(ResolvedDeal deal, String what) {
    var s = deal.scenario;
    String stress = deal.stress.equals(Stress.NONE) ? "base case" : "stress: " + deal.stress;
    return "absmc " + Version.version() + " | " + s.name() + " | " + what + " | " + stress + "\n"
        + cutoff(s.calendar()) + "closing " + s.calendar().closingDate() + ", legal final "
        + s.calendar().legalFinalDate() + collections(s.calendar())
        + ", " + deal.periods + " periods, pool " + io.absmc.cashflow.Format.money(deal.initialPoolBalance)
        + " RMB, plan size " + io.absmc.cashflow.Format.money(deal.planSize) + " RMB\n";
  }

  private static String cutoff(io.absmc.scenario.Calendar c) {
    return c.cutoffDate().equals(c.closingDate()) ? "" : "cut-off " + c.cutoffDate() + ", ";
  }

  private static String collections(io.absmc.scenario.Calendar c) {
    return c.collectionPeriodEnd() == io.absmc.scenario.CollectionPeriodEnd.MONTH_END
        ? ", collected to month ends" : "";
  }
}
