package io.absmc.resolve;

import io.absmc.scenario.ScenarioException;
import io.absmc.scenario.yaml.InputText;
import io.absmc.scenario.yaml.MapCursor;
import io.absmc.scenario.yaml.Problems;
import io.absmc.scenario.yaml.YamlDocument;
import io.absmc.scenario.yaml.YamlNode;
import io.absmc.util.Check;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A set of named stresses, read from a stress file (format in {@code docs/stress-format.md}):
 * scenarios listed by name, and/or a grid whose cartesian product becomes named scenarios.
 * Problems are reported like a scenario file's, all at once. Immutable.
 *
 * @param name the set's name
 * @param scenarios the stresses, in file order (listed ones first, then the grid's)
 */
public record StressSet(String name, List<Named> scenarios) {

  /** A stress with the name its results are filed under. */
  public record Named(String name, Stress stress) {
    public Named {
      Check.isTrue(name.matches("[A-Za-z0-9._+-]+"), "a stress scenario name is letters, digits"
          + " and . _ + - only, found '" + name + "'");
    }
  }

  public StressSet {
    scenarios = List.copyOf(scenarios);
  }


  /**
   * A {@code --stress} value: a stress file, a scenario of one ({@code FILE#name}), or shocks
   * written inline in the stress files' vocabulary ({@link #inline}); {@link #fileOf} tells which.
   *
   * @throws ScenarioException for a file's problems, IllegalArgumentException for inline ones
   */
  public static StressSet fromOption(String value) {
    Path file = fileOf(value);
    if (file != null) {
      StressSet set = load(file);
      int hash = value.lastIndexOf('#');
      if (hash <= 0) {
        return set;
      }
      String name = value.substring(hash + 1);
      return set.scenarios().stream().filter(n -> n.name().equals(name)).findFirst()
          .map(n -> new StressSet(set.name(), List.of(n)))
          .orElseThrow(() -> new IllegalArgumentException("stress file " + file + " has no scenario '"
              + name + "' (it has " + String.join(", ", set.scenarios().stream()
                  .map(Named::name).toList()) + ")"));
    }
    return inline(value);
  }

  /**
   * The stress file a {@code --stress} value names (without any {@code #name}), or null when the
   * value is shocks written inline: a value naming an existing file, or ending in {@code .yaml} or
   * {@code .yml}, is a file.
   */
  public static Path fileOf(String value) {
    int hash = value.lastIndexOf('#');
    String file = hash > 0 ? value.substring(0, hash) : value;
    String lower = file.toLowerCase(Locale.ROOT);
    try {
      if (java.nio.file.Files.isRegularFile(Path.of(file)) || lower.endsWith(".yaml")
          || lower.endsWith(".yml")) {
        return Path.of(file);
      }
    } catch (java.nio.file.InvalidPathException e) {
      // not a path: shocks
    }
    return null;
  }

  /**
   * Shocks written on one line with the stress files' keys, e.g. {@code
   * defaults=x2,recovery=-20%,yield=-50bp,front_loading=0.3}: a shock as {@code xK} (multiplier),
   * a signed percentage (relative) or signed basis points or number (absolute); {@code
   * front_loading}, {@code lifetime_default_multiplier} and {@code worst_template_mix} take their
   * value. Read by the stress files' own reader, so the rules and bounds are theirs.
   *
   * @throws IllegalArgumentException naming the part that cannot be read
   */
  public static StressSet inline(String text) {
    StringBuilder yaml = new StringBuilder("name: inline\nscenarios:\n  - name: inline\n");
    List<String> keys = new ArrayList<>();
    for (Stress.Target k : Stress.Target.values()) {
      keys.add(k.key());
    }
    List<String> plain = List.of("front_loading", "lifetime_default_multiplier",
        "worst_template_mix");
    for (String part : text.split(",")) {
      String t = part.trim();
      if (t.isEmpty()) {
        continue;
      }
      int eq = t.indexOf('=');
      String key = eq < 0 ? t : t.substring(0, eq).trim();
      String value = eq < 0 ? "" : t.substring(eq + 1).trim();
      if (eq < 0 || value.isEmpty() || !value.matches("[A-Za-z0-9.+%-]+")) {
        throw new IllegalArgumentException("stress '" + t + "': expected key=value, e.g."
            + " defaults=x2,recovery=-20%,yield=-50bp");
      }
      if (plain.contains(key)) {
        yaml.append("    ").append(key).append(": ").append(value).append('\n');
      } else if (keys.contains(key)) {
        String form;
        if (value.startsWith("x") || value.startsWith("X")) {
          form = "{multiplier: " + value.substring(1) + "}";
        } else if ((value.startsWith("+") || value.startsWith("-")) && value.endsWith("%")) {
          form = "{relative: " + value + "}";
        } else if (value.startsWith("+") || value.startsWith("-")) {
          form = "{absolute: " + value + "}";
        } else {
          throw new IllegalArgumentException("stress '" + t + "': write x2 (a multiplier), -20%"
              + " (relative) or -25bp / +6 (absolute)");
        }
        yaml.append("    ").append(key).append(": ").append(form).append('\n');
      } else {
        List<String> all = new ArrayList<>(keys);
        all.addAll(plain);
        throw new IllegalArgumentException("stress '" + t + "': unknown key '" + key + "'"
            + io.absmc.util.Names.nearest(key, all)
                .map(n -> " (did you mean '" + n + "'?)").orElse("")
            + "; keys: " + String.join(", ", all));
      }
    }
    try {
      StressSet set = parse(yaml.toString(), "--stress");
      return new StressSet(set.name(), List.of(new Named(label(text), set.scenarios().get(0)
          .stress())));
    } catch (ScenarioException e) {
      // the reader's message without the synthetic document's line and path
      throw new IllegalArgumentException(e.problems().stream()
          .map(m -> m.replaceFirst("^--stress:\\d+: scenarios\\[0\\]\\.", "stress "))
          .collect(java.util.stream.Collectors.joining("; ")));
    }
  }

  /** A scenario name from inline shocks: letters, digits and . _ + - only. */
  private static String label(String text) {
    String n = text.replace("%", "pct").replace("=", "-").replace(",", "_")
        .replaceAll("[^A-Za-z0-9._+-]", "");
    return n.isEmpty() ? "inline" : n;
  }

  /** Reads a stress file. */
  public static StressSet load(Path file) {
    return parse(InputText.read(file), file.toString());
  }

  /** Parses stress-file text; {@code fileName} is used in messages. */
  public static StressSet parse(String text, String fileName) {
    Problems problems = new Problems(fileName);
    YamlNode root = YamlDocument.parse(text, problems);
    if (root == null) {
      throw new ScenarioException(problems.messages());
    }
    MapCursor c = MapCursor.of(root, problems);
    String name = c.text("name");
    c.optText("description");
    List<Named> out = new ArrayList<>();
    // where each scenario is written, for a name given twice
    List<YamlNode> where = new ArrayList<>();
    for (YamlNode item : c.optList("scenarios")) {
      MapCursor s = MapCursor.of(item, problems);
      String n = s.text("name");
      s.optText("description");
      Stress stress = Stress.NONE;
      for (Stress.Target k : Stress.Target.values()) {
        Shock shock = s.optMap(k.key()).map(m -> shock(m, k.key())).orElse(null);
        if (shock != null) {
          stress = stress.with(k, shock);
        }
      }
      double frontLoading = s.rateOr("front_loading", 0, -1, 1);
      if (!Double.isNaN(frontLoading)) {
        // out of range: reported by the reader
        stress = stress.withFrontLoading(frontLoading);
      }
      stress = stress.withWorstTemplateMix(s.flag("worst_template_mix", false));
      double lifetime = s.rateOr("lifetime_default_multiplier", 1, 0, 1000);
      if (!Double.isNaN(lifetime)) {
        stress = stress.withLifetimeDefaults(lifetime);
      }
      s.rejectUnknown();
      if (n != null) {
        out.add(named(n, stress, item, problems));
        where.add(item.entries().getOrDefault("name", item));
      }
    }
    c.optMap("grid").ifPresent(g -> {
      List<Named> grid = grid(g, problems);
      out.addAll(grid);
      grid.forEach(x -> where.add(g.node()));
    });
    c.rejectUnknown();
    if (out.isEmpty() && problems.isEmpty()) {
      problems.add(root, "expected 'scenarios' or a 'grid' with at least one scenario");
    }
    Map<String, YamlNode> seen = new HashMap<>();
    for (int i = 0; i < out.size(); i++) {
      Named n = out.get(i);
      if (n == null) {
        continue;
      }
      YamlNode first = seen.putIfAbsent(n.name(), where.get(i));
      if (first != null) {
        problems.add(where.get(i), "scenario '" + n.name() + "' is named on line " + first.line()
            + " already; names must be unique (they name folders)");
      }
    }
    if (!problems.isEmpty()) {
      throw new ScenarioException(problems.messages());
    }
    return new StressSet(name, out);
  }

  private static Named named(String name, Stress stress, YamlNode at, Problems problems) {
    try {
      return new Named(name, stress);
    } catch (IllegalArgumentException e) {
      problems.add(at, e.getMessage());
      return null;
    }
  }

  /** A shock and its label in scenario names. */
  private record Labelled(Shock shock, String token) {
  }

  /** A shock written {@code {relative: -20%}}, {@code {absolute: -25bp}} or {@code {multiplier: 2}}. */
  private static Shock shock(MapCursor m, String key) {
    List<Labelled> values = shocks(m, key);
    if (values.size() != 1) {
      if (!values.isEmpty()) {
        m.problems().add(m.node(), "expected one value; lists belong in a grid");
      }
      return null;
    }
    return values.get(0).shock();
  }

  /** The shocks of one key: one value, or a list of them (a grid axis). */
  private static List<Labelled> shocks(MapCursor m, String key) {
    if (m.node().kind() != YamlNode.Kind.MAP) {
      // reported by the cursor: a shock is a map
      return List.of();
    }
    int before = m.problems().size();
    String kind = null;
    for (String k : List.of("relative", "absolute", "multiplier")) {
      if (m.has(k)) {
        if (kind != null) {
          m.problem(k, "give one of relative, absolute or multiplier, not both " + kind + " and " + k);
        }
        kind = k;
      }
    }
    m.rejectUnknown();
    if (kind == null) {
      if (m.problems().size() == before) {
        m.problems().add(m.node(), key + ": expected {relative: x}, {absolute: x} or {multiplier: x}");
      }
      return List.of();
    }
    YamlNode v = m.node(kind).orElseThrow();
    List<YamlNode> items = v.kind() == YamlNode.Kind.LIST ? v.items() : List.of(v);
    if (items.isEmpty()) {
      m.problems().add(v, key + ": expected at least one value in the list");
      return List.of();
    }
    List<Labelled> out = new ArrayList<>();
    String k = key.replace('_', '-');
    for (YamlNode item : items) {
      double x = "multiplier".equals(kind) ? m.rateValue(item, key, 0, 1000)
          : m.rateValue(item, key, "relative".equals(kind) ? -1 : -10, 1000);
      if (Double.isNaN(x)) {
        continue;
      }
      out.add(switch (kind) {
        case "relative" -> new Labelled(Shock.relative(x),
            k + "-" + sign(x) + fmt(Math.abs(x) * 100) + "pct");
        case "absolute" -> new Labelled(Shock.absolute(x),
            k + "-" + sign(x) + fmt(Math.abs(x) * 1e4) + "bp");
        default -> new Labelled(Shock.multiplier(x), k + "-x" + fmt(x));
      });
    }
    return m.problems().size() > before ? List.of() : out;
  }

  /** The most scenarios a stress file may have (each is a full Monte Carlo run). */
  public static final int MAX_SCENARIOS = 1000;

  /** The cartesian product of the grid's axes, each scenario named after its values. */
  private static List<Named> grid(MapCursor g, Problems problems) {
    List<Named> combos = new ArrayList<>();
    combos.add(new Named("base", Stress.NONE));
    List<String> labels = new ArrayList<>(List.of(""));
    for (Stress.Target k : Stress.Target.values()) {
      List<Labelled> axis = g.optMap(k.key()).map(m -> shocks(m, k.key())).orElse(List.of());
      if (axis.isEmpty()) {
        continue;
      }
      long size = (long) combos.size() * axis.size();
      if (size > MAX_SCENARIOS) {
        problems.add(g.node(), "the grid makes " + size + " or more scenarios; a stress file may"
            + " have at most " + MAX_SCENARIOS);
        return List.of();
      }
      List<Named> next = new ArrayList<>();
      List<String> nextLabels = new ArrayList<>();
      for (int i = 0; i < combos.size(); i++) {
        for (Labelled s : axis) {
          String label = labels.get(i) + (labels.get(i).isEmpty() ? "" : "_") + s.token();
          next.add(new Named(label, combos.get(i).stress().with(k, s.shock())));
          nextLabels.add(label);
        }
      }
      combos = next;
      labels = nextLabels;
    }
    g.rejectUnknown();
    List<Named> out = new ArrayList<>();
    for (int i = 0; i < combos.size(); i++) {
      out.add(new Named(labels.get(i).isEmpty() ? "base" : labels.get(i), combos.get(i).stress()));
    }
    return out;
  }

  private static String sign(double v) {
    return v < 0 ? "m" : "p";
  }

  private static String fmt(double x) {
    return x == Math.rint(x) ? Long.toString((long) x)
        : String.format(Locale.ROOT, "%.4f", x).replaceAll("0+$", "");
  }
}
