package io.absmc.engine;

import io.absmc.scenario.Term;

/** Day offsets of monthly instalments from origination, tabulated for the hot loop. */
final class InstalmentDays {

  private static final int MAX_MONTHS = 1200;
  private static final int[] DAYS = new int[MAX_MONTHS + 1];

  static {
    for (int k = 0; k <= MAX_MONTHS; k++) {
      DAYS[k] = Term.instalmentDay(k);
    }
  }

  private InstalmentDays() {
  }

  /** Day of the k-th instalment (k = 0 is origination). */
  static int of(int k) {
    return DAYS[k];
  }
}
