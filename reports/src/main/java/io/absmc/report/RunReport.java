package io.absmc.report;

import static io.absmc.report.Page.num;
import static io.absmc.report.Page.numCi;
import static io.absmc.report.Page.text;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * The report of one Monte Carlo run (a run's folder, or one scenario of a batch): the tranche
 * table, the pool's loss distribution and exceedance curves, balances with their 5-95% bands,
 * trigger breach timing. Reads {@code summary.parquet}, {@code loss_distribution.parquet},
 * {@code cashflows.parquet} and {@code triggers.parquet}; never {@code paths.parquet}.
 */
final class RunReport {

  static final String SUMMARY = "summary.parquet";
  static final String LOSS_DISTRIBUTION = "loss_distribution.parquet";
  static final String CASHFLOWS = "cashflows.parquet";
  static final String TRIGGERS = "triggers.parquet";
  static final String TAPE = "tape.parquet";

  private RunReport() {
  }

  static Page build(Path dir, Units units) {
    ResultTable summary = ResultTable.read(dir.resolve(SUMMARY));
    ResultTable loss = ResultTable.read(dir.resolve(LOSS_DISTRIBUTION));
    ResultTable cash = ResultTable.read(dir.resolve(CASHFLOWS));
    ResultTable triggers = ResultTable.read(dir.resolve(TRIGGERS));
    int pool = summary.rowsWhere("tranche", "pool").get(0);
    List<Integer> tranches = tranchesOf(summary);

    Page page = new Page(summary.meta("absmc.scenario", "absmc run") + ": Monte Carlo results",
        Report.subtitle(summary, "Monte Carlo run"), units);
    page.provenance(Report.provenance(summary));

    page.heading("Tranches");
    page.note("PD: share of paths with any shortfall of promised interest or principal after the"
        + " tranche's legal final date. EL: expected shortfall over the original balance, in basis"
        + " points; EL (PV) discounts each shortfall at the coupon. Below each estimate, its 95%"
        + " interval, never narrower than the paths allow (exact binomial bounds when few or no"
        + " paths lose). Ratings are model-indicated (idealized tables at the mean WAL). A rating is"
        + " resolved when the ratings at both ends of the interval agree; when they do not, it is"
        + " the range between them (Aaa..A1), and the letter at the estimate is no more than a"
        + " guess.");
    trancheTable(page, summary, tranches);

    page.heading("Pool");
    poolTable(page, summary, pool, cash, units);
    guaranteeTable(page, summary, tranches, pool, units);

    page.heading("Loss distribution");
    histogram(page, summary, loss, pool);
    exceedance(page, summary, loss, tranches);

    page.heading("Balances and collections");
    balances(page, cash, tranches.stream().map(r -> summary.string("tranche", r)).toList());

    if (cash.has("past_due_1_30_mean")) {
      page.heading("Delinquency");
      pastDue(page, cash);
    }

    page.heading("Triggers");
    triggerSection(page, triggers);

    if (java.nio.file.Files.isRegularFile(dir.resolve(TAPE))) {
      page.heading("Loan tape");
      tapeSection(page, ResultTable.read(dir.resolve(TAPE)), units);
    }
    return page;
  }

  /**
   * The loan tape's stratification: a bar chart of the balance by age band, and a table per
   * dimension with balance-weighted averages.
   */
  private static void tapeSection(Page page, ResultTable tape, Units units) {
    page.note("The pool as the loan tape gives it at the cut-off date: loans and balance by each"
        + " dimension, with balance-weighted interest rate, age and remaining term (and base"
        + " default rate, where the tape gives one per loan).");
    List<Integer> ages = tape.rowsWhere("dimension", "age");
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("categories", ages.stream().map(r -> tape.string("bucket", r)).toList());
    data.put("values", ages.stream().map(r -> tape.number("balance", r) / units.divisor()).toList());
    data.put("yName", "balance (" + units.label() + ")");
    page.chart("chart-tape-age", "bar", "Balance by age at the cut-off date", 260, data);
    boolean defaults = tape.has("wa_default_rate") && tape.rows() > 0
        && !Double.isNaN(tape.number("wa_default_rate", 0));
    for (String dimension : tape.distinct("dimension")) {
      page.note("By " + dimension.replace('_', ' '));
      List<String> headings = new ArrayList<>(List.of(dimension, "loans",
          "balance (" + units.label() + ")", "share", "WA rate", "WA age (days)",
          "WA remaining (days)"));
      if (defaults) {
        headings.add("WA default rate");
      }
      Page.Table t = page.table(headings.toArray(new String[0]));
      for (int r : tape.rowsWhere("dimension", dimension)) {
        List<String> cells = new ArrayList<>(List.of(text(tape.string("bucket", r)),
            num("loans", tape.number("loans", r), Numbers.count((long) tape.number("loans", r))),
            num("balance", tape.number("balance", r), units.money(tape.number("balance", r))),
            num("share", tape.number("share", r), Numbers.percent(tape.number("share", r), 2)),
            num("wa_rate", tape.number("wa_rate", r), Numbers.percent(tape.number("wa_rate", r), 2)),
            num("wa_age_days", tape.number("wa_age_days", r),
                Numbers.fixed(tape.number("wa_age_days", r), 1)),
            num("wa_remaining_days", tape.number("wa_remaining_days", r),
                Numbers.fixed(tape.number("wa_remaining_days", r), 1))));
        if (defaults) {
          cells.add(num("wa_default_rate", tape.number("wa_default_rate", r),
              Numbers.percent(tape.number("wa_default_rate", r), 2)));
        }
        t.row(null, cells.toArray(new String[0]));
      }
      t.end();
    }
  }

  private static List<Integer> tranchesOf(ResultTable summary) {
    List<Integer> rows = new ArrayList<>();
    for (int r = 0; r < summary.rows(); r++) {
      if (!"pool".equals(summary.string("tranche", r))) {
        rows.add(r);
      }
    }
    return rows;
  }

  private static void trancheTable(Page page, ResultTable s, List<Integer> rows) {
    Page.Table t = page.table("tranche", "PD", "EL", "EL (PV)", "LGD", "WAL (years)", "IRR (mean)",
        "loss q99.9", "ES 99%", "rating (EL)", "rating (PD)");
    for (int r : rows) {
      t.row(null, text(s.string("tranche", r)), withInterval(s, r, "pd", 3),
          withInterval(s, r, "el", 2), withInterval(s, r, "el_pv", 2),
          num("lgd", s.number("lgd", r), Numbers.percent(s.number("lgd", r), 1)),
          num("wal_years", s.number("wal_years", r), Numbers.years(s.number("wal_years", r))),
          num("irr_mean", s.number("irr_mean", r), Numbers.percent(s.number("irr_mean", r), 2)),
          num("loss_q999", s.number("loss_q999", r), Numbers.percent(s.number("loss_q999", r), 2)),
          num("es_99", s.number("es_99", r), Numbers.percent(s.number("es_99", r), 2)),
          rating(s, r, "implied_rating_el"), rating(s, r, "implied_rating_pd"));
    }
    t.end();
  }

  /**
   * An estimate with its 95% interval ({@code <column>_ci_low}, {@code <column>_ci_high}) below
   * it: PD in %, EL in bp.
   */
  private static String withInterval(ResultTable s, int r, String column, int decimals) {
    return withInterval(s, r, column, column.equals("pd")
        ? v -> Numbers.percent(v, decimals) : v -> Numbers.bp(v, decimals));
  }

  private static String withInterval(ResultTable s, int r, String column,
      DoubleFunction<String> shown) {
    String low = column + "_ci_low";
    String high = column + "_ci_high";
    return numCi(column, s.number(column, r), shown.apply(s.number(column, r)), low,
        s.number(low, r), shown.apply(s.number(low, r)), high, s.number(high, r),
        shown.apply(s.number(high, r)));
  }

  /**
   * A rating as it should be read: when the ratings at its interval's ends agree, the rating with
   * "resolved" and the ends below it; when they differ, the range between them, with the rating at
   * the estimate below it and "not resolved". Files without {@code <column>_resolved} (older
   * absmc) show the rating with its ends below.
   */
  static String rating(ResultTable s, int r, String column) {
    String mid = span(column, s.string(column, r));
    String low = span(column + "_low", s.string(column + "_low", r));
    String high = span(column + "_high", s.string(column + "_high", r));
    if (!s.has(column + "_resolved")) {
      return "<td>" + mid + "<span class=\"ci\">" + low + " to " + high + "</span></td>";
    }
    if (s.number(column + "_resolved", r) == 1) {
      return "<td>" + mid + "<span class=\"ci\">resolved (" + low + " to " + high
          + ")</span></td>";
    }
    return "<td>" + low + ".." + high + "<span class=\"ci\">not resolved (estimate " + mid
        + ")</span></td>";
  }

  private static String span(String column, String value) {
    return "<span data-col=\"" + column + "\">" + Page.escape(value == null ? "-" : value)
        + "</span>";
  }

  private static void poolTable(Page page, ResultTable s, int r, ResultTable cash, Units units) {
    Page.Table t = page.table("pool", "mean", "s.d.", "median", "99%", "99.9%", "ES 99%");
    t.row(null, text("cumulative default rate"),
        pct(s, r, "default_rate_mean"), pct(s, r, "default_rate_sd"), pct(s, r, "default_rate_q50"),
        pct(s, r, "default_rate_q99"), pct(s, r, "default_rate_q999"),
        pct(s, r, "default_rate_es_99"));
    t.row(null, text("cumulative loss rate"), pct(s, r, "el"), pct(s, r, "loss_sd"),
        pct(s, r, "loss_q50"), pct(s, r, "loss_q99"), pct(s, r, "loss_q999"), pct(s, r, "es_99"));
    t.end();
    page.table("pool", "value")
        .row(null, text("mean cumulative prepayment rate"), pct(s, r, "prepayment_rate_mean"))
        .row(null, text("share of paths whose revolving period ended early"),
            pct(s, r, "revolving_ended_early"))
        .row(null, text("mean total collections (" + units.label() + ")"),
            num("collections_mean_total", total(cash, "collections_mean"),
                units.money(total(cash, "collections_mean"))))
        .row(null, text("mean total defaults (" + units.label() + ")"),
            num("defaults_mean_total", total(cash, "defaults_mean"),
                units.money(total(cash, "defaults_mean"))))
        .end();
    page.note("Rates over the initial pool plus all purchases. The 99% and 99.9% quantiles are the"
        + " inverse of the empirical distribution; ES 99% is the mean of the worst 1% of paths.");
  }

  /** The sum over the periods of a pool column of cashflows.parquet. */
  private static double total(ResultTable cash, String column) {
    double sum = 0;
    for (int r : cash.rowsWhere("series", "pool")) {
      sum += cash.number(column, r);
    }
    return sum;
  }

  private static String pct(ResultTable s, int r, String column) {
    return num(column, s.number(column, r), Numbers.percent(s.number(column, r), 3));
  }

  private static void guaranteeTable(Page page, ResultTable s, List<Integer> tranches, int pool,
      Units units) {
    if (!(s.number("guarantee_probability", pool) > 0)) {
      return;
    }
    Page.Table t = page.table("guarantor pays", "share of paths",
        "mean payment (" + units.label() + ")", "99% quantile (" + units.label() + ")");
    List<Integer> rows = new ArrayList<>(tranches);
    rows.add(pool);
    for (int r : rows) {
      t.row(r == pool ? "pool" : null, text(r == pool ? "any tranche" : s.string("tranche", r)),
          num("guarantee_probability", s.number("guarantee_probability", r),
              Numbers.percent(s.number("guarantee_probability", r), 3)),
          num("guarantee_mean", s.number("guarantee_mean", r),
              units.money(s.number("guarantee_mean", r))),
          num("guarantee_q99", s.number("guarantee_q99", r),
              units.money(s.number("guarantee_q99", r))));
    }
    t.end();
  }

  private static void histogram(Page page, ResultTable summary, ResultTable loss, int pool) {
    List<double[]> bins = new ArrayList<>();
    for (int r : loss.rowsWhere("series", "pool")) {
      bins.add(new double[] {loss.number("bin_lower", r), loss.number("bin_upper", r),
          loss.number("probability", r)});
    }
    List<Map<String, Object>> marks = new ArrayList<>();
    mark(marks, "mean", summary.number("el", pool));
    mark(marks, "99% quantile", summary.number("loss_q99", pool));
    mark(marks, "99.9% quantile", summary.number("loss_q999", pool));
    mark(marks, "ES 99%", summary.number("es_99", pool));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("xName", "cumulative pool loss rate");
    data.put("bins", bins);
    data.put("marks", marks);
    page.chart("chart-loss-histogram", "histogram", "Pool loss rate: share of paths by bin", 400,
        data);
  }

  private static void mark(List<Map<String, Object>> marks, String name, double value) {
    if (!Double.isNaN(value)) {
      marks.add(Map.of("name", name, "value", value));
    }
  }

  private static void exceedance(Page page, ResultTable summary, ResultTable loss,
      List<Integer> tranches) {
    double floor = 1.0 / Math.max(1, Long.parseLong(summary.meta("absmc.paths", "1")));
    List<Map<String, Object>> byTranche = new ArrayList<>();
    for (int r : tranches) {
      String name = summary.string("tranche", r);
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("name", name);
      s.put("points", positivePoints(loss, name));
      byTranche.add(s);
    }
    double yMin = Math.pow(10, Math.floor(Math.log10(Math.min(floor, smallest(byTranche)))));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("xName", "loss as a share of the tranche's original balance");
    data.put("xMax", 1.0);
    data.put("yMin", yMin);
    data.put("series", byTranche);
    page.chart("chart-exceedance-tranches", "exceedance",
        "Tranche loss exceedance: P(loss above x), log scale", 420, data);

    // where each tranche starts to lose, read off the pool's exceedance curve at the tranche's PD
    List<double[]> pool = positivePoints(loss, "pool");
    Map<String, Object> poolSeries = new LinkedHashMap<>();
    poolSeries.put("name", "pool");
    poolSeries.put("points", pool);
    List<Map<String, Object>> series = new ArrayList<>(List.of(poolSeries));
    StringBuilder attachments = new StringBuilder();
    for (int r : tranches) {
      String name = summary.string("tranche", r);
      double pd = summary.number("pd", r);
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("name", name + " starts to lose");
      s.put("points", List.of());
      double at = attachment(loss, pd);
      if (!Double.isNaN(at)) {
        s.put("attachment", at);
        s.put("label", name + " " + Numbers.percent(at, 2));
        attachments.append(attachments.length() == 0 ? "" : "; ").append(name).append(" at about ")
            .append(Numbers.percent(at, 2));
      } else {
        attachments.append(attachments.length() == 0 ? "" : "; ").append(name)
            .append(" lost on no path");
      }
      series.add(s);
    }
    double poolMax = loss.rowsWhere("series", "pool").stream()
        .mapToDouble(r -> loss.number("bin_upper", r)).max().orElse(1);
    Map<String, Object> poolData = new LinkedHashMap<>();
    poolData.put("xName", "cumulative pool loss rate");
    poolData.put("xMax", poolMax);
    poolData.put("yMin", Math.pow(10, Math.floor(Math.log10(Math.min(floor, smallest(series))))));
    poolData.put("series", series);
    page.chart("chart-exceedance-pool", "exceedance",
        "Pool loss exceedance and where each tranche starts to lose", 420, poolData);
    page.note("Each tranche's dashed line is the pool loss rate exceeded with the tranche's PD, the"
        + " pool loss at which it starts to lose if its loss rises with the pool's (timing can"
        + " blur this): " + attachments + ".");
  }

  private static List<double[]> positivePoints(ResultTable loss, String series) {
    List<double[]> points = new ArrayList<>();
    for (int r : loss.rowsWhere("series", series)) {
      double p = loss.number("exceedance_probability", r);
      if (p > 0) {
        points.add(new double[] {loss.number("bin_lower", r), p});
      }
    }
    return points;
  }

  @SuppressWarnings("unchecked")
  private static double smallest(List<Map<String, Object>> series) {
    double min = 1;
    for (Map<String, Object> s : series) {
      for (double[] p : (List<double[]>) s.get("points")) {
        min = Math.min(min, p[1]);
      }
    }
    return min;
  }

  /**
   * The pool loss rate x with P(pool loss > x) = pd, by linear interpolation of the pool's
   * exceedance at the bins' lower edges; NaN when pd is zero or not a number.
   */
  static double attachment(ResultTable loss, double pd) {
    if (!(pd > 0)) {
      return Double.NaN;
    }
    List<Integer> rows = loss.rowsWhere("series", "pool");
    double prevX = 0;
    double prevP = 1;
    for (int r : rows) {
      double x = loss.number("bin_lower", r);
      double p = loss.number("exceedance_probability", r);
      if (p <= pd) {
        return p == prevP ? x : prevX + (x - prevX) * (prevP - pd) / (prevP - p);
      }
      prevX = x;
      prevP = p;
    }
    return loss.number("bin_upper", rows.get(rows.size() - 1));
  }

  private static void balances(Page page, ResultTable cash, List<String> tranches) {
    List<String> dates = new ArrayList<>();
    for (int r : cash.rowsWhere("series", "pool")) {
      dates.add(cash.string("payment_date", r));
    }
    List<Map<String, Object>> series = new ArrayList<>();
    for (String t : tranches) {
      series.add(bandSeries(cash, t));
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("dates", dates);
    data.put("series", series);
    page.chart("chart-balances", "balances",
        "Tranche balances after each payment date: mean and 5-95% band", 420, data);

    Map<String, Object> pool = new LinkedHashMap<>();
    pool.put("dates", dates);
    pool.put("series", List.of(bandSeries(cash, "pool")));
    pool.put("flows", List.of(
        Map.of("name", "collections", "values", column(cash, "pool", "collections_mean")),
        Map.of("name", "defaults", "values", column(cash, "pool", "defaults_mean"))));
    page.chart("chart-pool", "balances",
        "Pool balance (mean, 5-95% band), mean collections and defaults per period", 420, pool);
    page.note("Balances and flows are means over the paths; the bands come from histograms of 2,000"
        + " bins (cashflows.parquet).");
  }

  /**
   * The pool's past-due principal at each period's end: the mean share by bucket, stacked, and
   * the 95th percentile of the 30+ share.
   */
  private static void pastDue(Page page, ResultTable cash) {
    List<String> dates = new ArrayList<>();
    for (int r : cash.rowsWhere("series", "pool")) {
      dates.add(cash.string("payment_date", r));
    }
    List<Map<String, Object>> buckets = new ArrayList<>();
    for (String[] b : new String[][] {{"1-30", "1_30"}, {"31-60", "31_60"}, {"61-90", "61_90"},
        {"91+", "91_plus"}}) {
      buckets.add(Map.of("name", b[0],
          "values", column(cash, "pool", "past_due_" + b[1] + "_mean")));
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("dates", dates);
    data.put("buckets", buckets);
    data.put("q95", column(cash, "pool", "delinquency_30_q95"));
    page.chart("chart-past-due", "pastdue",
        "Principal past due at each period's end: mean by bucket of days past due, and the 95th"
        + " percentile of the 30+ share of the pool (right axis)", 380, data);
    page.note("For segments on roll rates, the principal owed by loans in each payment state; for"
        + " segments with a default rate, defaulted principal from its default until its"
        + " charge-off days. The share is over the pool left, so it rises as the pool runs off"
        + " with past-due loans in it. The percentile comes from a histogram of 2,000 bins"
        + " (cashflows.parquet).");
  }

  private static Map<String, Object> bandSeries(ResultTable cash, String series) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("name", series);
    s.put("mean", column(cash, series, "balance_mean"));
    s.put("q05", column(cash, series, "balance_q05"));
    s.put("q95", column(cash, series, "balance_q95"));
    return s;
  }

  private static List<Double> column(ResultTable t, String series, String column) {
    List<Double> values = new ArrayList<>();
    for (int r : t.rowsWhere("series", series)) {
      values.add(Report.nullable(t.number(column, r)));
    }
    return values;
  }

  private static void triggerSection(Page page, ResultTable triggers) {
    List<String> names = triggers.distinct("trigger");
    if (names.isEmpty()) {
      page.note("The deal has no early-warning triggers.");
      return;
    }
    Page.Table t = page.table("trigger", "watches", "effect", "P(breach)",
        "mean time to first breach (years)");
    List<Map<String, Object>> series = new ArrayList<>();
    List<String> dates = new ArrayList<>();
    for (String name : names) {
      List<Integer> rows = triggers.rowsWhere("trigger", name);
      int first = rows.get(0);
      t.row(null, text(name), text(triggers.string("metric", first)),
          text(triggers.string("effect", first)),
          triggers.has("breach_probability_ci_low")
              ? withInterval(triggers, first, "breach_probability", v -> Numbers.percent(v, 3))
              : num("breach_probability", triggers.number("breach_probability", first),
                  Numbers.percent(triggers.number("breach_probability", first), 3)),
          num("mean_years_to_breach", triggers.number("mean_years_to_breach", first),
              Numbers.years(triggers.number("mean_years_to_breach", first))));
      if (dates.isEmpty()) {
        rows.forEach(r -> dates.add(triggers.string("payment_date", r)));
      }
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("name", name);
      s.put("probability", Report.nullable(triggers.number("breach_probability", first)));
      s.put("values", rows.stream()
          .map(r -> Report.nullable(triggers.number("first_breach_probability", r))).toList());
      series.add(s);
    }
    t.end();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("dates", dates);
    data.put("series", series);
    page.chart("chart-triggers", "triggers", "When triggers are first breached", 360, data);
  }
}
