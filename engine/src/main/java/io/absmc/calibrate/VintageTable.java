package io.absmc.calibrate;

import io.absmc.scenario.ScenarioException;
import io.absmc.scenario.yaml.Problems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a static-pool table: a CSV file with a header row (or a Parquet file, {@code .parquet},
 * its problems reported by row) and one row per vintage and month on book. Columns (any order, no others): {@code vintage} (the origination month, text),
 * {@code months_on_book} (1, 2, ...), {@code original_balance} (the same on every row of a
 * vintage), {@code outstanding_balance} (performing principal at the month's end),
 * {@code cumulative_defaults}, {@code cumulative_prepayments} and {@code cumulative_recoveries}
 * (amounts to the month's end, never falling); optionally the principal past due at the month's
 * end by bucket, {@code dpd_1_30}, {@code dpd_31_60}, {@code dpd_61_90} and {@code dpd_91_plus}
 * (all four, within the outstanding balance), when the defaults are charge-offs. A vintage's months run from 1 without gaps. Every
 * problem is reported as {@code file:line: column: message}.
 */
public final class VintageTable {

  static final List<String> COLUMNS = List.of("vintage", "months_on_book", "original_balance",
      "outstanding_balance", "cumulative_defaults", "cumulative_prepayments",
      "cumulative_recoveries");
  /** Optional, all four or none: principal past due at the month's end, by bucket. */
  static final List<String> PAST_DUE = List.of("dpd_1_30", "dpd_31_60", "dpd_61_90",
      "dpd_91_plus");
  private static final List<String> ALL = java.util.stream.Stream.concat(COLUMNS.stream(),
      PAST_DUE.stream()).toList();

  private VintageTable() {
  }

  /** One row as read, with its line. */
  private record Row(int line, int month, double original, double outstanding, double defaults,
      double prepayments, double recoveries, double[] pastDue) {
  }

  /**
   * Reads the vintages, in the order of their names.
   *
   * @throws ScenarioException listing every problem
   */
  public static List<Vintage> read(Path file) {
    Problems problems = new Problems(file.toString());
    Map<String, List<Row>> byVintage = new TreeMap<>();
    TableRows.guarded(problems, "vintage table", () -> TableRows.read(file, problems,
        "the vintage table is empty; expected a header row with " + String.join(", ", COLUMNS),
        h -> header(h, problems), (r, col, line) -> row(r, col, line, byVintage, problems)));
    List<Vintage> out = new ArrayList<>();
    for (Map.Entry<String, List<Row>> e : byVintage.entrySet()) {
      Vintage v = vintage(e.getKey(), e.getValue(), problems);
      if (v != null) {
        out.add(v);
      }
    }
    if (problems.isEmpty() && out.isEmpty()) {
      problems.add(1, "", "the vintage table has a header but no rows");
    }
    if (!problems.isEmpty()) {
      throw new ScenarioException(problems.messages());
    }
    return out;
  }

  /** One row's values, checked; added to its vintage when good. */
  private static void row(String[] r, Map<String, Integer> col, int line,
      Map<String, List<Row>> byVintage, Problems problems) {
    int before = problems.size();
    String vintage = cell(r, col, "vintage");
    if (vintage.isEmpty()) {
      problems.add(line, "vintage", "expected a vintage, found nothing");
    }
    double month = number(r, col, "months_on_book", line, 1, 1200, problems);
    if (!Double.isNaN(month) && month != Math.rint(month)) {
      problems.add(line, "months_on_book", "expected a whole number, found "
          + cell(r, col, "months_on_book"));
    }
    double original = number(r, col, "original_balance", line, 0.01, 1e12, problems);
    double outstanding = number(r, col, "outstanding_balance", line, 0, 1e12, problems);
    double defaults = number(r, col, "cumulative_defaults", line, 0, 1e12, problems);
    double prepayments = number(r, col, "cumulative_prepayments", line, 0, 1e12, problems);
    double recoveries = number(r, col, "cumulative_recoveries", line, 0, 1e12, problems);
    double[] pastDue = null;
    if (col.containsKey(PAST_DUE.get(0))) {
      pastDue = new double[PAST_DUE.size()];
      double sum = 0;
      for (int b = 0; b < pastDue.length; b++) {
        pastDue[b] = number(r, col, PAST_DUE.get(b), line, 0, 1e12, problems);
        sum += pastDue[b];
      }
      // within the outstanding balance, allowing for each of the five amounts rounded to a cent
      if (sum > outstanding * (1 + 1e-9) + 0.025) {
        problems.add(line, "dpd_1_30", "vintage " + vintage + ": the past-due buckets sum to "
            + sum + ", more than the outstanding balance " + outstanding);
      }
    }
    if (problems.size() == before) {
      byVintage.computeIfAbsent(vintage, v -> new ArrayList<>()).add(new Row(line,
          (int) month, original, outstanding, defaults, prepayments, recoveries, pastDue));
    }
  }

  /** A vintage from its rows, or null with problems: months 1..M, consistent, never falling. */
  private static Vintage vintage(String name, List<Row> rows, Problems problems) {
    rows.sort((a, b) -> Integer.compare(a.month(), b.month()));
    int n = rows.size();
    double[] outstanding = new double[n];
    double[] defaults = new double[n];
    double[] prepayments = new double[n];
    double[] recoveries = new double[n];
    double[][] pastDue = rows.get(0).pastDue() == null ? null : new double[PAST_DUE.size()][n];
    int before = problems.size();
    for (int i = 0; i < n; i++) {
      Row r = rows.get(i);
      if (r.month() != i + 1) {
        problems.add(r.line(), "months_on_book", "vintage " + name + ": expected month " + (i + 1)
            + (i == 0 ? " first" : " after month " + i) + ", found " + r.month()
            + (r.month() == i ? " twice" : ""));
        return null;
      }
      if (r.original() != rows.get(0).original()) {
        problems.add(r.line(), "original_balance", "vintage " + name + ": expected the original"
            + " balance of its first row, " + rows.get(0).original() + ", found " + r.original());
      }
      if (r.outstanding() + r.defaults() + r.prepayments() > r.original() * (1 + 1e-9)) {
        problems.add(r.line(), "outstanding_balance", "vintage " + name + ": outstanding plus"
            + " cumulative defaults and prepayments exceed the original balance");
      }
      if (r.recoveries() > r.defaults() * (1 + 1e-9)) {
        problems.add(r.line(), "cumulative_recoveries", "vintage " + name
            + ": expected at most the cumulative defaults, " + r.defaults() + ", found "
            + r.recoveries());
      }
      if (i > 0) {
        Row p = rows.get(i - 1);
        falling(problems, name, r, "cumulative_defaults", p.defaults(), r.defaults());
        falling(problems, name, r, "cumulative_prepayments", p.prepayments(), r.prepayments());
        falling(problems, name, r, "cumulative_recoveries", p.recoveries(), r.recoveries());
      }
      outstanding[i] = r.outstanding();
      defaults[i] = r.defaults();
      prepayments[i] = r.prepayments();
      recoveries[i] = r.recoveries();
      if (pastDue != null) {
        for (int b = 0; b < pastDue.length; b++) {
          pastDue[b][i] = r.pastDue()[b];
        }
      }
    }
    return problems.size() > before ? null
        : new Vintage(name, rows.get(0).original(), outstanding, defaults, prepayments, recoveries,
            pastDue);
  }

  private static void falling(Problems problems, String vintage, Row r, String column,
      double previous, double value) {
    if (value < previous) {
      problems.add(r.line(), column, "vintage " + vintage + ": a cumulative amount cannot fall:"
          + " expected at least month " + (r.month() - 1) + "'s " + previous + ", found " + value);
    }
  }

  private static Map<String, Integer> header(String[] header, Problems problems) {
    Map<String, Integer> col = io.absmc.scenario.CsvColumns.index(header, ALL, problems);
    if (col == null) {
      return null;
    }
    boolean ok = true;
    for (String c : COLUMNS) {
      if (!col.containsKey(c)) {
        problems.add(1, "", "missing column '" + c + "'");
        ok = false;
      }
    }
    long buckets = PAST_DUE.stream().filter(col::containsKey).count();
    if (buckets > 0 && buckets < PAST_DUE.size()) {
      problems.add(1, "", "past-due buckets come all four or none: expected "
          + String.join(", ", PAST_DUE) + ", missing "
          + String.join(", ", PAST_DUE.stream().filter(c -> !col.containsKey(c)).toList()));
      ok = false;
    }
    return ok ? col : null;
  }

  private static String cell(String[] row, Map<String, Integer> col, String name) {
    Integer i = col.get(name);
    return i == null || i >= row.length ? "" : row[i].trim();
  }

  private static double number(String[] row, Map<String, Integer> col, String name, int line,
      double lo, double hi, Problems problems) {
    String text = cell(row, col, name);
    double x = io.absmc.util.Decimal.parse(text);
    if (Double.isNaN(x)) {
      problems.add(line, name, "expected a number, found '" + text + "'");
      return Double.NaN;
    }
    if (!(x >= lo && x <= hi)) {
      problems.add(line, name, "expected " + io.absmc.util.Check.fmt(lo) + " <= " + name + " <= "
          + io.absmc.util.Check.fmt(hi) + ", found " + text);
      return Double.NaN;
    }
    return x;
  }
}
