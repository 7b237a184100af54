package io.absmc.scenario.yaml;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;

/**
 * Reads one YAML document with SnakeYAML's event parser into a tree of {@link YamlNode}s that
 * remember their line and field path, so that every later message can say where a value is.
 * Anchors and aliases ({@code &consumer}, {@code *consumer}) are resolved, on scalars as on maps
 * and lists: an alias is a copy of the anchored value, with lines pointing at the anchor. Syntax
 * errors, duplicate keys and a second document are reported to {@link Problems}, not thrown.
 *
 * <p>A plain scalar is a number only when it is written as a decimal ({@code 12}, {@code -0.5},
 * {@code 1e6}); {@code .inf}, {@code .nan}, hexadecimal and the like stay text, which the number
 * fields then refuse with a message. Limits, each reported with its figure rather than run into:
 * {@link #MAX_VALUES} values after aliases are expanded (a "billion laughs" chain of aliases
 * would otherwise grow without bound), {@link #MAX_DEPTH} levels of nesting and {@link
 * #MAX_TEXT} characters in one value.
 */
public final class YamlDocument {

  /** The most values (map entries, list items, scalars) a document may hold, aliases expanded. */
  public static final int MAX_VALUES = 200_000;

  /** The deepest nesting of maps and lists. */
  public static final int MAX_DEPTH = 64;

  /** The longest text of one value, in characters. */
  public static final int MAX_TEXT = 100_000;

  private static final Pattern DECIMAL = io.absmc.util.Decimal.PATTERN;
  private static final Pattern BOOLEAN = Pattern.compile("true|True|TRUE|false|False|FALSE");
  private static final Pattern NULL = Pattern.compile("|~|null|Null|NULL");

  private YamlDocument() {
  }

  /** Parses text; returns the root, or null when the text is not usable YAML (problems recorded). */
  public static YamlNode parse(String text, Problems problems) {
    return parse(new StringReader(text), problems);
  }

  /** Parses from a reader; returns the root, or null when the input is not usable YAML. */
  public static YamlNode parse(Reader reader, Problems problems) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Integer.MAX_VALUE);
    options.setAllowDuplicateKeys(true);
    Reading r = new Reading(new Yaml(options).parse(reader).iterator(), problems);
    try {
      return r.document();
    } catch (TooLarge e) {
      problems.add(e.line, "", e.getMessage());
      return null;
    } catch (MarkedYAMLException e) {
      // the construct left open (a quote, a bracket) is where the mistake is: its line first
      Mark context = e.getContextMark();
      Mark problem = e.getProblemMark();
      Mark at = context != null ? context : problem;
      boolean apart = context != null && problem != null && problem.getLine() != context.getLine();
      problems.add(at == null ? 1 : at.getLine() + 1, "", "not valid YAML: "
          + (e.getContext() == null ? "" : e.getContext().trim() + "; ")
          + (e.getProblem() == null ? "" : e.getProblem().trim())
          + (apart ? " (line " + (problem.getLine() + 1) + ")" : ""));
      return null;
    } catch (YAMLException e) {
      problems.add(1, "", "not valid YAML: " + oneLine(e.getMessage()));
      return null;
    }
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("\\s+", " ").trim();
  }

  /** A limit exceeded: the reading stops with one problem. */
  private static final class TooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int line;

    TooLarge(int line, String message) {
      super(message, null, false, false);
      this.line = line;
    }
  }

  /** One pass over a document's events. */
  private static final class Reading {
    private final Iterator<Event> events;
    private final Problems problems;
    private final Map<String, YamlNode> anchors = new HashMap<>();
    private long values;

    Reading(Iterator<Event> events, Problems problems) {
      this.events = events;
      this.problems = problems;
    }

    private Event next() {
      return events.next();
    }

    private static int line(Event e) {
      return e.getStartMark() == null ? 1 : e.getStartMark().getLine() + 1;
    }

    YamlNode document() {
      Event e = next();
      if (e.is(Event.ID.StreamStart)) {
        e = next();
      }
      if (e.is(Event.ID.StreamEnd)) {
        problems.add(1, "", "the file is empty");
        return null;
      }
      // DocumentStart
      YamlNode root = node(next(), "", 0);
      next(); // DocumentEnd
      Event after = next();
      if (after.is(Event.ID.DocumentStart)) {
        problems.add(line(after), "", "a second YAML document starts here; a file holds one"
            + " (remove the '---' and what follows, or put it in a file of its own)");
      }
      if (root.kind() == YamlNode.Kind.NULL) {
        problems.add(1, "", "the file is empty");
        return null;
      }
      return root;
    }

    private void count(int line, long more) {
      values += more;
      if (values > MAX_VALUES) {
        throw new TooLarge(line, "the document holds more than " + MAX_VALUES
            + " values once its aliases are expanded (aliases of aliases multiply); absmc reads"
            + " at most that many");
      }
    }

    private YamlNode node(Event e, String path, int depth) {
      int line = line(e);
      if (e instanceof AliasEvent alias) {
        YamlNode target = anchors.get(alias.getAnchor());
        if (target == null) {
          problems.add(line, path, "unknown alias '*" + alias.getAnchor() + "' (an alias refers"
              + " to an anchor given before it)");
          return YamlNode.reported(path, line);
        }
        count(line, target.values());
        return target.withPath(path);
      }
      if (depth > MAX_DEPTH) {
        throw new TooLarge(line, "values nested more than " + MAX_DEPTH + " deep; absmc reads"
            + " at most that many levels");
      }
      count(line, 1);
      YamlNode node;
      if (e instanceof ScalarEvent s) {
        if (s.getValue().length() > MAX_TEXT) {
          throw new TooLarge(line, (path.isEmpty() ? "" : path + ": ") + "a value of "
              + s.getValue().length() + " characters; absmc reads at most " + MAX_TEXT);
        }
        YamlNode.Kind kind = kind(s);
        node = YamlNode.scalar(kind, path, line, kind == YamlNode.Kind.NULL ? null : s.getValue());
      } else if (e instanceof MappingStartEvent) {
        node = map(path, line, depth);
      } else if (e instanceof SequenceStartEvent) {
        node = list(path, line, depth);
      } else {
        problems.add(line, path, "unexpected YAML content " + e.getEventId());
        node = YamlNode.scalar(YamlNode.Kind.NULL, path, line, null);
      }
      String anchor = e instanceof NodeEvent n ? n.getAnchor() : null;
      if (anchor != null) {
        anchors.put(anchor, node);
      }
      return node;
    }

    private YamlNode map(String path, int line, int depth) {
      LinkedHashMap<String, YamlNode> entries = new LinkedHashMap<>();
      LinkedHashMap<String, Integer> keyLines = new LinkedHashMap<>();
      Event e;
      while (!(e = next()).is(Event.ID.MappingEnd)) {
        int keyLine = line(e);
        String key;
        if (e instanceof ScalarEvent s) {
          key = s.getValue();
        } else {
          problems.add(keyLine, path, "expected a field name but found "
              + (e instanceof CollectionStartEvent ? "a map or a list" : "an alias"));
          skip(e);
          key = null;
        }
        YamlNode value = node(next(), key == null ? path : YamlNode.child(path, key), depth + 1);
        if (key == null) {
          continue;
        }
        if (entries.containsKey(key)) {
          problems.add(keyLine, YamlNode.child(path, key),
              "duplicate field (first given on line " + keyLines.get(key) + ")");
        } else {
          entries.put(key, value);
          keyLines.put(key, keyLine);
        }
      }
      return YamlNode.map(path, line, entries, keyLines);
    }

    private YamlNode list(String path, int line, int depth) {
      List<YamlNode> items = new ArrayList<>();
      Event e;
      while (!(e = next()).is(Event.ID.SequenceEnd)) {
        items.add(node(e, YamlNode.item(path, items.size()), depth + 1));
      }
      return YamlNode.list(path, line, items);
    }

    /** Skips a collection used where a key was expected. */
    private void skip(Event start) {
      if (!(start instanceof CollectionStartEvent)) {
        return;
      }
      int open = 1;
      while (open > 0) {
        Event e = next();
        if (e instanceof CollectionStartEvent) {
          open++;
        } else if (e.is(Event.ID.MappingEnd) || e.is(Event.ID.SequenceEnd)) {
          open--;
        }
      }
    }

    /**
     * A scalar's kind: quoted or tagged text is text; a plain scalar is null, a boolean or a
     * decimal number by its spelling, else text.
     */
    private static YamlNode.Kind kind(ScalarEvent s) {
      String tag = s.getTag();
      String v = s.getValue();
      if (tag != null && !tag.equals("!")) {
        boolean numeric = tag.endsWith(":int") || tag.endsWith(":float") || tag.equals("!!int")
            || tag.equals("!!float");
        return numeric && DECIMAL.matcher(v).matches() ? YamlNode.Kind.NUMBER
            : YamlNode.Kind.STRING;
      }
      if (s.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) {
        return YamlNode.Kind.STRING;
      }
      if (NULL.matcher(v).matches()) {
        return YamlNode.Kind.NULL;
      }
      if (BOOLEAN.matcher(v).matches()) {
        return YamlNode.Kind.BOOLEAN;
      }
      return DECIMAL.matcher(v).matches() ? YamlNode.Kind.NUMBER : YamlNode.Kind.STRING;
    }
  }
}
