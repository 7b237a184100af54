package io.absmc.cli;

import io.absmc.cashflow.Format;
import io.absmc.cashflow.TextTable;
import io.absmc.montecarlo.RunSettings;
import io.absmc.resolve.ResolvedDeal;
import io.absmc.stats.PoolStatistics;
import io.absmc.stats.RunStatistics;
import io.absmc.stats.TrancheStatistics;
import io.absmc.stats.TriggerStatistics;
import java.io.PrintWriter;
import java.util.List;

/** The tables a run prints, wherever its paths ran (here or on a cluster). */
public final class RunTables {

  private RunTables() {
  }

  /**
   * Prints a run's header, tranche, pool and trigger tables and where the results are.
   *
   * @param how where the paths ran: "2 threads", "Spark local[2], 8 tasks"
   */
  public static void print(PrintWriter w, ResolvedDeal deal, RunSettings settings,
      RunStatistics stats, String how, String results, String reportFile, double seconds) {
    w.println(Header.of(deal, "Monte Carlo"));
    // a large run reads its quantiles in a second pass over the same paths
    int passes = RunStatistics.passes(settings.paths());
    w.printf("%,d paths%s, seed %d, %s granularity, %s, %.1f s (%,.0f paths/s%s)%n",
        settings.paths(), passes == 1 ? "" : " in two passes", settings.seed(),
        settings.granularity().label(), how, seconds, passes * settings.paths() / seconds,
        passes == 1 ? "" : " over both");
    if (settings.importance().on()) {
      w.printf("importance sampling: %s; effective sample size %,.0f paths%n",
          settings.importance(), stats.effectiveSampleSize());
      if (stats.effectiveSampleSize() < RunStatistics.SMALL_EFFECTIVE_SAMPLE * settings.paths()) {
        w.printf("warning: the weights leave few effective paths; statistics of the pool and of"
            + " tranches the shift does not aim at are imprecise (see their intervals)%n");
      }
    } else if (!settings.importance().target().equals("off")) {
      w.printf("importance sampling: none (%s)%n", settings.importance().target());
    }
    w.println();
    TextTable t = new TextTable("tranche", "PD", "PD 95% interval", "EL", "EL 95% interval",
        "EL (PV)", "LGD", "WAL (y)", "loss q99.9", "ES 99%", "rating (EL)", "rating (PD)");
    for (TrancheStatistics s : stats.tranches()) {
      t.row(s.name(), Format.significant(s.pd()), Format.significantRange(s.pdLow(), s.pdHigh()),
          Format.significant(s.el()), Format.significantRange(s.elLow(), s.elHigh()),
          Format.significant(s.elPv()), Format.percent(s.lgd(), 1),
          Format.years(s.walYears()), Format.percent(s.lossQuantile(0.999), 2),
          Format.percent(s.es99(), 2), s.ratingEl().range(), s.ratingPd().range());
    }
    w.println(t);
    PoolStatistics p = stats.pool();
    w.println(new TextTable("pool", "mean", "s.d.", "99%", "99.9%", "ES 99%")
        .row("cumulative default rate", Format.percent(p.defaultRate().mean(), 3),
            Format.percent(p.defaultRate().sd(), 3), Format.percent(p.defaultRate().quantiles()[3], 3),
            Format.percent(p.defaultRate().quantiles()[5], 3), Format.percent(p.defaultRate().es99(), 3))
        .row("cumulative loss rate", Format.percent(p.lossRate().mean(), 3),
            Format.percent(p.lossRate().sd(), 3), Format.percent(p.lossRate().quantiles()[3], 3),
            Format.percent(p.lossRate().quantiles()[5], 3), Format.percent(p.lossRate().es99(), 3)));
    List<TriggerStatistics> triggers = stats.triggers();
    if (!triggers.isEmpty()) {
      TextTable tt = new TextTable("trigger", "P(breach)", "95% interval", "mean time (y)");
      for (TriggerStatistics s : triggers) {
        tt.row(s.name(), Format.percent(s.probability(), 2),
            Format.range(s.interval().low(), s.interval().high(), 2), Format.years(s.meanYears()));
      }
      w.println(tt);
    }
    w.println("Results: " + results);
    if (reportFile != null) {
      w.println("Report: " + reportFile);
    }
  }
}
