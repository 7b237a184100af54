package io.absmc.scenario;

import io.absmc.scenario.yaml.Labelled;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Day-count conventions for bond interest and fee accrual. */
public enum DayCount implements Labelled {
  /** Actual days / 365, whatever the year (the default; ISDA 2006 section 4.16(d)). */
  ACT_365F("ACT/365F") {
    @Override
    public double yearFraction(LocalDate start, LocalDate end) {
      return ChronoUnit.DAYS.between(start, end) / 365.0;
    }
  },
  /** Actual days / 360 (ISDA 2006 section 4.16(e)). */
  ACT_360("ACT/360") {
    @Override
    public double yearFraction(LocalDate start, LocalDate end) {
      return ChronoUnit.DAYS.between(start, end) / 360.0;
    }
  },
  /** 30/360 bond basis (ISDA 2006 section 4.16(f)). */
  THIRTY_360("30/360") {
    @Override
    public double yearFraction(LocalDate start, LocalDate end) {
      int d1 = Math.min(start.getDayOfMonth(), 30);
      int d2 = end.getDayOfMonth();
      if (d2 == 31 && d1 == 30) {
        d2 = 30;
      }
      int days = 360 * (end.getYear() - start.getYear()) + 30 * (end.getMonthValue() - start.getMonthValue())
          + (d2 - d1);
      return days / 360.0;
    }
  };

  private final String label;

  DayCount(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  /** Year fraction between two dates, start inclusive and end exclusive. */
  public abstract double yearFraction(LocalDate start, LocalDate end);
}
