package io.absmc.scenario;

import io.absmc.scenario.yaml.MapCursor;
import io.absmc.scenario.yaml.Problems;
import io.absmc.scenario.yaml.YamlNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the readers of a scenario file's sections share: the file's problems (each section adds
 * its own and the file yields no scenario if there are any), the file's folder (a loan tape is
 * relative to it) and the rules more than one section uses (terms, rate curves, names).
 */
abstract class SectionReader {

  /** The largest amount of money a scenario may give, RMB. */
  static final double MAX_AMOUNT = 1e13;

  final Problems problems;
  final Path folder;

  SectionReader(Problems problems, Path folder) {
    this.problems = problems;
    this.folder = folder;
  }

  <T> T build(YamlNode at, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException e) {
      problems.add(at, e.getMessage());
      return null;
    }
  }

  /** Reads {@code term_days} or {@code term_months}; null when neither (and required). */
  Term term(MapCursor c, boolean required) {
    if (!c.eitherOr("term_days", "term_months", required)) {
      return null;
    }
    if (c.has("term_days")) {
      int d = c.integer("term_days", 1, 36_500);
      return d > 0 ? Term.ofDays(d) : null;
    }
    if (c.has("term_months")) {
      int m = c.integer("term_months", 1, 1200);
      return m > 0 ? Term.ofMonths(m) : null;
    }
    return null;
  }

  /** A rate that is a single value or a list of values by period. */
  RateCurve curve(MapCursor c, String key, boolean required, double lo, double hi) {
    Optional<YamlNode> node = required ? c.required(key) : c.node(key);
    if (node.isEmpty()) {
      return null;
    }
    YamlNode v = node.get();
    if (v.kind() == YamlNode.Kind.LIST) {
      if (v.items().isEmpty()) {
        problems.add(v, "expected a rate or a non-empty list of rates by period");
        return null;
      }
      double[] values = new double[v.items().size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = c.rateValue(v.items().get(i), key, lo, hi);
      }
      for (double x : values) {
        if (Double.isNaN(x)) {
          return null;
        }
      }
      return RateCurve.byPeriod(values);
    }
    double x = c.rateValue(v, key, lo, hi);
    return Double.isNaN(x) ? null : RateCurve.constant(x);
  }

  static String unknownName(String what, String name, List<String> valid) {
    String hint = io.absmc.util.Names.nearest(name, valid)
        .map(n -> " (did you mean '" + n + "'?)").orElse("");
    return "unknown " + what + " '" + name + "'" + hint + "; expected one of "
        + String.join(", ", valid);
  }
}
