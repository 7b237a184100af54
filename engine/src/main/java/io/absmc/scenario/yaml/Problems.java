package io.absmc.scenario.yaml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every problem found in one input file, each as {@code file:line: field.path: message}. Loaders
 * keep going after a problem so that a user sees all of them at once. Not thread-safe.
 */
public final class Problems {

  /** A problem; {@code group} orders files: this file's problems, then each added file's. */
  private record Entry(int group, int line, String text) {
  }

  private final String file;
  private final List<Entry> entries = new ArrayList<>();
  private int groups;

  public Problems(String file) {
    this.file = file;
  }

  /** The file name used in messages. */
  public String file() {
    return file;
  }

  /** Records a problem about the value at {@code node}. */
  public void add(YamlNode node, String message) {
    add(node.line(), node.path(), message);
  }

  /** Records a problem at a line and field path (path may be empty). */
  public void add(int line, String path, String message) {
    String where = file + ":" + line + ": ";
    entries.add(new Entry(0, line, where + (path.isEmpty() ? "" : path + ": ") + message));
  }

  /** Adds the problems found in another file (e.g. a loan tape the scenario names). */
  public void addAll(Problems other) {
    groups++;
    for (Entry e : other.entries) {
      entries.add(new Entry(groups, e.line(), e.text()));
    }
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  public int size() {
    return entries.size();
  }

  /** The messages in line order, this file's first (stable for equal lines). */
  public List<String> messages() {
    return entries.stream().sorted(Comparator.comparingInt(Entry::group).thenComparingInt(Entry::line))
        .map(Entry::text).toList();
  }
}
