package io.absmc.scenario.yaml;

import io.absmc.util.Check;
import io.absmc.util.Names;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Reads the fields of one YAML map into typed values, recording every problem (wrong type, out of
 * range, missing, unknown key with the nearest valid key suggested) in {@link Problems} instead of
 * throwing. A getter that finds a problem returns a placeholder (NaN, null, empty); the caller
 * builds nothing from a file that has problems.
 *
 * <p>Numbers may carry a unit where that helps a reader: rates as {@code 6.2%} or {@code 25bp},
 * amounts as {@code 500m}, {@code 1.2bn}, {@code 5亿} or {@code 10万}. Not thread-safe.
 */
public final class MapCursor {

  private final YamlNode node;
  private final Problems problems;
  private final Set<String> known = new LinkedHashSet<>();

  private MapCursor(YamlNode node, Problems problems) {
    this.node = node;
    this.problems = problems;
  }

  /** A cursor on {@code node}, which must be a map (otherwise a problem and an empty cursor). */
  public static MapCursor of(YamlNode node, Problems problems) {
    if (node.kind() != YamlNode.Kind.MAP) {
      problems.add(node, "expected a map of fields but found " + node.describe());
    }
    return new MapCursor(node, problems);
  }

  public YamlNode node() {
    return node;
  }

  public Problems problems() {
    return problems;
  }

  /** Declares keys as valid without reading them (for keys read through {@link #node(String)}). */
  public void allow(String... keys) {
    known.addAll(Arrays.asList(keys));
  }

  /** The raw node of a field, if present and not null. */
  public Optional<YamlNode> node(String key) {
    known.add(key);
    YamlNode value = node.entries().get(key);
    return value == null || value.kind() == YamlNode.Kind.NULL ? Optional.empty() : Optional.of(value);
  }

  /** Whether the field is present (and not null). */
  public boolean has(String key) {
    return node(key).isPresent();
  }

  /** The raw node of a required field; records a problem and returns empty when missing. */
  public Optional<YamlNode> required(String key) {
    Optional<YamlNode> value = node(key);
    if (value.isEmpty()) {
      missing(key);
    }
    return value;
  }

  /** Records a missing required field. */
  public void missing(String key) {
    if (reported(key)) {
      return;
    }
    problems.add(node.line(), node.path(), "missing required field '" + key + "'");
  }

  /** Whether the field was given but could not be read, its problem already reported. */
  private boolean reported(String key) {
    YamlNode given = node.entries().get(key);
    return given != null && given.reported();
  }

  /** Records a problem about a field's value. */
  public void problem(String key, String message) {
    YamlNode value = node.entries().get(key);
    if (value != null) {
      problems.add(value, message);
    } else {
      problems.add(node.line(), YamlNode.child(node.path(), key), message);
    }
  }

  /** Records that two alternative fields were both given. */
  public boolean eitherOr(String a, String b, boolean oneRequired) {
    boolean hasA = has(a);
    boolean hasB = has(b);
    if (hasA && hasB) {
      problems.add(node.keyLine(b), YamlNode.child(node.path(), b),
          "give either '" + a + "' or '" + b + "', not both");
      return false;
    }
    if (oneRequired && !hasA && !hasB) {
      if (!reported(a) && !reported(b)) {
        problems.add(node.line(), node.path(), "missing required field '" + a + "' (or '" + b
            + "')");
      }
      return false;
    }
    return true;
  }

  /** A required text. */
  public String text(String key) {
    return required(key).map(v -> asText(v)).orElse(null);
  }

  /** An optional text. */
  public Optional<String> optText(String key) {
    return node(key).map(this::asText);
  }

  private String asText(YamlNode v) {
    if (!v.isScalar()) {
      problems.add(v, "expected a text but found " + v.describe());
      return null;
    }
    return v.text();
  }

  /** A required boolean, or the default when absent. */
  public boolean flag(String key, boolean fallback) {
    Optional<YamlNode> v = node(key);
    if (v.isEmpty()) {
      return fallback;
    }
    if (v.get().kind() != YamlNode.Kind.BOOLEAN) {
      problems.add(v.get(), "expected true or false but found " + v.get().describe());
      return fallback;
    }
    return Boolean.parseBoolean(v.get().text());
  }

  /** A required rate (decimal, or with % or bp) in [lo, hi]; NaN when missing or invalid. */
  public double rate(String key, double lo, double hi) {
    return required(key).map(v -> rateValue(v, key, lo, hi)).orElse(Double.NaN);
  }

  /** An optional rate in [lo, hi]. */
  public OptionalDouble optRate(String key, double lo, double hi) {
    Optional<YamlNode> v = node(key);
    return v.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(rateValue(v.get(), key, lo, hi));
  }

  /** A rate in [lo, hi], or {@code fallback} when absent. */
  public double rateOr(String key, double fallback, double lo, double hi) {
    return optRate(key, lo, hi).orElse(fallback);
  }

  /** A rate value of a node (also used for list items). */
  public double rateValue(YamlNode v, String name, double lo, double hi) {
    double x = parseNumber(v, true);
    return inRange(v, name, x, lo, hi);
  }

  /** A required amount in RMB (plain number or with m, bn, 亿, 万) in [lo, hi]. */
  public double amount(String key, double lo, double hi) {
    return required(key).map(v -> inRange(v, key, parseNumber(v, false), lo, hi)).orElse(Double.NaN);
  }

  /** An optional amount in [lo, hi]. */
  public OptionalDouble optAmount(String key, double lo, double hi) {
    Optional<YamlNode> v = node(key);
    return v.isEmpty() ? OptionalDouble.empty()
        : OptionalDouble.of(inRange(v.get(), key, parseNumber(v.get(), false), lo, hi));
  }

  /** A required whole number in [lo, hi]; {@code Integer.MIN_VALUE} when missing or invalid. */
  public int integer(String key, int lo, int hi) {
    return required(key).map(v -> integerValue(v, key, lo, hi)).orElse(Integer.MIN_VALUE);
  }

  /** A whole number in [lo, hi], or {@code fallback} when absent. */
  public int integerOr(String key, int fallback, int lo, int hi) {
    return node(key).map(v -> integerValue(v, key, lo, hi)).orElse(fallback);
  }

  /** A whole-number value of a node (also used for list items). */
  public int integerValue(YamlNode v, String name, int lo, int hi) {
    if (v.kind() != YamlNode.Kind.NUMBER || !v.text().matches("[-+]?\\d{1,18}")) {
      problems.add(v, "expected a whole number" + (v.kind() == YamlNode.Kind.NUMBER
          && v.text().matches("[-+]?\\d+") ? " between " + lo + " and " + hi : "")
          + " but found " + v.describe());
      return Integer.MIN_VALUE;
    }
    long x = Long.parseLong(v.text());
    if (x < lo || x > hi) {
      problems.add(v, "expected " + lo + " <= " + name + " <= " + hi + ", found " + x);
      return Integer.MIN_VALUE;
    }
    return (int) x;
  }

  /** A required ISO date (yyyy-mm-dd). */
  public LocalDate date(String key) {
    return required(key).map(this::dateValue).orElse(null);
  }

  /** An optional ISO date. */
  public Optional<LocalDate> optDate(String key) {
    return node(key).map(this::dateValue);
  }

  private LocalDate dateValue(YamlNode v) {
    if (v.kind() != YamlNode.Kind.STRING) {
      problems.add(v, "expected a date as yyyy-mm-dd but found " + v.describe());
      return null;
    }
    LocalDate d;
    try {
      d = LocalDate.parse(v.text());
    } catch (DateTimeParseException e) {
      problems.add(v, "expected a date as yyyy-mm-dd but found " + v.describe());
      return null;
    }
    if (d.isBefore(FIRST_DATE) || d.isAfter(LAST_DATE)) {
      problems.add(v, "expected a date from " + FIRST_DATE + " to " + LAST_DATE + ", found " + d);
      return null;
    }
    return d;
  }

  /** The earliest date a deal may give. */
  public static final LocalDate FIRST_DATE = LocalDate.of(1990, 1, 1);

  /** The latest date a deal may give. */
  public static final LocalDate LAST_DATE = LocalDate.of(2200, 12, 31);

  /**
   * A name that is also a folder or a file's part (a scenario's name, a tranche's): text, at most
   * 100 characters, without path separators, control characters or a leading dot.
   */
  public String plainName(String key) {
    String name = text(key);
    if (name == null) {
      return null;
    }
    boolean plain = !name.isBlank() && name.length() <= 100 && !name.startsWith(".")
        && name.chars().noneMatch(ch -> ch < 0x20 || ch == 0x7f || "/\\:*?\"<>|".indexOf(ch) >= 0);
    if (!plain) {
      problem(key, "expected a plain name of at most 100 characters, without / \\ : * ? \" < > |,"
          + " control characters or a leading dot (it names a folder), found '" + name + "'");
      return null;
    }
    return name;
  }

  /** A required choice among an enum's labels. */
  public <E extends Enum<E> & Labelled> E choice(String key, Class<E> type) {
    return required(key).map(v -> choiceValue(v, type)).orElse(null);
  }

  /** A choice, or {@code fallback} when absent. */
  public <E extends Enum<E> & Labelled> E choiceOr(String key, Class<E> type, E fallback) {
    return node(key).map(v -> choiceValue(v, type)).orElse(fallback);
  }

  /** A choice value of a node (also used for list items and map keys). */
  public <E extends Enum<E> & Labelled> E choiceValue(YamlNode v, Class<E> type) {
    if (!v.isScalar()) {
      problems.add(v, "expected one of " + labels(type) + " but found " + v.describe());
      return null;
    }
    E found = parseChoice(v.text(), type);
    if (found == null) {
      problems.add(v, unknownChoice(v.text(), type));
    }
    return found;
  }

  /** The constant whose label matches {@code text} (case-insensitive), or null. */
  public static <E extends Enum<E> & Labelled> E parseChoice(String text, Class<E> type) {
    for (E e : type.getEnumConstants()) {
      if (e.label().equalsIgnoreCase(text.trim())) {
        return e;
      }
    }
    return null;
  }

  /** The message for an unknown label, with the nearest valid one. */
  public static <E extends Enum<E> & Labelled> String unknownChoice(String text,
      Class<E> type) {
    List<String> labels = labels(type);
    String hint = Names.nearest(text, labels).map(n -> " (did you mean '" + n + "'?)").orElse("");
    return "unknown value '" + text + "'" + hint + "; expected one of " + String.join(", ", labels);
  }

  private static <E extends Enum<E> & Labelled> List<String> labels(Class<E> type) {
    List<String> out = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      out.add(e.label());
    }
    return out;
  }

  /** A required list; empty when missing or not a list. */
  public List<YamlNode> list(String key) {
    return required(key).map(this::listValue).orElse(List.of());
  }

  /** An optional list; empty when absent. */
  public List<YamlNode> optList(String key) {
    return node(key).map(this::listValue).orElse(List.of());
  }

  private List<YamlNode> listValue(YamlNode v) {
    if (v.kind() != YamlNode.Kind.LIST) {
      problems.add(v, "expected a list but found " + v.describe());
      return List.of();
    }
    return v.items();
  }

  /** A required nested map; an empty cursor when missing. */
  public Optional<MapCursor> map(String key) {
    return required(key).map(v -> MapCursor.of(v, problems));
  }

  /** An optional nested map. */
  public Optional<MapCursor> optMap(String key) {
    return node(key).map(v -> MapCursor.of(v, problems));
  }

  /**
   * Reports every key that no getter asked for as unknown, with the nearest valid key. Call once
   * after reading all fields.
   */
  public void rejectUnknown() {
    for (String key : node.entries().keySet()) {
      if (!known.contains(key)) {
        String hint = Names.nearest(key, known).map(n -> " (did you mean '" + n + "'?)")
            .orElse("");
        problems.add(node.keyLine(key), YamlNode.child(node.path(), key),
            "unknown field" + hint + "; valid fields here: " + String.join(", ", known));
      }
    }
  }

  private double inRange(YamlNode v, String name, double x, double lo, double hi) {
    if (Double.isNaN(x)) {
      return x;
    }
    if (!(x >= lo && x <= hi)) {
      String rule = hi == Double.POSITIVE_INFINITY ? name + " >= " + Check.fmt(lo)
          : Check.fmt(lo) + " <= " + name + " <= " + Check.fmt(hi);
      problems.add(v, "expected " + rule + ", found " + Check.fmt(x));
      return Double.NaN;
    }
    return x;
  }

  /**
   * Parses a number, or a text with a unit: {@code %} and {@code bp} for rates, {@code m},
   * {@code bn}, {@code 亿} and {@code 万} for amounts. NaN (and a problem) when it is neither.
   */
  private double parseNumber(YamlNode v, boolean rate) {
    if (v.kind() == YamlNode.Kind.NUMBER) {
      double x = io.absmc.util.Decimal.parse(v.text());
      if (!Double.isNaN(x)) {
        return x;
      }
    }
    if (v.kind() == YamlNode.Kind.STRING) {
      String t = v.text().trim().replace(",", "").replace("_", "").toLowerCase(Locale.ROOT);
      double scale;
      String digits;
      if (rate && t.endsWith("%")) {
        scale = 0.01;
        digits = t.substring(0, t.length() - 1);
      } else if (rate && t.endsWith("bp")) {
        scale = 1e-4;
        digits = t.substring(0, t.length() - 2);
      } else if (!rate && t.endsWith("bn")) {
        scale = 1e9;
        digits = t.substring(0, t.length() - 2);
      } else if (!rate && t.endsWith("m")) {
        scale = 1e6;
        digits = t.substring(0, t.length() - 1);
      } else if (!rate && t.endsWith("亿")) {
        scale = 1e8;
        digits = t.substring(0, t.length() - 1);
      } else if (!rate && t.endsWith("万")) {
        scale = 1e4;
        digits = t.substring(0, t.length() - 1);
      } else {
        scale = 1;
        digits = t;
      }
      try {
        double x = new java.math.BigDecimal(digits.trim()).multiply(java.math.BigDecimal.valueOf(scale))
            .doubleValue();
        if (Double.isFinite(x)) {
          return x;
        }
      } catch (NumberFormatException | ArithmeticException e) {
        // reported below
      }
    }
    String units = rate ? " (a decimal such as 0.062, or 6.2% or 25bp)"
        : " (an amount such as 500000000, 500m, 1.2bn or 5亿)";
    problems.add(v, "expected a number" + units + " but found " + v.describe());
    return Double.NaN;
  }
}
