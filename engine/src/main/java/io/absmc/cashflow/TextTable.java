package io.absmc.cashflow;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain aligned text table for terminals: left-aligned first column, right-aligned others.
 * Columns are aligned by display width: East Asian wide and fullwidth characters (Chinese names,
 * say) take two terminal columns.
 */
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
      width[c] = displayWidth(header[c]);
      for (String[] r : rows) {
        width[c] = Math.max(width[c], displayWidth(r[c]));
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

  /**
   * The terminal columns a text takes: two for each code point of Unicode's East Asian Wide and
   * Fullwidth ranges (Hangul Jamo, CJK radicals to CJK compatibility, Hangul syllables, CJK
   * compatibility ideographs, vertical and fullwidth forms, the supplementary ideographic planes),
   * one for the others.
   */
  static int displayWidth(String text) {
    int w = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      w += wide(cp) ? 2 : 1;
      i += Character.charCount(cp);
    }
    return w;
  }

  private static boolean wide(int cp) {
    return cp >= 0x1100 && cp <= 0x115F
        || cp >= 0x2E80 && cp <= 0x303E
        || cp >= 0x3041 && cp <= 0x33FF
        || cp >= 0x3400 && cp <= 0x4DBF
        || cp >= 0x4E00 && cp <= 0x9FFF
        || cp >= 0xA000 && cp <= 0xA4CF
        || cp >= 0xAC00 && cp <= 0xD7A3
        || cp >= 0xF900 && cp <= 0xFAFF
        || cp >= 0xFE30 && cp <= 0xFE4F
        || cp >= 0xFF00 && cp <= 0xFF60
        || cp >= 0xFFE0 && cp <= 0xFFE6
        || cp >= 0x20000 && cp <= 0x3FFFD;
  }

  private static void append(StringBuilder sb, String[] cells, int[] width) {
    for (int c = 0; c < cells.length; c++) {
      String cell = cells[c];
      String pad = " ".repeat(width[c] - displayWidth(cell));
      sb.append(c == 0 ? cell + pad : pad + cell);
      sb.append(c == cells.length - 1 ? "\n" : "  ");
    }
  }
}
