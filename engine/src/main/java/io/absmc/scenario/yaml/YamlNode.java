package io.absmc.scenario.yaml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One value of a YAML document with the line it starts on and its field path from the root
 * ({@code tranches[1].coupon}). Built by {@link YamlDocument}; immutable once built.
 */
public final class YamlNode {

  /** What a node holds. */
  public enum Kind {
    MAP, LIST, STRING, NUMBER, BOOLEAN, NULL
  }

  private final Kind kind;
  private final String path;
  private final int line;
  private final String text;
  private final Map<String, YamlNode> entries;
  private final Map<String, Integer> keyLines;
  private final List<YamlNode> items;
  /** Values in this subtree, itself included. */
  private final long values;
  /** A value that could not be read and whose problem is already reported (an unknown alias). */
  private boolean reported;

  private YamlNode(Kind kind, String path, int line, String text, Map<String, YamlNode> entries,
      Map<String, Integer> keyLines, List<YamlNode> items) {
    long n = 1;
    for (YamlNode v : entries.values()) {
      n += v.values;
    }
    for (YamlNode v : items) {
      n += v.values;
    }
    this.values = n;
    this.kind = kind;
    this.path = path;
    this.line = line;
    this.text = text;
    this.entries = entries;
    this.keyLines = keyLines;
    this.items = items;
  }

  static YamlNode scalar(Kind kind, String path, int line, String text) {
    return new YamlNode(kind, path, line, text, Map.of(), Map.of(), List.of());
  }

  /** A value whose problem is already reported: nothing, and not to be reported missing. */
  static YamlNode reported(String path, int line) {
    YamlNode n = scalar(Kind.NULL, path, line, null);
    n.reported = true;
    return n;
  }

  /** Whether this stands for a value whose problem is already reported. */
  boolean reported() {
    return reported;
  }

  static YamlNode map(String path, int line, LinkedHashMap<String, YamlNode> entries,
      LinkedHashMap<String, Integer> keyLines) {
    return new YamlNode(Kind.MAP, path, line, null, Collections.unmodifiableMap(entries),
        Collections.unmodifiableMap(keyLines), List.of());
  }

  static YamlNode list(String path, int line, List<YamlNode> items) {
    return new YamlNode(Kind.LIST, path, line, null, Map.of(), Map.of(), List.copyOf(items));
  }

  public Kind kind() {
    return kind;
  }

  /** Field path from the document root, empty for the root itself. */
  public String path() {
    return path;
  }

  /** 1-based line on which the value starts. */
  public int line() {
    return line;
  }

  /** The scalar's text as written (null for maps and lists). */
  public String text() {
    return text;
  }

  /** Entries of a map in document order (empty for other kinds). */
  public Map<String, YamlNode> entries() {
    return entries;
  }

  /** Line of a map key (for messages about the key itself). */
  public int keyLine(String key) {
    return keyLines.getOrDefault(key, line);
  }

  /** Items of a list (empty for other kinds). */
  public List<YamlNode> items() {
    return items;
  }

  /** The number of values in this subtree, itself included (an alias of it copies that many). */
  long values() {
    return values;
  }

  public boolean isScalar() {
    return kind != Kind.MAP && kind != Kind.LIST;
  }

  /** A short name of the kind for messages: "a map", "a list", "a number", ... */
  public String describe() {
    return switch (kind) {
      case MAP -> "a map";
      case LIST -> "a list";
      case STRING -> "'" + text + "'";
      case NUMBER, BOOLEAN -> text;
      case NULL -> "nothing";
    };
  }

  /** A copy of this value placed at another path (for YAML aliases); lines stay those of the anchor. */
  YamlNode withPath(String newPath) {
    return switch (kind) {
      case MAP -> {
        LinkedHashMap<String, YamlNode> e = new LinkedHashMap<>();
        entries.forEach((k, v) -> e.put(k, v.withPath(child(newPath, k))));
        yield map(newPath, line, e, new LinkedHashMap<>(keyLines));
      }
      case LIST -> {
        java.util.List<YamlNode> copy = new java.util.ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
          copy.add(items.get(i).withPath(item(newPath, i)));
        }
        yield list(newPath, line, copy);
      }
      default -> scalar(kind, newPath, line, text);
    };
  }

  static String child(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }

  static String item(String parent, int index) {
    return parent + "[" + index + "]";
  }
}
