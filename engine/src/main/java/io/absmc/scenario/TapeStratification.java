package io.absmc.scenario;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A loan tape's stratification, as an analyst reads it: loans and balance by segment, term, age
 * band, interest-rate band, performance key and (when the tape gives them) per-loan default-rate
 * band, each line with its share of the balance and its balance-weighted average rate, age and
 * remaining term. Accumulated loan by loan while the tape is read.
 */
public final class TapeStratification {

  /** The dimensions, in the order they are shown. */
  public static final List<String> DIMENSIONS = List.of("segment", "term", "age", "rate",
      "performance_key", "default_rate");

  /**
   * One line: a bucket of one dimension.
   *
   * @param remainingDays balance-weighted remaining term in days
   * @param defaultRate balance-weighted per-loan default rate (NaN when the tape gives none)
   */
  public record Line(String dimension, String bucket, long loans, double balance, double share,
      double rate, double ageDays, double remainingDays, double defaultRate) {
  }

  /** Sums of one bucket; sorted by {@code order} then label. */
  private static final class Sums {
    final double order;
    long loans;
    double balance;
    double rate;
    double age;
    double remaining;
    double defaults;

    Sums(double order) {
      this.order = order;
    }
  }

  private static final int[] AGE_BANDS = {30, 90, 180, 365};
  private static final String[] AGE_LABELS = new String[AGE_BANDS.length + 1];

  static {
    for (int b = 0; b <= AGE_BANDS.length; b++) {
      AGE_LABELS[b] = ageLabel(b);
    }
  }

  private final Map<Term, String> termLabels = new java.util.HashMap<>();
  private final Map<Integer, String> rateLabels = new java.util.HashMap<>();
  private final Map<Integer, String> defaultLabels = new java.util.HashMap<>();

  private final LocalDate poolDate;
  private final List<Map<String, Sums>> byDimension = new ArrayList<>();
  private long loans;
  private double balance;
  private boolean keyed;
  private boolean ownDefaults;

  /** @param poolDate the cut-off date (null: month terms counted at 365/12 days a month) */
  public TapeStratification(LocalDate poolDate) {
    this.poolDate = poolDate;
    for (int i = 0; i < DIMENSIONS.size(); i++) {
      byDimension.add(new java.util.HashMap<>());
    }
  }

  void add(LoanTape.Loan loan) {
    Term term = loan.term();
    double remaining = (poolDate == null && term.inMonths()
        ? Math.round(term.months() * 365.0 / 12) : loan.termDays()) - loan.ageDays();
    loans++;
    balance += loan.balance();
    keyed |= !loan.key().isEmpty();
    ownDefaults |= !Double.isNaN(loan.defaultRate());
    add(0, loan.kind(), 0, loan, remaining);
    add(1, termLabels.computeIfAbsent(term, Term::toString),
        term.inMonths() ? 100_000 + term.months() : term.days(), loan, remaining);
    int band = 0;
    while (band < AGE_BANDS.length && loan.ageDays() >= AGE_BANDS[band]) {
      band++;
    }
    add(2, AGE_LABELS[band], band, loan, remaining);
    int pct = (int) Math.floor(loan.rate() * 100 + 1e-9);
    add(3, rateLabels.computeIfAbsent(pct, p -> p + "%-" + (p + 1) + "%"), pct, loan, remaining);
    if (!loan.key().isEmpty()) {
      add(4, loan.key(), 0, loan, remaining);
    }
    if (!Double.isNaN(loan.defaultRate())) {
      int b = (int) Math.floor(loan.defaultRate() / LoanTape.RATE_BAND + 1e-9);
      add(5, defaultLabels.computeIfAbsent(b, x -> percent(x * LoanTape.RATE_BAND) + "-"
          + percent((x + 1) * LoanTape.RATE_BAND)), b, loan, remaining);
    }
  }

  private void add(int dimension, String label, double order, LoanTape.Loan loan,
      double remaining) {
    Map<String, Sums> m = byDimension.get(dimension);
    Sums s = m.get(label);
    if (s == null) {
      s = new Sums(order);
      m.put(label, s);
    }
    double b = loan.balance();
    s.loans++;
    s.balance += b;
    s.rate += b * loan.rate();
    s.age += b * loan.ageDays();
    s.remaining += b * remaining;
    s.defaults += b * loan.defaultRate();
  }

  private static String ageLabel(int band) {
    if (band == 0) {
      return "0-" + (AGE_BANDS[0] - 1) + " days";
    }
    if (band == AGE_BANDS.length) {
      return AGE_BANDS[band - 1] + "+ days";
    }
    return AGE_BANDS[band - 1] + "-" + (AGE_BANDS[band] - 1) + " days";
  }

  private static String percent(double x) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * x);
  }

  public long loans() {
    return loans;
  }

  public double balance() {
    return balance;
  }

  /** Every line: the dimensions in order (those the tape has), buckets in their natural order. */
  public List<Line> lines() {
    List<Line> out = new ArrayList<>();
    for (int d = 0; d < DIMENSIONS.size(); d++) {
      if ((d == 4 && !keyed) || (d == 5 && !ownDefaults)) {
        continue;
      }
      List<Map.Entry<String, Sums>> buckets = new ArrayList<>(byDimension.get(d).entrySet());
      buckets.sort(Map.Entry.<String, Sums>comparingByValue(
          java.util.Comparator.comparingDouble(x -> x.order)).thenComparing(Map.Entry.comparingByKey()));
      for (Map.Entry<String, Sums> e : buckets) {
        Sums s = e.getValue();
        String label = e.getKey();
        out.add(new Line(DIMENSIONS.get(d), label, s.loans, s.balance, s.balance / balance,
            s.rate / s.balance, s.age / s.balance, s.remaining / s.balance,
            ownDefaults ? s.defaults / s.balance : Double.NaN));
      }
    }
    return out;
  }
}
