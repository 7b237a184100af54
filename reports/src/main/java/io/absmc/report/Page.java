package io.absmc.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * One self-contained HTML page: headings, notes, tables and chart placeholders, with the styles,
 * Apache ECharts, the chart script and the charts' data all inlined, so the file opens offline
 * from a file:// URL. Numeric table cells carry their exact value in {@code data-value} and the
 * Parquet column it came from in {@code data-col}; the text shows it rounded for people.
 */
final class Page {

  // keys in order: the same results give the same bytes, run after run
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private final String title;
  private final String subtitle;
  private final Units units;
  private final StringBuilder body = new StringBuilder();
  private final List<Map<String, Object>> charts = new ArrayList<>();

  Page(String title, String subtitle, Units units) {
    this.title = title;
    this.subtitle = subtitle;
    this.units = units;
  }

  Page heading(String text) {
    body.append("<h2>").append(escape(text)).append("</h2>\n");
    return this;
  }

  Page note(String text) {
    body.append("<p class=\"note\">").append(escape(text)).append("</p>\n");
    return this;
  }

  /** A paragraph that stands out: the answer of a sizing. */
  Page answer(String text) {
    body.append("<p class=\"answer\">").append(escape(text)).append("</p>\n");
    return this;
  }

  /** The provenance of the results: label, value pairs. */
  Page provenance(Map<String, String> items) {
    body.append("<dl class=\"provenance\">\n");
    items.forEach((k, v) -> body.append("<dt>").append(escape(k)).append("</dt><dd>")
        .append(escape(v)).append("</dd>\n"));
    body.append("</dl>\n");
    return this;
  }

  /**
   * A chart: a placeholder element that the page's script fills with an ECharts chart of
   * {@code type} from {@code data}.
   */
  Page chart(String id, String type, String chartTitle, int heightPx, Map<String, Object> data) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("id", id);
    spec.put("type", type);
    spec.put("title", chartTitle);
    spec.putAll(data);
    charts.add(spec);
    body.append("<div class=\"chart\" id=\"").append(escape(id)).append("\" style=\"height:")
        .append(heightPx).append("px\" role=\"img\" aria-label=\"").append(escape(chartTitle))
        .append("\"></div>\n");
    return this;
  }

  Table table(String... headings) {
    return new Table(headings);
  }

  /** An HTML table built row by row; {@link #end()} appends it to the page. */
  final class Table {
    private final StringBuilder html = new StringBuilder("<table>\n<thead><tr>");

    private Table(String... headings) {
      for (String h : headings) {
        html.append("<th>").append(escape(h)).append("</th>");
      }
      html.append("</tr></thead>\n<tbody>\n");
    }

    /** A row of cells made by {@link Page#text}, {@link Page#num} and {@link Page#numCi}. */
    Table row(String cssClass, String... cells) {
      html.append(cssClass == null ? "<tr>" : "<tr class=\"" + cssClass + "\">");
      for (String c : cells) {
        html.append(c);
      }
      html.append("</tr>\n");
      return this;
    }

    Page end() {
      body.append(html).append("</tbody>\n</table>\n");
      return Page.this;
    }
  }

  static String text(String s) {
    return "<td>" + escape(s == null ? "-" : s) + "</td>";
  }

  /** A numeric cell: the value of {@code column}, shown as {@code shown}. */
  static String num(String column, double value, String shown) {
    return "<td class=\"num\"><span " + data(column, value) + ">" + escape(shown) + "</span></td>";
  }

  /** A numeric cell with its 95% interval below it. */
  static String numCi(String column, double value, String shown, String lowColumn, double low,
      String shownLow, String highColumn, double high, String shownHigh) {
    return "<td class=\"num\"><span " + data(column, value) + ">" + escape(shown)
        + "</span><span class=\"ci\"><span " + data(lowColumn, low) + ">" + escape(shownLow)
        + "</span> to <span " + data(highColumn, high) + ">" + escape(shownHigh)
        + "</span></span></td>";
  }

  private static String data(String column, double value) {
    return "data-col=\"" + escape(column) + "\" data-value=\""
        + (Double.isNaN(value) ? "" : Double.toString(value)) + "\"";
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** The whole document. */
  String render(String footer) {
    Map<String, Object> data = new LinkedHashMap<>();
    Map<String, Object> money = new LinkedHashMap<>();
    money.put("label", units.label());
    money.put("suffix", units.suffix());
    money.put("divisor", units.divisor());
    data.put("units", money);
    data.put("charts", charts);
    StringBuilder html = new StringBuilder(1_200_000);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"generator\" content=\"absmc\">\n")
        .append("<title>").append(escape(title)).append("</title>\n<style>\n")
        .append(resource("report.css")).append("</style>\n</head>\n<body>\n<header><h1>")
        .append(escape(title)).append("</h1><p>").append(escape(subtitle))
        .append("</p></header>\n<main>\n").append(body)
        .append("<footer>").append(escape(footer)).append(" Charts: Apache ECharts ")
        .append(echartsVersion()).append(" (Apache License 2.0), inlined.</footer>\n")
        .append("</main>\n<script type=\"application/json\" id=\"absmc-data\">")
        .append(json(data)).append("</script>\n<script>\n")
        .append(resource("echarts/echarts.min.js")).append("\n</script>\n<script>\n")
        .append(resource("report.js")).append("</script>\n</body>\n</html>\n");
    return html.toString();
  }

  // JSON inside a script element: "</" would end the element early
  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value).replace("</", "<\\/").replace("<!--", "<\\!--");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String echartsVersion() {
    Properties p = new Properties();
    try (InputStream in = Page.class.getResourceAsStream("library.properties")) {
      p.load(in);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("library.properties is missing from the reports jar", e);
    }
    return p.getProperty("echarts");
  }

  private static String resource(String name) {
    try (InputStream in = Page.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the reports jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
