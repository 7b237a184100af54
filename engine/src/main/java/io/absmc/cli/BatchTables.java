package io.absmc.cli;

import io.absmc.batch.BatchRunner;
import io.absmc.cashflow.Format;
import io.absmc.cashflow.TextTable;
import io.absmc.montecarlo.RunSettings;
import io.absmc.output.RunFiles;
import io.absmc.stats.TrancheStatistics;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** The table a batch prints, wherever its paths ran (here or on a cluster). */
public final class BatchTables {

  private BatchTables() {
  }

  /** Prints the batch's header line, EL and rating per scenario and tranche, and where results are. */
  public static void print(PrintWriter w, String scenario, String stresses, RunSettings settings,
      List<RunFiles.SummaryEntry> entries, double seconds, String results, String reportFile) {
    w.printf("absmc %s | %s | batch %s: %d scenarios | %,d paths each, seed %d, %s | %.1f s%n%n",
        Version.version(), scenario, stresses, entries.size(), settings.paths(),
        settings.seed(), settings.granularity().label(), seconds);
    List<String> header = new ArrayList<>(List.of("scenario"));
    for (TrancheStatistics t : entries.get(0).tranches()) {
      header.add(t.name() + " EL");
      header.add("rating");
    }
    header.add("pool loss");
    TextTable table = new TextTable(header.toArray(new String[0]));
    for (RunFiles.SummaryEntry e : entries) {
      List<String> row = new ArrayList<>(List.of(e.scenario()));
      for (TrancheStatistics t : e.tranches()) {
        row.add(Format.percent(t.el(), 4));
        row.add(t.ratingEl().range());
      }
      row.add(Format.percent(e.pool().lossRate().mean(), 3));
      table.row(row.toArray(new String[0]));
    }
    w.println(table);
    w.println("Results: " + results + " (" + BatchRunner.SUMMARY + ", scenario=NAME/)");
    if (reportFile != null) {
      w.println("Report: " + reportFile);
    }
  }
}
