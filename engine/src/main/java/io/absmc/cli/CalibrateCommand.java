package io.absmc.cli;

import io.absmc.calibrate.Calibration;
import io.absmc.calibrate.CalibrationFiles;
import io.absmc.calibrate.Vintage;
import io.absmc.calibrate.VintageTable;
import io.absmc.cashflow.TextTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code absmc calibrate FILE}: a base case from a static-pool (vintage) table: curves by month on
 * book, recoveries, lifetime default rates and their dispersion, each with a bootstrap interval;
 * writes {@code performance.yaml}, {@code calibration.parquet} and {@code vintages.parquet}.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
    description = "Calibrate a base case (performance curves by month on book and the dispersion"
        + " of lifetime default rates) from a static-pool table.")
final class CalibrateCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The static-pool table (CSV or Parquet), or"
      + " loan-level performance data (CSV or Parquet; told apart by the header: loan_status and"
      + " issue_d).")
  Path file;

  @Option(names = "--as-of", paramLabel = "YYYY-MM",
      description = "Loan-level data: the month the data are as of (default: the latest last"
          + " payment month).")
  java.time.YearMonth asOf;

  @Option(names = "--column", paramLabel = "NAME=COLUMN",
      description = "Loan-level data: the file's column for one of the layout's (issue_d,"
          + " funded_amnt, term, int_rate, loan_status, last_pymnt_d, recoveries); repeatable.")
  Map<String, String> columns = new LinkedHashMap<>();

  @Option(names = "--out", paramLabel = "DIR",
      description = "Folder for the results (default: out/calibrate/<time>).")
  Path out;

  @Option(names = "--overwrite", description = "Replace the results in a folder that has some.")
  boolean overwrite;

  @picocli.CommandLine.Mixin
  ReportOptions report;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
      description = "Seed of the bootstrap (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--develop", paramLabel = "HOW", defaultValue = "chain-ladder",
      converter = DevelopmentConverter.class,
      description = "How immature vintages are developed to the term: chain-ladder (its"
          + " development factors) or logistic (along the logistic timing curve fitted to the"
          + " chain ladder's) (default: ${DEFAULT-VALUE}).")
  Calibration.Development development;

  static final class DevelopmentConverter extends ChoiceConverter<Calibration.Development> {
    DevelopmentConverter() {
      super(Calibration.Development.class);
    }
  }

  @Override
  public Integer call() throws Exception {
    Instant start = Instant.now();
    report.check(spec.commandLine());
    List<Vintage> vintages = io.absmc.calibrate.LoanPerformance.isLoanLevel(file, columns)
        ? io.absmc.calibrate.LoanPerformance.read(file, asOf, columns) : VintageTable.read(file);
    Calibration.Result r = Calibration.fit(vintages, seed, development);
    PrintWriter w = spec.commandLine().getOut();
    w.printf(Locale.ROOT, "absmc %s | calibrate | %s: %d vintages, %d developed to the term of %d"
        + " months (%s); 95%% intervals from %d bootstrap resamples (seed %d)%n%n",
        Version.version(), file, vintages.size(), r.used(), r.term(), development.label(), 400,
        seed);
    TextTable curves = new TextTable("month on book", "annual default", "95% interval",
        "annual prepayment", "timing (share of lifetime defaults)");
    for (int m = 1; m <= r.term(); m++) {
      Calibration.Estimate d = r.annualDefault()[m - 1];
      curves.row(Integer.toString(m), pct(d.value()), pct(d.low()) + " - " + pct(d.high()),
          pct(r.annualPrepayment()[m - 1].value()), pct(r.timing()[m - 1].value()));
    }
    w.println(curves);
    TextTable t = new TextTable("estimate", "value", "s.e.", "95% interval");
    row(t, "recovery rate (lag " + r.recoveryLag() + " months)", r.recoveryRate());
    row(t, "mean lifetime default rate", r.meanLifetime());
    t.row("lifetime default rate cv", String.format(Locale.ROOT, "%.4f", r.cv().value()),
        String.format(Locale.ROOT, "%.4f", r.cv().se()),
        String.format(Locale.ROOT, "%.4f - %.4f", r.cv().low(), r.cv().high()));
    row(t, "Vasicek pd", r.vasicekPd());
    row(t, "Vasicek rho (asset correlation)", r.vasicekRho());
    row(t, "Vasicek rho by the method of moments", r.vasicekRhoMoments());
    t.row("logistic timing: centre (months)", String.format(Locale.ROOT, "%.3f",
        r.timingCentre().value()), String.format(Locale.ROOT, "%.3f", r.timingCentre().se()),
        String.format(Locale.ROOT, "%.3f - %.3f", r.timingCentre().low(), r.timingCentre().high()));
    t.row("logistic timing: width (months)", String.format(Locale.ROOT, "%.3f",
        r.timingWidth().value()), String.format(Locale.ROOT, "%.3f", r.timingWidth().se()),
        String.format(Locale.ROOT, "%.3f - %.3f", r.timingWidth().low(), r.timingWidth().high()));
    if (r.flows() != null) {
      for (int k = 0; k < r.flows().length; k++) {
        row(t, "roll rate " + Calibration.FLOWS.get(k).replace("_to_", " to "), r.flows()[k]);
      }
    }
    w.println(t);
    double late = Calibration.defaultsAfterTerm(vintages);
    if (late > 0) {
      w.printf(Locale.ROOT, "Note: %.1f%% of the defaults (charge-offs) come after the loans' term,"
          + " when only past-due loans are left; the default rates by month on book there are"
          + " theirs alone, and a default curve charges a loan off by its term. For these data"
          + " the roll-rate block (%s) places them where they are.%n%n", 100 * late,
          CalibrationFiles.ROLL_RATES_YAML);
    }
    Path dir = out != null ? out : OutputFolders.defaultFor("calibrate", "", start);
    Map<String, String> provenance = new LinkedHashMap<>();
    provenance.put("absmc.version", Version.version());
    provenance.put("absmc.calibration_source", file.toString());
    provenance.put("absmc.bootstrap_seed", Long.toString(seed));
    provenance.put("absmc.development", development.label());
    OutputFolders.replace(spec.commandLine(), dir, overwrite,
        tmp -> CalibrationFiles.write(tmp, vintages, r, file.getFileName().toString(), provenance));
    Path reportFile = report.publish(spec.commandLine(), dir);
    w.println("Results: " + dir + " (" + CalibrationFiles.YAML + ": the blocks to paste into a"
        + " scenario" + (r.flows() != null ? "; " + CalibrationFiles.ROLL_RATES_YAML
        + ": the same with roll rates" : "") + ")");
    if (reportFile != null) {
      w.println("Report: " + reportFile);
    }
    return report.failed() ? 1 : 0;
  }

  private static void row(TextTable t, String name, Calibration.Estimate e) {
    t.row(name, pct(e.value()), pct(e.se()), pct(e.low()) + " - " + pct(e.high()));
  }

  private static String pct(double x) {
    return String.format(Locale.ROOT, "%.3f%%", 100 * x);
  }
}
