package io.absmc.report;

import static io.absmc.report.Page.num;
import static io.absmc.report.Page.text;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The report of {@code absmc calibrate}: the vintages' cumulative default curves with the fitted
 * ones, the fit's residuals, the curves by month on book with their intervals, and the
 * distribution of lifetime default rates with the fitted lognormal and Vasicek densities
 * ({@code calibration.parquet}, {@code vintages.parquet}, {@code vintage_curves.parquet}).
 */
final class CalibrationReport {

  static final String FILE = "calibration.parquet";
  static final String VINTAGES = "vintages.parquet";
  static final String CURVES = "vintage_curves.parquet";
  private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);

  private CalibrationReport() {
  }

  static Page build(Path dir, Units units) {
    ResultTable est = ResultTable.read(dir.resolve(FILE));
    ResultTable vintages = ResultTable.read(dir.resolve(VINTAGES));
    ResultTable curves = ResultTable.read(dir.resolve(CURVES));
    Page page = new Page("Calibration of " + est.meta("absmc.calibration_source", "a vintage table"),
        "absmc calibrate | " + vintages.rows() + " vintages | bootstrap seed "
            + est.meta("absmc.bootstrap_seed", "-") + " | absmc " + est.meta("absmc.version", "-"),
        units);
    Map<String, String> provenance = new LinkedHashMap<>();
    provenance.put("vintage table", est.meta("absmc.calibration_source", "-"));
    provenance.put("bootstrap", "400 resamples of the vintages, seed "
        + est.meta("absmc.bootstrap_seed", "-"));
    provenance.put("absmc", est.meta("absmc.version", "-"));
    page.provenance(provenance);

    page.heading("Vintage curves");
    page.note("Each vintage's cumulative default rate by month on book as observed (thin lines),"
        + " and the fit: the vintages' mean lifetime default rate times the timing curve (the"
        + " chain ladder's share of lifetime defaults by month; thick line), and the logistic timing"
        + " curve fitted to it by least squares (dashed).");
    List<Map<String, Object>> series = new ArrayList<>();
    List<Map<String, Object>> residuals = new ArrayList<>();
    for (String v : curves.distinct("vintage")) {
      List<List<Double>> points = new ArrayList<>();
      for (int r : curves.rowsWhere("vintage", v)) {
        double observed = curves.number("cumulative_default_rate", r);
        double fitted = curves.number("fitted_default_rate", r);
        double m = curves.number("month_on_book", r);
        if (!Double.isNaN(observed)) {
          points.add(List.of(m, observed));
          if (!Double.isNaN(fitted)) {
            residuals.add(Map.of("x", m, "y", observed - fitted, "name", v));
          }
        }
      }
      series.add(Map.of("name", v, "points", points));
    }
    double mean = value(est, "lifetime_default_rate_mean", 0);
    List<List<Double>> fit = new ArrayList<>();
    for (int r : est.rowsWhere("parameter", "timing")) {
      fit.add(List.of(est.number("month_on_book", r), mean * est.number("value", r)));
    }
    List<List<Double>> logistic = new ArrayList<>();
    if (est.rowsWhere("parameter", "timing_centre_months").size() == 1) {
      double c = value(est, "timing_centre_months", 0);
      double w = value(est, "timing_width_months", 0);
      int term = fit.size();
      for (int k = 0; k <= 10 * term; k++) {
        double m = k / 10.0;
        double g0 = 1 / (1 + Math.exp(c / w));
        double g = 1 / (1 + Math.exp(-(m - c) / w));
        double gt = 1 / (1 + Math.exp(-(term - c) / w));
        logistic.add(List.of(m, mean * (g - g0) / (gt - g0)));
      }
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("series", series);
    data.put("fit", fit);
    data.put("logistic", logistic);
    page.chart("chart-vintages", "vintages", "Cumulative default rate by month on book", 420,
        data);
    page.note("Residuals: each developed vintage's observed cumulative default rate less its"
        + " lifetime rate times the timing curve; a pattern by month would mean the vintages'"
        + " timing differs from the pooled one.");
    page.chart("chart-residuals", "residuals", "Observed less fitted cumulative default rate", 300,
        Map.of("points", residuals));

    page.heading("Curves by month on book");
    page.note("Pooled over the vintages observed in each month; 95% intervals from a bootstrap"
        + " over the vintages.");
    Page.Table t = page.table("month on book", "annual default rate", "95% interval",
        "annual prepayment rate", "timing");
    List<Integer> def = est.rowsWhere("parameter", "annual_default_rate");
    List<Integer> pre = est.rowsWhere("parameter", "annual_prepayment_rate");
    List<Integer> tim = est.rowsWhere("parameter", "timing");
    for (int i = 0; i < def.size(); i++) {
      int r = def.get(i);
      t.row(null, text(Long.toString((long) est.number("month_on_book", r))),
          num("value", est.number("value", r), Numbers.percent(est.number("value", r), 3)),
          text(Numbers.percent(est.number("ci_low", r), 3) + " - "
              + Numbers.percent(est.number("ci_high", r), 3)),
          num("value", est.number("value", pre.get(i)),
              Numbers.percent(est.number("value", pre.get(i)), 3)),
          num("value", est.number("value", tim.get(i)),
              Numbers.percent(est.number("value", tim.get(i)), 2)));
    }
    t.end();

    page.heading("Lifetime default rates");
    page.note("The developed vintages' lifetime default rates, with the lognormal of their mean and"
        + " coefficient of variation and the Vasicek distribution fitted by maximum likelihood.");
    Page.Table s = page.table("estimate", "value", "s.e.", "95% interval");
    for (String p : List.of("recovery_rate", "lifetime_default_rate_mean",
        "lifetime_default_rate_cv", "vasicek_pd", "vasicek_rho", "vasicek_rho_moments")) {
      if (est.rowsWhere("parameter", p).isEmpty()) {
        continue;
      }
      int r = est.rowsWhere("parameter", p).get(0);
      boolean ratio = p.endsWith("_cv");
      s.row(null, text(p.replace('_', ' ')), num("value", est.number("value", r),
          shown(est.number("value", r), ratio)), text(shown(est.number("se", r), ratio)),
          text(shown(est.number("ci_low", r), ratio) + " - " + shown(est.number("ci_high", r), ratio)));
    }
    s.end();
    List<Double> rates = new ArrayList<>();
    for (int r = 0; r < vintages.rows(); r++) {
      double x = vintages.number("lifetime_default_rate", r);
      if (!Double.isNaN(x)) {
        rates.add(x);
      }
    }
    page.chart("chart-lifetimes", "lifetimes", "Lifetime default rates of the vintages", 320,
        lifetimes(rates, mean, value(est, "lifetime_default_rate_cv", 0),
            value(est, "vasicek_pd", 0), value(est, "vasicek_rho", 0)));
    List<Integer> flows = new ArrayList<>();
    for (int r = 0; r < est.rows(); r++) {
      if (est.string("parameter", r).startsWith("roll_")) {
        flows.add(r);
      }
    }
    if (!flows.isEmpty()) {
      page.heading("Roll rates");
      page.note("Flow rates from the past-due buckets, pooled over every vintage and month by"
          + " balance: the share of each state that moves on at the next due date. What does not"
          + " roll on from 1-30, 31-60 and 61-90 days cures; what is not charged off from 91+"
          + " stays (performance-roll-rates.yaml).");
      Page.Table f = page.table("from", "to", "rate", "s.e.", "95% interval");
      for (int r : flows) {
        String[] fromTo = est.string("parameter", r).substring(5).split("_to_");
        f.row(null, text(fromTo[0]), text(fromTo[1]), num("value", est.number("value", r),
            shown(est.number("value", r), false)), text(shown(est.number("se", r), false)),
            text(shown(est.number("ci_low", r), false) + " - "
                + shown(est.number("ci_high", r), false)));
      }
      f.end();
    }
    return page;
  }

  private static String shown(double v, boolean ratio) {
    return ratio ? Numbers.fixed(v, 4) : Numbers.percent(v, 3);
  }

  private static double value(ResultTable est, String parameter, int row) {
    return est.number("value", est.rowsWhere("parameter", parameter).get(row));
  }

  /** A histogram of the rates (20 bins) and the two fitted densities, scaled to counts. */
  static Map<String, Object> lifetimes(List<Double> rates, double mean, double cv, double pd,
      double rho) {
    double max = rates.stream().mapToDouble(Double::doubleValue).max().orElse(0) * 1.1;
    int bins = 20;
    double width = max > 0 ? max / bins : 1;
    int[] counts = new int[bins];
    for (double x : rates) {
      counts[Math.min(bins - 1, (int) (x / width))]++;
    }
    List<List<Double>> bars = new ArrayList<>();
    List<List<Double>> lognormal = new ArrayList<>();
    List<List<Double>> vasicek = new ArrayList<>();
    double sigma = Math.sqrt(Math.log1p(cv * cv));
    double mu = Math.log(mean) - sigma * sigma / 2;
    double scale = rates.size() * width;
    for (int b = 0; b < bins; b++) {
      bars.add(List.of((b + 0.5) * width, (double) counts[b]));
    }
    for (int k = 1; k < 200; k++) {
      double x = max * k / 200;
      double z = (Math.log(x) - mu) / sigma;
      lognormal.add(List.of(x, scale * Math.exp(-z * z / 2) / (x * sigma * Math.sqrt(2 * Math.PI))));
      double q = NORMAL.inverseCumulativeProbability(x);
      double c = NORMAL.inverseCumulativeProbability(pd);
      double d = Math.sqrt((1 - rho) / rho)
          * Math.exp(0.5 * q * q - Math.pow(Math.sqrt(1 - rho) * q - c, 2) / (2 * rho));
      vasicek.add(List.of(x, scale * d));
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("bars", bars);
    data.put("width", width);
    data.put("lognormal", lognormal);
    data.put("vasicek", vasicek);
    return data;
  }
}
