package io.absmc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.absmc.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names come from scenario files other desks wrote: a tranche and a trigger named with HTML that
 * would run a script go into every report as text. Rendered in headless Chromium with every
 * chart's tooltip shown at several points, nothing the names carry runs (the payloads would set
 * {@code window.absmcPwned}), and the names appear escaped.
 */
class HostileNamesReportTest {

  private static final String IMG = "<img src=x onerror=\"window.absmcPwned=1\">";
  private static final String SCRIPT = "<script>window.absmcPwned=2</script>";

  private static String hostileDealA() {
    String yaml = TestFiles.read("scenarios/ali-microloan-plan1.yaml");
    String senior = "'" + IMG + "'";
    String warning = "'" + SCRIPT + "'";
    return yaml.replace("    - name: senior\n", "    - name: " + senior + "\n")
        .replace("[senior]", "[" + senior + "]")
        .replace("[senior, mezzanine]", "[" + senior + ", mezzanine]")
        .replace("  - name: early_warning_defaults", "  - name: " + warning);
  }

  private static void ok(String... args) {
    Cli.Result r = Cli.run(args);
    assertThat(r.code()).as(r.err()).isZero();
  }

  @Test
  void namesInReportsAreTextNeverMarkupOrScript(@TempDir Path tmp) throws Exception {
    Path deal = tmp.resolve("hostile.yaml");
    Files.writeString(deal, hostileDealA());
    Path run = tmp.resolve("run");
    ok("run", deal.toString(), "--paths", "3000", "--out", run.toString());
    Path breakeven = tmp.resolve("breakeven");
    ok("breakeven", deal.toString(), "--paths", "1000", "--out", breakeven.toString());
    Path size = tmp.resolve("size");
    ok("size", deal.toString(), "--tranche", IMG, "--target", "AAA", "--method", "breakeven",
        "--out", size.toString());

    String html = Files.readString(run.resolve("report.html"));
    assertThat(html).doesNotContain(IMG).doesNotContain(SCRIPT).contains("&lt;img src=x");

    try (HeadlessChromium browser = HeadlessChromium.start()) {
      for (Path dir : new Path[] {run, breakeven, size}) {
        browser.open(dir.resolve("report.html"),
            "document.body && document.body.hasAttribute('data-charts-rendered')");
        // every chart's tooltip at its first points of every series: the names go into them
        JsonNode shown = browser.evaluate("""
            (function () {
              var tips = 0;
              document.querySelectorAll('.chart').forEach(function (el) {
                var chart = echarts.getInstanceByDom(el);
                chart.getOption().series.forEach(function (s, i) {
                  for (var d = 0; d < 3; d++) {
                    chart.dispatchAction({type: 'showTip', seriesIndex: i, dataIndex: d});
                    tips++;
                  }
                });
              });
              return tips;
            })()""");
        assertThat(shown.asInt()).as(dir + ": tooltips shown").isPositive();
        Thread.sleep(300);
        assertThat(browser.evaluate("typeof window.absmcPwned").asText()).as(dir.toString())
            .isEqualTo("undefined");
        assertThat(browser.evaluate("document.querySelectorAll('img[src=\"x\"]').length").asInt())
            .as(dir + ": no element made from a name").isZero();
        assertThat(browser.errors()).as(dir + ": JavaScript errors").isEmpty();
      }
    }
  }
}
