package io.absmc.calibrate;

import io.absmc.output.Column;
import io.absmc.output.ParquetTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The files of a calibration: {@code performance.yaml} (a {@code performance:} block and a
 * {@code model:} block to paste into a scenario), {@code calibration.parquet} (every estimate with
 * its standard error and interval), {@code vintages.parquet} (each vintage's lifetime default
 * rate) and {@code vintage_curves.parquet} (each vintage's cumulative default rate by month on
 * book, observed and fitted); with past-due buckets in the data, {@code
 * performance-roll-rates.yaml} too (the block on roll rates).
 */
public final class CalibrationFiles {

  public static final String YAML = "performance.yaml";
  /** With past-due buckets in the data: the performance block on roll rates. */
  public static final String ROLL_RATES_YAML = "performance-roll-rates.yaml";
  public static final String ESTIMATES = "calibration.parquet";
  public static final String VINTAGES = "vintages.parquet";
  public static final String CURVES = "vintage_curves.parquet";

  private CalibrationFiles() {
  }

  /** One estimate as a row: its name, the month on book it is for (0: none), the estimate. */
  private record Row(String parameter, int month, Calibration.Estimate estimate) {
  }

  private static List<Row> rows(Calibration.Result r) {
    List<Row> rows = new ArrayList<>();
    for (int m = 1; m <= r.term(); m++) {
      rows.add(new Row("annual_default_rate", m, r.annualDefault()[m - 1]));
    }
    for (int m = 1; m <= r.term(); m++) {
      rows.add(new Row("annual_prepayment_rate", m, r.annualPrepayment()[m - 1]));
    }
    for (int m = 1; m <= r.term(); m++) {
      rows.add(new Row("timing", m, r.timing()[m - 1]));
    }
    rows.add(new Row("recovery_rate", 0, r.recoveryRate()));
    rows.add(new Row("lifetime_default_rate_mean", 0, r.meanLifetime()));
    rows.add(new Row("lifetime_default_rate_cv", 0, r.cv()));
    rows.add(new Row("vasicek_pd", 0, r.vasicekPd()));
    rows.add(new Row("vasicek_rho", 0, r.vasicekRho()));
    rows.add(new Row("vasicek_rho_moments", 0, r.vasicekRhoMoments()));
    rows.add(new Row("timing_centre_months", 0, r.timingCentre()));
    rows.add(new Row("timing_width_months", 0, r.timingWidth()));
    if (r.flows() != null) {
      for (int k = 0; k < r.flows().length; k++) {
        rows.add(new Row("roll_" + Calibration.FLOWS.get(k), 0, r.flows()[k]));
      }
    }
    return rows;
  }

  /** Writes the four files into {@code dir}. */
  public static void write(Path dir, List<Vintage> data, Calibration.Result r, String source,
      Map<String, String> provenance) throws IOException {
    Files.writeString(dir.resolve(YAML), yaml(r, source), StandardCharsets.UTF_8);
    if (r.flows() != null) {
      Files.writeString(dir.resolve(ROLL_RATES_YAML), rollRatesYaml(r, source),
          StandardCharsets.UTF_8);
    }
    List<Row> rows = rows(r);
    ParquetTable.write(dir.resolve(ESTIMATES), List.of(
        Column.ofString("parameter", "what is estimated", i -> rows.get(i).parameter()),
        Column.ofInt("month_on_book", "", "the month on book it is for (0: not by month)",
            i -> rows.get(i).month()),
        Column.ofDouble("value", "", "the estimate", i -> rows.get(i).estimate().value()),
        Column.ofDouble("se", "", "bootstrap standard error", i -> rows.get(i).estimate().se()),
        Column.ofDouble("ci_low", "", "2.5% bootstrap percentile", i -> rows.get(i).estimate().low()),
        Column.ofDouble("ci_high", "", "97.5% bootstrap percentile",
            i -> rows.get(i).estimate().high())), provenance, rows.size());
    ParquetTable.write(dir.resolve(VINTAGES), List.of(
        Column.ofString("vintage", "origination month", i -> r.vintages().get(i)),
        Column.ofDouble("lifetime_default_rate", "fraction of original balance",
            "observed, or developed to the term by the chain ladder (null: too young)",
            i -> r.lifetime()[i])), provenance, r.vintages().size());
    int term = r.term();
    ParquetTable.write(dir.resolve(CURVES), List.of(
        Column.ofString("vintage", "origination month", i -> data.get(i / term).name()),
        Column.ofInt("month_on_book", "", "month on book", i -> i % term + 1),
        Column.ofDouble("cumulative_default_rate", "fraction of original balance",
            "observed cumulative defaults (null: not yet observed)", i -> {
              Vintage v = data.get(i / term);
              int m = i % term + 1;
              return m <= v.months() ? v.defaults()[m - 1] / v.originalBalance() : Double.NaN;
            }),
        Column.ofDouble("fitted_default_rate", "fraction of original balance",
            "the vintage's lifetime rate times the timing curve (null: too young to develop)",
            i -> r.lifetime()[i / term] * r.timing()[i % term].value())),
        provenance, (long) data.size() * term);
  }

  /** The blocks to paste into a scenario, with the intervals as comments. */
  public static String yaml(Calibration.Result r, String source) {
    StringBuilder b = new StringBuilder();
    b.append("# calibrated by absmc calibrate from ").append(source).append(": ")
        .append(r.vintages().size()).append(" vintages, ").append(r.used())
        .append(" developed to the term; 95% bootstrap intervals in the comments\n");
    b.append("performance:\n");
    b.append("  curves_by: months_on_book\n");
    b.append("  annual_default_rate: ").append(list(r.annualDefault())).append('\n');
    b.append("  # 95%: ").append(intervals(r.annualDefault())).append('\n');
    b.append("  annual_prepayment_rate: ").append(list(r.annualPrepayment())).append('\n');
    b.append("  recovery_rate: ").append(pct(r.recoveryRate().value())).append("  # 95% ")
        .append(pct(r.recoveryRate().low())).append(" - ").append(pct(r.recoveryRate().high()))
        .append('\n');
    b.append("  recovery_lag_months: ").append(r.recoveryLag()).append('\n');
    b.append("# under pool.model: the dispersion of lifetime default rates across vintages\n");
    b.append("model:\n");
    b.append("  asset_correlation: ").append(pct(r.vasicekRho().value()))
        .append("  # Vasicek maximum likelihood, 95% ").append(pct(r.vasicekRho().low()))
        .append(" - ").append(pct(r.vasicekRho().high())).append("; its pd ")
        .append(pct(r.vasicekPd().value())).append("; by moments ")
        .append(pct(r.vasicekRhoMoments().value())).append('\n');
    b.append("  # defaults: lognormal with default_cv: ")
        .append(String.format(Locale.ROOT, "%.4f", r.cv().value())).append(" (95% ")
        .append(String.format(Locale.ROOT, "%.4f - %.4f", r.cv().low(), r.cv().high()))
        .append("), mean lifetime default rate ").append(pct(r.meanLifetime().value()))
        .append('\n');
    return b.toString();
  }

  /**
   * The performance block on roll rates: the flow rates as a roll-rate matrix (what does not roll
   * on from 1-30, 31-60 and 61-90 cures; what is not charged off from 91+ stays), with the
   * prepayment curve and recoveries of the other block.
   */
  public static String rollRatesYaml(Calibration.Result r, String source) {
    Calibration.Estimate[] f = r.flows();
    String[] states = {"current", "dpd_1_30", "dpd_31_60", "dpd_61_90", "dpd_91_plus",
        "charged_off"};
    StringBuilder b = new StringBuilder();
    b.append("# calibrated by absmc calibrate from ").append(source).append(": ")
        .append(r.vintages().size()).append(" vintages' past-due buckets, flow rates pooled over"
            + " every vintage and month; 95% bootstrap intervals in the comments\n");
    b.append("performance:\n");
    b.append("  curves_by: months_on_book\n");
    b.append("  roll_rates:\n");
    for (int k = 0; k < f.length; k++) {
      String from = states[k];
      String to = states[k + 1];
      b.append("    ").append(from).append(": {").append(to).append(": ")
          .append(pct(f[k].value()));
      if (k >= 1 && k <= 3) {
        b.append(", current: ").append(pct(1 - f[k].value()));
      }
      b.append("}  # 95% ").append(pct(f[k].low())).append(" - ").append(pct(f[k].high()))
          .append('\n');
    }
    b.append("  annual_prepayment_rate: ").append(list(r.annualPrepayment())).append('\n');
    b.append("  recovery_rate: ").append(pct(r.recoveryRate().value())).append('\n');
    b.append("  recovery_lag_months: ").append(r.recoveryLag()).append('\n');
    return b.toString();
  }

  private static String list(Calibration.Estimate[] e) {
    List<String> s = new ArrayList<>();
    for (Calibration.Estimate x : e) {
      s.add(pct(x.value()));
    }
    return "[" + String.join(", ", s) + "]";
  }

  private static String intervals(Calibration.Estimate[] e) {
    List<String> s = new ArrayList<>();
    for (Calibration.Estimate x : e) {
      s.add(pct(x.low()) + "-" + pct(x.high()));
    }
    return String.join(", ", s);
  }

  private static String pct(double x) {
    return Double.isNaN(x) ? "0%" : String.format(Locale.ROOT, "%.4f%%", 100 * x);
  }
}
