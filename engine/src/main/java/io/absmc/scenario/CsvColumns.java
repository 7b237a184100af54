package io.absmc.scenario;

import io.absmc.scenario.yaml.Problems;
import io.absmc.util.Names;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The columns of a table's header row, checked against the names a reader knows. */
public final class CsvColumns {

  private CsvColumns() {
  }

  /**
   * Each known column's position; null, with a problem for each, when a column is unknown (with
   * the nearest known name as a hint) or given twice. A byte-order mark before the first name, as
   * spreadsheets write, is dropped.
   */
  public static Map<String, Integer> index(String[] header, List<String> known,
      Problems problems) {
    Map<String, Integer> col = new HashMap<>();
    boolean ok = true;
    for (int i = 0; i < header.length; i++) {
      String name = (i == 0 ? header[i].replace("\uFEFF", "") : header[i]).trim();
      if (!known.contains(name)) {
        String hint = Names.nearest(name, known).map(n -> " (did you mean '" + n + "'?)")
            .orElse("");
        problems.add(1, name, "unknown column" + hint + "; columns: " + String.join(", ", known));
        ok = false;
      } else if (col.put(name, i) != null) {
        problems.add(1, name, "column given twice");
        ok = false;
      }
    }
    return ok ? col : null;
  }
}
