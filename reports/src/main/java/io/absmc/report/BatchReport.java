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
 * The report of a stress batch ({@code batch_summary.parquet}): every scenario's tranche ELs and
 * ratings, a heat map of scenario x tranche EL, and a tornado chart per tranche of each stress's
 * change of EL from the base case.
 */
final class BatchReport {

  static final String FILE = "batch_summary.parquet";

  /** How the engine describes a scenario that changes nothing. */
  private static final String BASE_CASE = "base case";

  private BatchReport() {
  }

  static Page build(Path dir, Units units) {
    ResultTable s = ResultTable.read(dir.resolve(FILE));
    List<String> scenarios = s.distinct("scenario");
    List<String> tranches = new ArrayList<>(s.distinct("tranche"));
    tranches.remove("pool");

    Page page = new Page(s.meta("absmc.scenario", "absmc batch") + ": stress batch of "
        + scenarios.size() + " scenarios", Report.subtitle(s, "Stress batch"), units);
    page.provenance(Report.provenance(s));
    page.note("Every scenario ran the same paths (common random numbers), so differences between"
        + " scenarios are the stresses', not noise. 'absmc report BATCHFOLDER/scenario=NAME' gives"
        + " any one scenario's full report.");

    page.heading("Expected loss by scenario");
    List<String> headings = new ArrayList<>(List.of("scenario", "stress"));
    for (String t : tranches) {
      headings.add(t + " EL");
      headings.add(t + " rating (EL)");
    }
    headings.add("pool loss rate");
    Page.Table table = page.table(headings.toArray(new String[0]));
    double[][] el = new double[scenarios.size()][tranches.size()];
    String[] stress = new String[scenarios.size()];
    for (int i = 0; i < scenarios.size(); i++) {
      List<String> cells = new ArrayList<>();
      cells.add(text(scenarios.get(i)));
      int pool = -1;
      for (int r : s.rowsWhere("scenario", scenarios.get(i))) {
        stress[i] = s.string("stress", r);
        String tranche = s.string("tranche", r);
        if ("pool".equals(tranche)) {
          pool = r;
          continue;
        }
        int t = tranches.indexOf(tranche);
        el[i][t] = s.number("el", r);
        cells.add(num("el", el[i][t], Numbers.bp(el[i][t], 2)));
        cells.add(RunReport.rating(s, r, "implied_rating_el"));
      }
      cells.add(1, text(stress[i]));
      cells.add(num("el", s.number("el", pool), Numbers.percent(s.number("el", pool), 3)));
      table.row(null, cells.toArray(new String[0]));
    }
    table.end();

    List<List<Object>> cells = new ArrayList<>();
    for (int i = 0; i < scenarios.size(); i++) {
      for (int t = 0; t < tranches.size(); t++) {
        cells.add(List.of(t, i, el[i][t]));
      }
    }
    Map<String, Object> heat = new LinkedHashMap<>();
    heat.put("scenarios", scenarios);
    heat.put("tranches", tranches);
    heat.put("cells", cells);
    page.chart("chart-heatmap", "heatmap", "Tranche EL by scenario (colour on a log scale)",
        Math.max(320, 26 * scenarios.size() + 110), heat);

    int base = baseIndex(stress);
    page.heading("Effect of each stress");
    page.note(base >= 0 && BASE_CASE.equals(stress[base])
        ? "Change of each tranche's EL from the base case (scenario '" + scenarios.get(base)
            + "'), largest first."
        : "The batch has no base-case scenario: changes are against its first scenario, '"
            + scenarios.get(0) + "'.");
    for (int t = 0; t < tranches.size(); t++) {
      tornado(page, t, tranches.get(t), scenarios, el, Math.max(base, 0));
    }
    return page;
  }

  private static int baseIndex(String[] stress) {
    for (int i = 0; i < stress.length; i++) {
      if (BASE_CASE.equals(stress[i])) {
        return i;
      }
    }
    return -1;
  }

  private static void tornado(Page page, int t, String tranche, List<String> scenarios,
      double[][] el, int base) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < scenarios.size(); i++) {
      if (i != base) {
        order.add(i);
      }
    }
    if (order.stream().allMatch(i -> el[i][t] == el[base][t])) {
      page.note(tranche + ": the same EL, " + Numbers.bp(el[base][t], 2)
          + ", in every scenario.");
      return;
    }
    // ECharts draws the first category at the bottom: smallest change first puts the largest on top
    order.sort(Comparator.comparingDouble(i -> Math.abs(el[i][t] - el[base][t])));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("base", scenarios.get(base));
    data.put("scenarios", order.stream().map(scenarios::get).toList());
    data.put("el", order.stream().map(i -> el[i][t]).toList());
    data.put("delta", order.stream().map(i -> el[i][t] - el[base][t]).toList());
    page.chart("chart-tornado-" + t, "tornado", tranche + ": change of EL by stress",
        Math.max(260, 24 * order.size() + 100), data);
  }
}
