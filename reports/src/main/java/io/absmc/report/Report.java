package io.absmc.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HTML report of an absmc output folder: {@link #html} reads the folder's Parquet files (never
 * the per-path rows) and returns one self-contained page, for any of the folders absmc writes.
 * Thread-safe: it keeps no state.
 */
public final class Report {

  /** The file a report is written to, in the folder it describes. */
  public static final String FILE = "report.html";

  /** The kinds of output folder, told apart by the file each of them holds. */
  public enum Kind {
    /** {@code absmc run}: {@code summary.parquet} and the run's other files. */
    RUN(RunReport.SUMMARY),
    /** {@code absmc batch}: {@code batch_summary.parquet} and a folder per scenario. */
    BATCH(BatchReport.FILE),
    /** {@code absmc breakeven}: {@code breakeven.parquet}. */
    BREAKEVEN(BreakEvenReport.FILE),
    /** {@code absmc size}: {@code sizing.parquet}. */
    SIZING(SizingReport.FILE),
    /** {@code absmc calibrate}: {@code calibration.parquet}. */
    CALIBRATION(CalibrationReport.FILE);

    private final String file;

    Kind(String file) {
      this.file = file;
    }

    /** The file that marks a folder of this kind. */
    public String file() {
      return file;
    }
  }

  private Report() {
  }

  /** What kind of results {@code dir} holds; a {@link ReportException} when none. */
  public static Kind kindOf(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new ReportException(dir + ": no such folder");
    }
    for (Kind k : Kind.values()) {
      if (Files.isRegularFile(dir.resolve(k.file()))) {
        return k;
      }
    }
    throw new ReportException(dir + ": not an absmc output folder (it holds none of "
        + RunReport.SUMMARY + ", " + BatchReport.FILE + ", " + BreakEvenReport.FILE + ", "
        + SizingReport.FILE + ", " + CalibrationReport.FILE + ")");
  }

  /** The report of the results in {@code dir}, money written in {@code units}. */
  public static String html(Path dir, Units units) {
    Page page = switch (kindOf(dir)) {
      case RUN -> RunReport.build(dir, units);
      case BATCH -> BatchReport.build(dir, units);
      case BREAKEVEN -> BreakEvenReport.build(dir, units);
      case SIZING -> SizingReport.build(dir, units);
      case CALIBRATION -> CalibrationReport.build(dir, units);
    };
    return page.render("Made by absmc from the Parquet files beside this report; every figure in"
        + " it is read from them.");
  }

  /** The header's items, from a result file's {@code absmc.*} metadata; absent keys are left out. */
  static Map<String, String> provenance(ResultTable t) {
    Map<String, String> m = new LinkedHashMap<>();
    put(m, "deal", t.meta("absmc.scenario", null));
    put(m, "scenario file", t.meta("absmc.scenario_file", null));
    put(m, "scenario SHA-256", t.meta("absmc.scenario_sha256", null));
    put(m, "stress", t.meta("absmc.stress", null));
    put(m, "paths", paths(t));
    String seed = t.meta("absmc.seed", null);
    put(m, "seed", seed == null ? null : seed + " (" + t.meta("absmc.generator", "-") + ")");
    put(m, "granularity", t.meta("absmc.granularity", null));
    String sampling = t.meta("absmc.importance_sampling", null);
    String shift = t.meta("absmc.importance_shift", "0.0");
    put(m, "importance sampling", sampling != null ? sampling : Double.parseDouble(shift) == 0
        ? "none" : "default factor shifted by " + shift);
    String ess = t.meta("absmc.effective_sample_size", null);
    if (ess != null && !"off".equals(sampling)) {
      put(m, "effective sample size", Numbers.fixed(Double.parseDouble(ess), 0) + " paths");
    }
    String commit = t.meta("absmc.git_commit", null);
    put(m, "absmc", t.meta("absmc.version", "-") + (commit == null ? "" : " (commit " + commit + ")"));
    put(m, "run start", t.meta("absmc.run_start", null));
    String seconds = t.meta("absmc.run_seconds", null);
    if (seconds != null) {
      put(m, "run time", Numbers.fixed(Double.parseDouble(seconds), 1) + " s");
    }
    put(m, "Java", t.meta("absmc.java", null));
    String master = t.meta("absmc.spark_master", null);
    if (master != null) {
      put(m, "ran on", "Apache Spark " + t.meta("absmc.spark_version", "") + ", master " + master);
    }
    String el = t.meta("absmc.rating_table_el", null);
    if (el != null) {
      put(m, "rating tables", el + "; " + t.meta("absmc.rating_table_pd", "-"));
    }
    return m;
  }

  private static void put(Map<String, String> m, String label, String value) {
    if (value != null) {
      m.put(label, value);
    }
  }

  /** "Monte Carlo run | 100,000 paths | seed 20130729 | cohort". */
  static String subtitle(ResultTable t, String what) {
    return what + " | " + paths(t) + " paths | seed " + t.meta("absmc.seed", "-") + " | "
        + t.meta("absmc.granularity", "-") + " granularity | absmc " + t.meta("absmc.version", "-");
  }

  static String paths(ResultTable t) {
    String paths = t.meta("absmc.paths", null);
    return paths == null ? null : Numbers.count(Long.parseLong(paths));
  }

  /** A chart value: null (not drawn) for NaN, a statistic that does not apply. */
  static Double nullable(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
  }
}
