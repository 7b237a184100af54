package io.absmc.cashflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Text tables align by the columns a terminal gives each character. */
class TextTableTest {

  /**
   * A Chinese tranche name (four wide characters, eight columns) beside a Latin one: every row's
   * right-aligned cells end in the same terminal column.
   */
  @Test
  void wideCharactersTakeTwoColumns() {
    String table = new TextTable("tranche", "EL").row("优先级A", "0.01%").row("senior", "12.50%")
        .toString();
    String[] lines = table.split("\n");
    assertThat(lines).hasSize(4);
    int[] columns = new int[lines.length];
    for (int i = 0; i < lines.length; i++) {
      columns[i] = TextTable.displayWidth(lines[i]);
    }
    // header, rule and both rows end in the same column
    assertThat(columns[0]).isEqualTo(columns[2]).isEqualTo(columns[3]).isEqualTo(columns[1]);
    assertThat(lines[2]).isEqualTo("优先级A   0.01%");
    assertThat(TextTable.displayWidth("优先级A")).isEqualTo(7);
    assertThat(TextTable.displayWidth("ＡＢ")).isEqualTo(4);
    assertThat(TextTable.displayWidth("abc")).isEqualTo(3);
  }
}
