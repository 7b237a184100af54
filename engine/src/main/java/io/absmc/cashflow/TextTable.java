package io.absmc.cashflow;

import java.util.ArrayList;
import java.util.List;

/** A plain aligned text table for terminals: left-aligned first column, right-aligned others. */
public final class TextTable {

  private final List<String[]> rows = new ArrayList<>();
  private final String[] header;

  public TextTable(String... header) {
    this.header = header.clone();
  }

  public TextTable row(String... cells) {
    if (cells.length != header.length) {
      throw new IllegalArgumentException("expected " + header.length + " cells, found " + cells.length);
    }
    rows.add(cells.clone());
    return this;
  }

  @Override
  public String toString() {
    int[] width = new int[header.length];
    for (int c = 0; c < header.length; c++) {
      width[c] = header[c].length();
      for (String[] r : rows) {
        width[c] = Math.max(width[c], r[c].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    append(sb, header, width);
    int total = 0;
    for (int w : width) {
      total += w + 2;
    }
    sb.append("-".repeat(Math.max(0, total - 2))).append('\n');
    for (String[] r : rows) {
      append(sb, r, width);
    }
    return sb.toString();
  }

  private static void append(StringBuilder sb, String[] cells, int[] width) {
    for (int c = 0; c < cells.length; c++) {
      String cell = cells[c];
      String pad = " ".repeat(width[c] - cell.length());
      sb.append(c == 0 ? cell + pad : pad + cell);
      sb.append(c == cells.length - 1 ? "\n" : "  ");
    }
  }
}
