package io.absmc.cashflow;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.absmc.engine.PathRecord;
import io.absmc.io.AtomicOutput;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes an expected-value run as {@code pool_cashflows.csv}, {@code tranche_cashflows.csv} and
 * {@code tranche_summary.csv} (columns documented in the README), all or nothing. Money to the cent, rates as decimals.
 */
public final class CashflowFiles {

  public static final String POOL_FILE = "pool_cashflows.csv";
  public static final String TRANCHE_FILE = "tranche_cashflows.csv";
  public static final String SUMMARY_FILE = "tranche_summary.csv";

  static final List<String> POOL_COLUMNS = List.of("period", "payment_date", "deal_state",
      "opening_balance", "defaults", "prepayments", "scheduled_principal", "interest",
      "recoveries", "losses", "purchases", "purchase_cash", "closing_balance",
      "cumulative_default_rate", "past_due_1_30", "past_due_31_60", "past_due_61_90",
      "past_due_91_plus", "excess_spread",
      "account_interest", "fees_paid", "guarantee_draw", "residual_paid", "interest_account",
      "principal_account", "reserve_drawn", "reserve_account", "triggers_breached");

  static final List<String> SUMMARY_COLUMNS = List.of("tranche", "paid_in", "received",
      "from_guarantor", "gain_vs_paid_in", "promised", "shortfall_vs_promised", "wal_years",
      "irr");

  static final List<String> TRANCHE_COLUMNS = List.of("period", "payment_date", "tranche",
      "opening_balance", "interest_due", "interest_paid", "principal_paid", "interest_shortfall",
      "guarantee_draw", "residual_paid", "closing_balance");

  private CashflowFiles() {
  }

  /** Writes both files into {@code dir} atomically (created if missing). */
  public static void write(ExpectedCashflows run, Path dir) throws IOException {
    AtomicOutput.write(dir, tmp -> {
      writePool(run, tmp.resolve(POOL_FILE));
      writeTranches(run, tmp.resolve(TRANCHE_FILE));
      writeSummary(run, tmp.resolve(SUMMARY_FILE));
    });
  }

  private static void writePool(ExpectedCashflows run, Path file) throws IOException {
    PathRecord r = run.record();
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        SequenceWriter out = writer(POOL_COLUMNS, w)) {
      for (int p = 0; p < r.periods; p++) {
        out.write(new String[] {Integer.toString(p + 1), run.paymentDate(p).toString(),
            r.dealState[p].label(), money(r.poolOpening[p]), money(r.defaults[p]),
            money(r.prepayments[p]), money(r.scheduledPrincipal[p]), money(r.interest[p]),
            money(r.recoveries[p]), money(r.losses[p]), money(r.purchases[p]),
            money(r.purchaseCash[p]), money(r.poolClosing[p]), rate(r.cumulativeDefaultRate[p]),
            rate(r.pastDue[p]), rate(r.pastDue[r.periods + p]), rate(r.pastDue[2 * r.periods + p]),
            rate(r.pastDue[3 * r.periods + p]), rate(r.excessSpread[p]),
            money(r.accountInterest[p]), money(r.feesPaid[p]), money(r.guaranteeDraw[p]),
            money(r.residualPaid[p]), money(r.interestAccount[p]), money(r.principalAccount[p]),
            money(r.reserveDrawn[p]), money(r.reserveAccount[p]), run.triggersBreached(p)});
      }
    }
  }

  private static void writeTranches(ExpectedCashflows run, Path file) throws IOException {
    PathRecord r = run.record();
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        SequenceWriter out = writer(TRANCHE_COLUMNS, w)) {
      for (int p = 0; p < r.periods; p++) {
        for (int t = 0; t < r.tranches; t++) {
          int k = r.at(t, p);
          out.write(new String[] {Integer.toString(p + 1), run.paymentDate(p).toString(),
              run.deal().trancheNames[t], money(r.trancheOpening[k]), money(r.interestDue[k]),
              money(r.interestPaid[k]), money(r.principalPaid[k]), money(r.interestShortfall[k]),
              money(r.trancheGuaranteeDraw[k]), money(r.trancheResidualPaid[k]),
              money(r.trancheClosing[k])});
        }
      }
    }
  }

  /** One row per tranche: the tranche summary of {@code absmc cashflows}, IRR included. */
  private static void writeSummary(ExpectedCashflows run, Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        SequenceWriter out = writer(SUMMARY_COLUMNS, w)) {
      for (TrancheSummary s : run.tranches()) {
        out.write(new String[] {s.name(), money(s.paidIn()), money(s.received()),
            money(s.fromGuarantor()), money(s.gainVsPaidIn()), money(s.promised()),
            money(s.shortfallVsPromised()), Double.isNaN(s.walYears()) ? ""
                : String.format(Locale.ROOT, "%.6f", s.walYears()),
            Double.isNaN(s.irr()) ? "" : rate(s.irr())});
      }
    }
  }

  private static SequenceWriter writer(List<String> columns, Writer w) throws IOException {
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    columns.forEach(schema::addColumn);
    return new CsvMapper().writer(schema.build()).writeValues(w);
  }

  private static String money(double x) {
    double cents = Math.round(x * 100) / 100.0;
    return String.format(Locale.ROOT, "%.2f", cents == 0 ? 0.0 : cents);
  }

  private static String rate(double x) {
    return String.format(Locale.ROOT, "%.8f", x);
  }
}
