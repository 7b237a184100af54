package io.absmc.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Number formats, units and the page's escaping. */
class FormatTest {

  @Test
  void moneyInYuanOrYi() {
    assertThat(Units.RMB.money(398_250_000)).isEqualTo("398,250,000.00");
    assertThat(Units.RMB.money(0.004)).isEqualTo("0.00");
    assertThat(Units.YI.money(500_000_000)).isEqualTo("5.0000 亿");
    assertThat(Units.YI.money(12_345_678_901.0)).isEqualTo("123.4568 亿");
    assertThat(Units.YI.money(-1)).isEqualTo("0.0000 亿");
    assertThat(Units.RMB.money(Double.NaN)).isEqualTo("-");
    assertThat(Units.parse("YI")).isEqualTo(Units.YI);
    assertThat(Units.parse("亿")).isEqualTo(Units.YI);
    assertThat(Units.MILLIONS.money(398_250_000)).isEqualTo("398.25m");
    assertThat(Units.parse("m")).isEqualTo(Units.MILLIONS);
    assertThatThrownBy(() -> Units.parse("usd")).hasMessage("units must be rmb, m or yi, found 'usd'");
  }

  @Test
  void percentagesBasisPointsAndYears() {
    assertThat(Numbers.percent(0.062, 2)).isEqualTo("6.20%");
    assertThat(Numbers.percent(0.0029543, 3)).isEqualTo("0.295%");
    assertThat(Numbers.percent(-0.000001, 2)).isEqualTo("0.00%");
    assertThat(Numbers.bp(0.0029543, 2)).isEqualTo("29.54 bp");
    assertThat(Numbers.bp(0.12, 0)).isEqualTo("1,200 bp");
    assertThat(Numbers.years(1.234)).isEqualTo("1.23");
    assertThat(Numbers.count(1_000_000)).isEqualTo("1,000,000");
    assertThat(Numbers.bp(Double.NaN, 2)).isEqualTo("-");
  }

  @Test
  void textAndDataCannotBreakOutOfThePage() {
    Page page = new Page("deal </script><b>", "sub & title", Units.RMB);
    page.note("a \"quoted\" 'name' <i>");
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("names", List.of("</script><script>alert(1)</script>", "<!-- comment"));
    page.chart("chart-x", "tornado", "title </script>", 300, data);
    String html = page.render("footer");
    assertThat(html).contains("<title>deal &lt;/script&gt;&lt;b&gt;</title>")
        .contains("a &quot;quoted&quot; &#39;name&#39; &lt;i&gt;")
        .contains("\"<\\/script><script>alert(1)<\\/script>\"").contains("\"<\\!-- comment\"");
    // the page's own three script elements close, nothing else does
    Matcher m = Pattern.compile("</script>").matcher(html);
    int closes = 0;
    while (m.find()) {
      closes++;
    }
    assertThat(closes).isEqualTo(3);
  }

  @Test
  void numericCellsCarryTheirExactValue() {
    assertThat(Page.num("el", 0.1 + 0.2, "3,000.00 bp")).isEqualTo(
        "<td class=\"num\"><span data-col=\"el\" data-value=\"0.30000000000000004\">3,000.00 bp"
            + "</span></td>");
    assertThat(Page.num("lgd", Double.NaN, "-")).contains("data-value=\"\">-<");
  }
}
