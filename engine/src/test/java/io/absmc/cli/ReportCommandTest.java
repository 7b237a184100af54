package io.absmc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.absmc.TestFiles;
import io.absmc.cli.Cli.Result;
import io.absmc.output.DuckDb;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML reports end to end: made by real runs, their table numbers checked against the Parquet
 * summary read with DuckDB, and every kind rendered by headless Chromium.
 */
class ReportCommandTest {

  private static final String DEAL_A = TestFiles.path("scenarios/ali-microloan-plan1.yaml").toString();
  private static final Path SCREENSHOTS = TestFiles.path("engine/target/report-screenshots");

  @TempDir
  static Path tmp;

  static Path run;
  static Path batch;
  static Path sizing;
  static Path breakeven;
  static Path tape;
  static Path calibration;

  private static void ok(String... args) {
    Result r = Cli.run(args);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Report: ");
  }

  @BeforeAll
  static void makeResults() throws Exception {
    run = tmp.resolve("run");
    ok("run", DEAL_A, "--paths", "6000", "--seed", "11", "--threads", "2", "--out", run.toString());
    Path stress = tmp.resolve("three.yaml");
    Files.writeString(stress, """
        name: three
        scenarios:
          - name: base
          - name: defaults-x2
            defaults: {multiplier: 2}
          - name: defaults-x3-recovery-m30pct
            defaults: {multiplier: 3}
            recovery: {relative: -30%}
        """);
    batch = tmp.resolve("batch");
    ok("batch", DEAL_A, "--stress", stress.toString(), "--paths", "2000", "--no-paths", "--out",
        batch.toString());
    sizing = tmp.resolve("sizing");
    // Deal B's AA+ class sized to Aaa: a curve of a dozen sizes (Deal A's classes meet their
    // targets at the largest size tried, a curve of one point)
    ok("size", TestFiles.path("scenarios/ant-credit-pay-abs.yaml").toString(), "--tranche",
        "senior_aa_plus", "--target", "Aaa", "--absorb", "subordinated", "--paths", "2000", "--out",
        sizing.toString());
    tape = tmp.resolve("tape");
    ok("run", TestFiles.path("scenarios/examples/ali-microloan-tape.yaml").toString(), "--paths",
        "500", "--out", tape.toString());
    calibration = tmp.resolve("calibration");
    Result cal = Cli.run("calibrate",
        TestFiles.path("scenarios/data/synthetic-credit-vintages.csv").toString(), "--out",
        calibration.toString());
    assertThat(cal.code()).as(cal.err()).isZero();
    breakeven = tmp.resolve("breakeven");
    ok("breakeven", DEAL_A, "--stress", stress.toString(), "--paths", "2000", "--out",
        breakeven.toString());
  }

  /** A number as the report shows it, and the exact value and column it carries. */
  private record Shown(String column, String value, String text) {
  }

  private static final Pattern CELL =
      Pattern.compile("data-col=\"([a-z0-9_]+)\"(?: data-value=\"([^\"]*)\")?>([^<]*)<");

  /** The table rows of the report, by their first cell's text. */
  private static Map<String, List<Shown>> rows(Path report) throws Exception {
    String html = Files.readString(report, StandardCharsets.UTF_8);
    Map<String, List<Shown>> rows = new HashMap<>();
    for (String tr : html.split("<tr")) {
      Matcher first = Pattern.compile("<td>([^<]*)</td>").matcher(tr);
      if (!first.find()) {
        continue;
      }
      List<Shown> cells = new ArrayList<>();
      Matcher m = CELL.matcher(tr);
      while (m.find()) {
        cells.add(new Shown(m.group(1), m.group(2), m.group(3)));
      }
      rows.putIfAbsent(first.group(1), cells);
    }
    return rows;
  }

  /** The value's rounding to the decimals shown, in the unit shown (%, bp or plain). */
  private static void assertShownAs(Shown s, double value) {
    String text = s.text().replace(",", "");
    double scale = text.endsWith(" bp") ? 1e4 : text.endsWith("%") ? 100 : 1;
    String digits = text.replace(" bp", "").replace("%", "");
    int decimals = digits.contains(".") ? digits.length() - digits.indexOf('.') - 1 : 0;
    assertThat(Double.parseDouble(digits)).as(s.column() + " shown as " + s.text())
        .isCloseTo(value * scale, within(0.5 * Math.pow(10, -decimals) + 1e-9));
  }

  @Test
  void runReportTablesShowTheNumbersOfTheParquetSummary() throws Exception {
    Map<String, List<Shown>> rows = rows(run.resolve("report.html"));
    List<Map<String, Object>> summary = DuckDb.read(run.resolve("summary.parquet"));
    int checked = 0;
    for (Map<String, Object> row : summary) {
      String tranche = (String) row.get("tranche");
      if (tranche.equals("pool")) {
        continue;
      }
      List<Shown> cells = rows.get(tranche);
      assertThat(cells).as("row of " + tranche).isNotNull().hasSizeGreaterThanOrEqualTo(16);
      for (Shown s : cells) {
        if (s.column().startsWith("implied_rating")) {
          assertThat(s.text()).as(tranche + " " + s.column()).isEqualTo(row.get(s.column()));
        } else if (row.get(s.column()) == null) {
          assertThat(s.value()).as(tranche + " " + s.column()).isEmpty();
          assertThat(s.text()).isEqualTo("-");
        } else {
          double expected = (Double) row.get(s.column());
          assertThat(Double.parseDouble(s.value())).as(tranche + " " + s.column())
              .isEqualTo(expected);
          assertShownAs(s, expected);
        }
        checked++;
      }
    }
    Map<String, Object> pool = summary.stream().filter(r -> r.get("tranche").equals("pool"))
        .findFirst().orElseThrow();
    for (String label : List.of("cumulative default rate", "cumulative loss rate")) {
      List<Shown> cells = rows.get(label);
      assertThat(cells).as(label).hasSize(6);
      for (Shown s : cells) {
        assertThat(Double.parseDouble(s.value())).as(label + " " + s.column())
            .isEqualTo((Double) pool.get(s.column()));
        assertShownAs(s, (Double) pool.get(s.column()));
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(3 * 16 + 12);
  }

  @Test
  void everyKindOfReportRendersInHeadlessChromiumWithoutErrors() throws Exception {
    try (HeadlessChromium browser = HeadlessChromium.start()) {
      render(browser, run, "run", List.of("chart-loss-histogram", "chart-exceedance-tranches",
          "chart-exceedance-pool", "chart-balances", "chart-pool", "chart-past-due",
          "chart-triggers"));
      render(browser, batch, "batch", List.of("chart-heatmap", "chart-tornado-2"));
      render(browser, sizing, "sizing", List.of("chart-sizing"));
      render(browser, breakeven, "breakeven", List.of("chart-breakeven"));
      render(browser, tape, "tape", List.of("chart-tape-age", "chart-loss-histogram"));
      render(browser, calibration, "calibration", List.of("chart-vintages", "chart-residuals",
          "chart-lifetimes"));
    }
  }

  private static void render(HeadlessChromium browser, Path dir, String name, List<String> charts)
      throws Exception {
    browser.open(dir.resolve("report.html"),
        "document.body && document.body.hasAttribute('data-charts-rendered')");
    browser.screenshot(SCREENSHOTS.resolve(name + ".png"));
    if ("run".equals(name) && "1".equals(System.getenv("ABSMC_UPDATE_DOCS"))) {
      // the README's picture of a run report: its top, from this very rendering
      browser.screenshot(TestFiles.path("docs/report-run.png"), "h2", 1500);
    }
    assertThat(browser.errors()).as(name + ": JavaScript errors").isEmpty();
    // self-contained: the page asks for nothing but itself
    assertThat(browser.requests()).as(name + ": requests")
        .allMatch(u -> u.startsWith("file:") || u.startsWith("data:"));
    JsonNode found = browser.evaluate("""
        Array.from(document.querySelectorAll('.chart')).map(function (el) {
          var chart = echarts.getInstanceByDom(el);
          var canvas = el.querySelector('canvas');
          var r = el.getBoundingClientRect();
          return {id: el.id, width: r.width, height: r.height,
            canvas: canvas ? canvas.width * canvas.height : 0,
            series: chart ? chart.getOption().series.length : 0};
        })""");
    List<String> ids = new ArrayList<>();
    for (JsonNode chart : found) {
      String id = chart.path("id").asText();
      ids.add(id);
      assertThat(chart.path("width").asDouble()).as(name + " " + id + " width").isPositive();
      assertThat(chart.path("height").asDouble()).as(name + " " + id + " height").isPositive();
      assertThat(chart.path("canvas").asLong()).as(name + " " + id + " canvas").isPositive();
      assertThat(chart.path("series").asInt()).as(name + " " + id + " series").isPositive();
    }
    assertThat(ids).as(name + " charts").containsAll(charts);
    assertThat(browser.evaluate("document.body.getAttribute('data-charts-rendered')").asText())
        .isEqualTo(Integer.toString(ids.size()));
    assertThat(Files.size(SCREENSHOTS.resolve(name + ".png"))).isGreaterThan(10_000);
  }

  /** The loan tape section shows tape.parquet's numbers, and every segment's balance adds up. */
  @Test
  void tapeSectionShowsTheStratification() throws Exception {
    List<Map<String, Object>> lines = io.absmc.output.DuckDb.read(tape.resolve("tape.parquet"));
    double segments = 0;
    int checked = 0;
    Map<String, List<Shown>> shown = rows(tape.resolve("report.html"));
    for (Map<String, Object> line : lines) {
      if ("segment".equals(line.get("dimension"))) {
        segments += ((Number) line.get("balance")).doubleValue();
        List<Shown> cells = shown.get((String) line.get("bucket"));
        assertThat(cells).as("row %s", line.get("bucket")).isNotNull();
        assertThat(Double.parseDouble(cells.get(1).value()))
            .isEqualTo(((Number) line.get("balance")).doubleValue());
        checked++;
      }
    }
    assertThat(checked).isEqualTo(2);
    assertThat(segments).isCloseTo(30e6, within(0.01));
  }

  @Test
  void reportCommandRewritesAReportInYi() throws Exception {
    Result r = Cli.run("report", run.toString(), "--units", "yi");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().strip()).isEqualTo("Report: " + run.resolve("report.html"));
    Path report = run.resolve("report.html");
    String html = Files.readString(report, StandardCharsets.UTF_8);
    assertThat(html.contains("\"divisor\":1.0E8,\"label\":\"亿 RMB\",\"suffix\":\" 亿\""))
        .as("the charts' money unit").isTrue();
    // mean total collections: the sum of the pool's mean collections per period, in 亿 to the 万
    double collections = (Double) DuckDb.query("SELECT sum(collections_mean) AS c FROM '"
        + run.resolve("cashflows.parquet") + "' WHERE series = 'pool'").get(0).get("c");
    Shown shown = rows(report).get("mean total collections (亿 RMB)").get(0);
    assertThat(Double.parseDouble(shown.value())).isCloseTo(collections, within(1e-6));
    assertThat(shown.text()).isEqualTo(String.format(java.util.Locale.ROOT, "%,.4f 亿",
        collections / 1e8));

    r = Cli.run("report", run.toString());
    assertThat(r.code()).isZero();
    html = Files.readString(report, StandardCharsets.UTF_8);
    assertThat(html.contains("\"label\":\"RMB\"") && !html.contains(" 亿<"))
        .as("money back in RMB").isTrue();
    assertThat(rows(report).get("mean total collections (RMB)").get(0).text())
        .isEqualTo(String.format(java.util.Locale.ROOT, "%,.2f", collections));
  }

  @Test
  void batchScenarioFolderGetsARunReport() throws Exception {
    Result r = Cli.run("report", batch.resolve("scenario=defaults-x2").toString());
    assertThat(r.code()).as(r.err()).isZero();
    String html = Files.readString(batch.resolve("scenario=defaults-x2/report.html"),
        StandardCharsets.UTF_8);
    assertThat(html.contains("<dt>stress</dt><dd>defaults +100.0%</dd>")).as("its stress").isTrue();
    assertThat(html.contains("id=\"chart-loss-histogram\"")).as("its histogram").isTrue();
  }

  @Test
  void aFolderWithoutResultsIsAUsageErrorAndGetsNothing(@TempDir Path empty) {
    Result r = Cli.run("report", empty.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(empty.toString()).contains("not an absmc output folder");
    assertThat(empty.resolve("report.html")).doesNotExist();

    r = Cli.run("report", empty.resolve("missing").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no such folder");
  }

  @Test
  void anUnreadableFileIsAUsageErrorAndTheOldReportStays(@TempDir Path copy) throws Exception {
    for (String f : List.of("summary.parquet", "loss_distribution.parquet", "cashflows.parquet",
        "triggers.parquet", "report.html")) {
      Files.copy(run.resolve(f), copy.resolve(f));
    }
    byte[] before = Files.readAllBytes(copy.resolve("report.html"));
    Files.writeString(copy.resolve("cashflows.parquet"), "period,balance\n1,100\n");
    Result r = Cli.run("report", copy.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(copy.resolve("cashflows.parquet") + ": not a readable Parquet file");
    assertThat(Files.readAllBytes(copy.resolve("report.html"))).isEqualTo(before);
  }

  @Test
  void badUnitsAreRefusedBeforeAnythingRuns(@TempDir Path out) {
    Result r = Cli.run("run", DEAL_A, "--paths", "1000", "--units", "usd", "--out",
        out.resolve("x").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--units must be rmb, m or yi, found 'usd'");
    assertThat(out.resolve("x")).doesNotExist();
  }

  @Test
  void noReportLeavesTheReportOut(@TempDir Path out) {
    Result r = Cli.run("run", DEAL_A, "--paths", "1000", "--no-report", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).doesNotContain("Report:");
    assertThat(out.resolve("summary.parquet")).exists();
    assertThat(out.resolve("report.html")).doesNotExist();
  }
}
