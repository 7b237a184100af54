package io.absmc.report;

import static io.absmc.report.Page.num;
import static io.absmc.report.Page.text;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report of {@code absmc size} ({@code sizing.parquet}): the sizing curve, every tested size's
 * measure (EL, PD or critical default rate) against the target's threshold, and the answer.
 */
final class SizingReport {

  static final String FILE = "sizing.parquet";

  private SizingReport() {
  }

  static Page build(Path dir, Units units) {
    ResultTable s = ResultTable.read(dir.resolve(FILE));
    String tranche = s.meta("absmc.sizing_tranche", "the tranche");
    String method = s.meta("absmc.sizing_method", "el");
    String measure = switch (method) {
      case "pd" -> "pd";
      case "breakeven" -> "critical_default_rate";
      default -> "el";
    };
    Page page = new Page(s.meta("absmc.scenario", "absmc size") + ": sizing " + tranche + " to "
        + s.meta("absmc.sizing_target", "the target"), Report.subtitle(s, "Tranche sizing"), units);
    page.provenance(Report.provenance(s));

    double answer = Double.parseDouble(s.meta("absmc.sizing_answer", "NaN"));
    boolean resolved = Boolean.parseBoolean(s.meta("absmc.sizing_resolved", "true"));
    String target = s.meta("absmc.sizing_target", "the target");
    page.heading("Answer");
    page.note(s.meta("absmc.sizing", ""));
    if (!resolved) {
      double meets = Double.parseDouble(s.meta("absmc.sizing_meets_up_to", "NaN"));
      double fails = Double.parseDouble(s.meta("absmc.sizing_fails_from", "NaN"));
      page.answer("Not resolved with " + Report.paths(s) + " paths: " + tranche + " meets "
          + target + (Double.isNaN(meets) ? " at no size tried" : " up to "
              + Numbers.percent(meets, 1) + " of the plan") + " and fails it "
          + (Double.isNaN(fails) ? "at no size tried" : "from " + Numbers.percent(fails, 1))
          + "; the sizes between are too close to the threshold for these paths.");
    } else {
      page.answer(Double.isNaN(answer) ? "No tested size of " + tranche + " meets the target."
          : tranche + " can be " + Numbers.percent(answer, 2) + " of the plan and still meet "
              + target + " (decided at 95%).");
    }

    List<Integer> rows = new ArrayList<>();
    for (int r = 0; r < s.rows(); r++) {
      rows.add(r);
    }
    rows.sort(Comparator.comparingDouble(r -> s.number("share", r)));
    List<List<Double>> measured = new ArrayList<>();
    List<List<Double>> threshold = new ArrayList<>();
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    for (int r : rows) {
      double x = s.number("share", r);
      double y = s.number(measure, r);
      // a zero cannot sit on a log axis; it is left out of the line, not moved
      measured.add(java.util.Arrays.asList(x, y > 0 ? y : null));
      threshold.add(java.util.Arrays.asList(x, Report.nullable(s.number("threshold", r))));
      if (y > 0) {
        min = Math.min(min, y);
        max = Math.max(max, y);
      }
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("tranche", tranche);
    data.put("measure", switch (measure) {
      case "pd" -> "PD";
      case "critical_default_rate" -> "critical default rate";
      default -> "EL";
    });
    data.put("measured", measured);
    data.put("threshold", threshold);
    data.put("answer", Report.nullable(answer));
    data.put("log", !"critical_default_rate".equals(measure) && max > 20 * min);
    data.put("xMin", Math.floor(s.number("share", rows.get(0)) * 20) / 20);
    data.put("xMax", Math.ceil(s.number("share", rows.get(rows.size() - 1)) * 20) / 20);
    page.chart("chart-sizing", "sizing", "Sizing curve: " + data.get("measure") + " of " + tranche
        + " by its share of the plan", 440, data);

    page.heading("Sizes tested");
    boolean decisions = s.has("decision");
    Page.Table t = page.table("share", "EL", "EL s.e.", "PD", "WAL (years)", "critical default rate",
        "threshold", decisions ? "decision" : "meets target");
    for (int r : rows) {
      t.row(null, num("share", s.number("share", r), Numbers.percent(s.number("share", r), 2)),
          num("el", s.number("el", r), Numbers.bp(s.number("el", r), 3)),
          num("el_se", s.number("el_se", r), Numbers.bp(s.number("el_se", r), 3)),
          num("pd", s.number("pd", r), Numbers.percent(s.number("pd", r), 4)),
          num("wal_years", s.number("wal_years", r), Numbers.years(s.number("wal_years", r))),
          num("critical_default_rate", s.number("critical_default_rate", r),
              Numbers.percent(s.number("critical_default_rate", r), 3)),
          num("threshold", s.number("threshold", r), threshold(measure, s.number("threshold", r))),
          text(decisions ? s.string("decision", r)
              : s.number("meets_target", r) == 1 ? "yes" : "no"));
    }
    t.end();
    return page;
  }

  /** The threshold in its measure's unit: EL in bp, PD and default rates in %. */
  private static String threshold(String measure, double value) {
    return switch (measure) {
      case "el" -> Numbers.bp(value, 3);
      case "pd" -> Numbers.percent(value, 4);
      default -> Numbers.percent(value, 3);
    };
  }
}
