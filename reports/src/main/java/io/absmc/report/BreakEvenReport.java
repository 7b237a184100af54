package io.absmc.report;

import static io.absmc.report.Page.num;
import static io.absmc.report.Page.text;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report of {@code absmc breakeven}: each tranche's critical default rate by stress scenario,
 * and its minimum against the target default rates of each rating ({@code breakeven.parquet},
 * {@code targets.parquet}).
 */
final class BreakEvenReport {

  static final String FILE = "breakeven.parquet";
  static final String TARGETS = "targets.parquet";

  private BreakEvenReport() {
  }

  static Page build(Path dir, Units units) {
    ResultTable b = ResultTable.read(dir.resolve(FILE));
    ResultTable targets = ResultTable.read(dir.resolve(TARGETS));
    List<String> tranches = b.distinct("tranche");
    Page page = new Page(b.meta("absmc.scenario", "absmc breakeven") + ": break-even default rates",
        "Break-even default rates | lognormal fit on " + b.meta("absmc.paths", "-") + " paths | seed "
            + b.meta("absmc.seed", "-") + " | absmc " + b.meta("absmc.version", "-"), units);
    page.provenance(Report.provenance(b));

    page.heading("Ratings supported");
    page.note("A tranche's critical default rate is the largest cumulative pool default rate at which"
        + " it is still paid in full on the expected-value path. Its rating is the best whose target"
        + " default rate is at or below its lowest critical rate over the scenarios.");
    Page.Table summary = page.table("tranche", "lowest critical default rate",
        "critical / base default rate",
        "rating (stress multipliers)", "rating (lognormal)");
    List<Map<String, Object>> lines = new ArrayList<>();
    for (String t : tranches) {
      int r = b.rowsWhere("tranche", t).get(0);
      double min = b.number("min_critical_default_rate", r);
      double base = b.number("base_default_rate", r);
      summary.row(null, text(t), num("min_critical_default_rate", min, Numbers.percent(min, 3)),
          num("multiple_of_base", min / base, Numbers.fixed(min / base, 2)),
          text(b.string("rating_stress_multiplier", r)), text(b.string("rating_lognormal", r)));
      lines.add(Map.of("name", t, "rate", min));
    }
    summary.end();

    List<String> ratings = targets.distinct("rating");
    List<Map<String, Object>> methods = new ArrayList<>();
    for (String method : targets.distinct("method")) {
      List<Double> values = new ArrayList<>();
      for (String rating : ratings) {
        Double v = null;
        for (int r : targets.rowsWhere("method", method)) {
          if (rating.equals(targets.string("rating", r))) {
            v = Report.nullable(targets.number("target_default_rate", r));
          }
        }
        values.add(v);
      }
      methods.add(Map.of("name", method, "targets", values));
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("ratings", ratings);
    data.put("methods", methods);
    data.put("tranches", lines);
    page.chart("chart-breakeven", "breakeven",
        "Critical default rates against the target default rate of each rating", 440, data);
    page.note("Base-case cumulative default rate (expected-value path): "
        + Numbers.percent(b.number("base_default_rate", 0), 3) + ". A tranche earns the best rating"
        + " whose target line is below its dashed line.");

    page.heading("By scenario");
    boolean annual = b.has("critical_multiplier_annual");
    page.note("The critical multiple scales every loan's lifetime default rate along its timing"
        + " curve, as rating agencies do." + (annual ? " For comparison, the multiplier of the"
        + " annual default rates, each capped at 100% (where it lifts a rate to the cap, every"
        + " such loan defaults at once), and the default rate there." : ""));
    List<String> headings = new ArrayList<>(List.of("tranche", "scenario", "stress",
        "critical lifetime multiple", "critical default rate"));
    if (annual) {
      headings.addAll(List.of("annual-rate multiplier", "its default rate"));
    }
    headings.add("paid in full at every multiple tried");
    Page.Table detail = page.table(headings.toArray(new String[0]));
    for (int r = 0; r < b.rows(); r++) {
      List<String> cells = new ArrayList<>(List.of(text(b.string("tranche", r)),
          text(b.string("scenario", r)), text(b.string("stress", r)),
          num("critical_multiplier", b.number("critical_multiplier", r),
              Numbers.fixed(b.number("critical_multiplier", r), 4)),
          num("critical_default_rate", b.number("critical_default_rate", r),
              Numbers.percent(b.number("critical_default_rate", r), 3))));
      if (annual) {
        double m = b.number("critical_multiplier_annual", r);
        double d = b.number("critical_default_rate_annual", r);
        cells.add(num("critical_multiplier_annual", m, Double.isNaN(m) ? "-" : Numbers.fixed(m, 4)));
        cells.add(num("critical_default_rate_annual", d,
            Double.isNaN(d) ? "-" : Numbers.percent(d, 3)));
      }
      cells.add(text(b.number("never_loses", r) == 1 ? "yes" : "no"));
      detail.row(null, cells.toArray(new String[0]));
    }
    detail.end();
    return page;
  }
}
