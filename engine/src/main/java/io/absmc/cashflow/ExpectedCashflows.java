package io.absmc.cashflow;

import io.absmc.engine.ExpectedValueDriver;
import io.absmc.engine.PathEngine;
import io.absmc.engine.PathRecord;
import io.absmc.report.Units;
import io.absmc.resolve.ResolvedDeal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The expected-value path of a deal (every cohort loses exactly its expected number of loans) with
 * its per-tranche summary and the tables {@code absmc cashflows} prints. Immutable once built.
 */
public final class ExpectedCashflows {

  private final ResolvedDeal deal;
  private final PathRecord record;
  private final List<TrancheSummary> summaries;

  private ExpectedCashflows(ResolvedDeal deal, PathRecord record) {
    this.deal = deal;
    this.record = record;
    List<TrancheSummary> s = new ArrayList<>();
    for (int t = 0; t < deal.tranches; t++) {
      s.add(TrancheSummary.of(deal, record, t));
    }
    this.summaries = List.copyOf(s);
  }

  /** Runs the expected-value path. */
  public static ExpectedCashflows run(ResolvedDeal deal) {
    PathRecord record = new PathRecord(deal);
    new PathEngine(deal).run(new ExpectedValueDriver(deal), record);
    return new ExpectedCashflows(deal, record);
  }

  public ResolvedDeal deal() {
    return deal;
  }

  public PathRecord record() {
    return record;
  }

  public List<TrancheSummary> tranches() {
    return summaries;
  }

  /** The summary of the tranche of that name. */
  public TrancheSummary tranche(String name) {
    return summaries.stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no tranche '" + name + "'"));
  }

  /** Payment date of a 0-based period. */
  public LocalDate paymentDate(int p) {
    return deal.scenario.calendar().paymentDates().get(p);
  }

  /** Names of the triggers breached in a period, joined by '|', or empty. */
  public String triggersBreached(int p) {
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < deal.triggers; k++) {
      if ((record.triggerMask[p] & (1 << k)) != 0) {
        sb.append(sb.length() == 0 ? "" : "|").append(deal.triggerNames[k]);
      }
    }
    return sb.toString();
  }

  /**
   * Per-period pool table, amounts in {@code unit}; with collection periods that end before
   * their payment dates, the day each ends ("collected to") beside the payment date.
   */
  public String poolTable(Units unit) {
    List<LocalDate> ends = deal.scenario.calendar().collectionEnds();
    boolean collected = !ends.equals(deal.scenario.calendar().paymentDates());
    List<String> header = new java.util.ArrayList<>(List.of("period", "date"));
    if (collected) {
      header.add("collected to");
    }
    header.addAll(List.of("state", "opening", "defaults", "prepaid", "scheduled", "interest",
        "recovered", "bought", "closing", "CDR", "triggers"));
    TextTable table = new TextTable(header.toArray(new String[0]));
    PathRecord r = record;
    for (int p = 0; p < r.periods; p++) {
      List<String> row = new java.util.ArrayList<>(List.of(Integer.toString(p + 1),
          paymentDate(p).toString()));
      if (collected) {
        row.add(ends.get(p).toString());
      }
      row.addAll(List.of(r.dealState[p].label(),
          unit.money(r.poolOpening[p]), unit.money(r.defaults[p]),
          unit.money(r.prepayments[p]), unit.money(r.scheduledPrincipal[p]),
          unit.money(r.interest[p]), unit.money(r.recoveries[p]),
          unit.money(r.purchases[p]), unit.money(r.poolClosing[p]),
          Format.percent(r.cumulativeDefaultRate[p], 2), triggersBreached(p)));
      table.row(row.toArray(new String[0]));
    }
    return table.toString();
  }

  /**
   * Per-period table of the pool's past-due principal at the period's end, by bucket of days past
   * due and 30+, 60+ and 90+, over the pool balance.
   */
  public String pastDueTable() {
    TextTable table = new TextTable("period", "1-30", "31-60", "61-90", "91+", "30+", "60+",
        "90+");
    PathRecord r = record;
    for (int p = 0; p < r.periods; p++) {
      String[] row = new String[8];
      row[0] = Integer.toString(p + 1);
      for (int b = 0; b < PathRecord.PAST_DUE_BUCKETS; b++) {
        row[1 + b] = Format.percent(r.pastDue[b * r.periods + p], 2);
      }
      for (int d = 1; d <= 3; d++) {
        row[4 + d] = Format.percent(r.delinquency(p, 30 * d), 2);
      }
      table.row(row);
    }
    return table.toString();
  }

  /**
   * Per-period table of the plan's accounts after the waterfall, amounts in {@code unit}; the
   * excess spread is blank once the pool is empty (undefined).
   */
  public String accountsTable(Units unit) {
    TextTable table = new TextTable("period", "fees paid", "account int", "excess spread",
        "interest acct", "principal acct", "reserve drawn", "reserve");
    PathRecord r = record;
    for (int p = 0; p < r.periods; p++) {
      table.row(Integer.toString(p + 1), unit.money(r.feesPaid[p]),
          unit.money(r.accountInterest[p]),
          r.poolOpening[p] > 0 ? Format.percent(r.excessSpread[p], 2) : "",
          unit.money(r.interestAccount[p]), unit.money(r.principalAccount[p]),
          unit.money(r.reserveDrawn[p]), unit.money(r.reserveAccount[p]));
    }
    return table.toString();
  }

  /** Per-period table of one tranche, amounts in {@code unit}. */
  public String trancheTable(int t, Units unit) {
    TextTable table = new TextTable("period", "opening", "int due", "int paid", "principal",
        "int unpaid", "guarantor", "residual", "closing");
    PathRecord r = record;
    for (int p = 0; p < r.periods; p++) {
      int k = r.at(t, p);
      table.row(Integer.toString(p + 1), unit.money(r.trancheOpening[k]),
          unit.money(r.interestDue[k]), unit.money(r.interestPaid[k]),
          unit.money(r.principalPaid[k]), unit.money(r.interestShortfall[k]),
          unit.money(r.trancheGuaranteeDraw[k]), unit.money(r.trancheResidualPaid[k]),
          unit.money(r.trancheClosing[k]));
    }
    return table.toString();
  }

  /** One row per tranche: received, both loss measures, WAL and IRR, amounts in RMB. */
  public String summaryTable() {
    TextTable table = new TextTable("tranche", "paid in", "received", "of which guarantor",
        "gain vs paid in", "promised", "shortfall vs promised", "WAL (y)", "IRR");
    for (TrancheSummary s : summaries) {
      table.row(s.name(), Format.money(s.paidIn()), Format.money(s.received()),
          Format.money(s.fromGuarantor()), Format.money(s.gainVsPaidIn()),
          Format.money(s.promised()), Format.money(s.shortfallVsPromised()),
          Format.years(s.walYears()), Format.percent(s.irr(), 2));
    }
    return table.toString();
  }

  /** Totals over the life of the deal, in RMB. */
  public String totalsTable() {
    PathRecord r = record;
    double collections = 0;
    double defaults = 0;
    double fees = 0;
    double guarantee = 0;
    double bought = 0;
    for (int p = 0; p < r.periods; p++) {
      collections += r.interest[p] + r.prepayments[p] + r.scheduledPrincipal[p] + r.recoveries[p];
      defaults += r.defaults[p];
      fees += r.feesPaid[p];
      guarantee += r.guaranteeDraw[p];
      bought += r.purchases[p];
    }
    int last = r.periods - 1;
    return new TextTable("total", "RMB")
        .row("collections", Format.money(collections))
        .row("defaults", Format.money(defaults))
        .row("loans bought (revolving)", Format.money(bought))
        .row("fees paid", Format.money(fees))
        .row("guarantor paid", Format.money(guarantee))
        .row("pool left at legal final", Format.money(r.poolClosing[last]))
        .row("cash left in accounts", Format.money(r.interestAccount[last]
            + r.principalAccount[last] + r.reserveAccount[last]))
        .toString();
  }
}
