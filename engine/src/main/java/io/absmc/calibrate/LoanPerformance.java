package io.absmc.calibrate;

import io.absmc.scenario.ScenarioException;
import io.absmc.scenario.yaml.Problems;
import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a static-pool table from loan-level performance data in the layout of the publicly
 * known consumer-lending loan data: one row per loan with {@code issue_d} (origination month:
 * {@code Dec-2015}, {@code 2015-12} or {@code 2015-12-01}), {@code funded_amnt}, {@code term}
 * ({@code 36 months} or {@code 36}), {@code int_rate} ({@code 13.56%}, or a number: above 1 a
 * percentage), {@code loan_status}, {@code last_pymnt_d} (empty when nothing was paid) and
 * {@code recoveries}; other columns are ignored.
 *
 * <p>Each loan is a level-pay loan on its schedule. {@code Fully Paid} before the term is a full
 * prepayment in the month of the last payment, of the balance left after the instalment before it;
 * {@code Charged Off} or {@code Default} is a default in the month after the last payment, of the
 * balance left then, with its recoveries in that month (the data carry no recovery dates, so the
 * recovery lag cannot be identified from them); {@code Current}, {@code In Grace Period} and
 * {@code Late (...)} loans perform. The data's date is the latest last payment month (or
 * {@code asOf}); each vintage is observed to it.
 */
public final class LoanPerformance {

  static final List<String> REQUIRED = List.of("issue_d", "funded_amnt", "term", "int_rate",
      "loan_status", "last_pymnt_d", "recoveries");

  private static final DateTimeFormatter MON_YYYY =
      DateTimeFormatter.ofPattern("MMM-yyyy", Locale.ENGLISH);

  private LoanPerformance() {
  }

  /**
   * Whether a table's header (CSV or Parquet) is this layout's: it names {@code loan_status} and
   * {@code issue_d}, or the columns {@code columns} maps them to.
   */
  public static boolean isLoanLevel(Path file, Map<String, String> columns) {
    try {
      List<String> header = java.util.Arrays.stream(TableRows.header(file))
          .map(h -> h.replace("\uFEFF", "").trim()).toList();
      return header.contains(columns.getOrDefault("loan_status", "loan_status"))
          && header.contains(columns.getOrDefault("issue_d", "issue_d"));
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private record Loan(int line, YearMonth issued, double amount, int term, double rate,
      String status, YearMonth lastPayment, double recoveries) {
  }

  /** The vintages of a loan-level file in the layout's own column names. */
  public static List<Vintage> read(Path file, YearMonth asOf) {
    return read(file, asOf, Map.of());
  }

  /**
   * The vintages of a loan-level file, in order of origination month.
   *
   * @param columns the file's name of each of the layout's columns that it names otherwise
   *     ({@code issue_d -> orig_month}); a name not among the layout's is a problem
   */
  public static List<Vintage> read(Path file, YearMonth asOf, Map<String, String> columns) {
    Problems problems = new Problems(file.toString());
    List<Loan> loans = new ArrayList<>();
    TableRows.guarded(problems, "loan performance file", () -> TableRows.read(file, problems,
        "the loan performance file is empty", header -> columns(header, columns, problems),
        (r, col, line) -> {
          Loan loan = loan(r, col, line, problems);
          if (loan != null) {
            loans.add(loan);
          }
        }));
    if (problems.isEmpty() && loans.isEmpty()) {
      problems.add(1, "", "the loan performance file has no loans");
    }
    if (!problems.isEmpty()) {
      throw new ScenarioException(problems.messages());
    }
    YearMonth date = asOf;
    if (date == null) {
      for (Loan l : loans) {
        if (l.lastPayment() != null && (date == null || l.lastPayment().isAfter(date))) {
          date = l.lastPayment();
        }
      }
    }
    if (date == null) {
      throw new ScenarioException(List.of(file + ":1: last_pymnt_d: no loan has a last payment"
          + " date to date the data by; give --as-of"));
    }
    return vintages(loans, date);
  }

  /** The layout's columns' positions in a header, renamed by {@code mapping}; null on problems. */
  private static Map<String, Integer> columns(String[] header, Map<String, String> mapping,
      Problems problems) {
    Map<String, Integer> found = new HashMap<>();
    for (int i = 0; i < header.length; i++) {
      found.put(header[i].replace("\uFEFF", "").trim(), i);
    }
    for (String c : mapping.keySet()) {
      if (!REQUIRED.contains(c)) {
        problems.add(1, "", "--column " + c + "=" + mapping.get(c) + ": '" + c + "' is not a"
            + " column of the layout (" + String.join(", ", REQUIRED) + ")");
      }
    }
    Map<String, Integer> col = new HashMap<>();
    for (String c : REQUIRED) {
      String name = mapping.getOrDefault(c, c);
      if (!found.containsKey(name)) {
        problems.add(1, "", "missing column '" + name + "'"
            + (name.equals(c) ? "" : " (mapped to " + c + ")"));
      } else {
        col.put(c, found.get(name));
      }
    }
    return problems.isEmpty() ? col : null;
  }

  private static Loan loan(String[] r, Map<String, Integer> col, int line, Problems problems) {
    int before = problems.size();
    YearMonth issued = month(cell(r, col, "issue_d"), "issue_d", line, problems, false);
    double amount = number(cell(r, col, "funded_amnt"), "funded_amnt", line, problems);
    String termText = cell(r, col, "term").replace("months", "").trim();
    int term = 0;
    try {
      term = Integer.parseInt(termText);
    } catch (NumberFormatException e) {
      problems.add(line, "term", "expected a term in months ('36 months'), found '"
          + cell(r, col, "term") + "'");
    }
    String rateText = cell(r, col, "int_rate");
    double rate = number(rateText.replace("%", "").trim(), "int_rate", line, problems);
    if (rateText.contains("%") || rate > 1) {
      rate /= 100;
    }
    String status = cell(r, col, "loan_status")
        .replaceFirst("^Does not meet the credit policy\\. Status:", "").trim();
    if (!(status.equals("Fully Paid") || status.equals("Charged Off") || status.equals("Default")
        || status.equals("Current") || status.equals("In Grace Period")
        || status.startsWith("Late ("))) {
      problems.add(line, "loan_status", "expected Fully Paid, Charged Off, Default, Current, In"
          + " Grace Period or Late (...), found '" + status + "'");
    }
    YearMonth last = month(cell(r, col, "last_pymnt_d"), "last_pymnt_d", line, problems, true);
    String rec = cell(r, col, "recoveries");
    double recoveries = rec.isEmpty() ? 0 : number(rec, "recoveries", line, problems);
    if (problems.size() > before) {
      return null;
    }
    if (amount <= 0 || term <= 0 || rate < 0 || recoveries < 0) {
      problems.add(line, amount <= 0 ? "funded_amnt" : term <= 0 ? "term" : rate < 0 ? "int_rate"
          : "recoveries", "expected a positive amount, term and rate, and recoveries of at least"
          + " 0");
      return null;
    }
    if (last != null && last.isBefore(issued)) {
      problems.add(line, "last_pymnt_d", "expected a month on or after issue_d " + issued
          + ", found " + last);
      return null;
    }
    return new Loan(line, issued, amount, term, rate, status, last, recoveries);
  }

  /** The static-pool table: each vintage's loans on their schedules to the data's date. */
  private static List<Vintage> vintages(List<Loan> loans, YearMonth asOf) {
    Map<YearMonth, List<Loan>> byMonth = new TreeMap<>();
    for (Loan l : loans) {
      byMonth.computeIfAbsent(l.issued(), k -> new ArrayList<>()).add(l);
    }
    List<Vintage> out = new ArrayList<>();
    for (Map.Entry<YearMonth, List<Loan>> e : byMonth.entrySet()) {
      int seen = (int) java.time.temporal.ChronoUnit.MONTHS.between(e.getKey(), asOf);
      int longest = e.getValue().stream().mapToInt(Loan::term).max().orElse(0);
      int months = Math.min(seen, longest);
      if (months < 1) {
        continue;
      }
      double original = 0;
      double[] outstanding = new double[months];
      double[] dd = new double[months];
      double[] dp = new double[months];
      double[] dr = new double[months];
      for (Loan l : e.getValue()) {
        original += l.amount();
        int lastPaid = l.lastPayment() == null ? 0
            : (int) java.time.temporal.ChronoUnit.MONTHS.between(l.issued(), l.lastPayment());
        boolean defaulted = l.status().equals("Charged Off") || l.status().equals("Default");
        boolean repaid = l.status().equals("Fully Paid");
        int end = defaulted ? Math.min(lastPaid + 1, l.term())
            : repaid && lastPaid < l.term() ? Math.max(1, lastPaid) : Integer.MAX_VALUE;
        for (int m = 1; m <= months; m++) {
          if (m < end) {
            outstanding[m - 1] += balance(l, m);
          } else if (m == end) {
            double opening = balance(l, m - 1);
            if (defaulted) {
              dd[m - 1] += opening;
              dr[m - 1] += Math.min(l.recoveries(), opening);
            } else {
              dp[m - 1] += opening;
            }
          }
        }
      }
      double[] cd = new double[months];
      double[] cp = new double[months];
      double[] cr = new double[months];
      for (int m = 0; m < months; m++) {
        cd[m] = dd[m] + (m == 0 ? 0 : cd[m - 1]);
        cp[m] = dp[m] + (m == 0 ? 0 : cp[m - 1]);
        cr[m] = dr[m] + (m == 0 ? 0 : cr[m - 1]);
      }
      out.add(new Vintage(e.getKey().toString(), original, outstanding, cd, cp, cr));
    }
    return out;
  }

  /** The scheduled balance of a level-pay loan after m instalments (0 from its term on). */
  static double balance(Loan l, int m) {
    int n = l.term();
    if (m >= n) {
      return 0;
    }
    double i = l.rate() / 12;
    if (i == 0) {
      return l.amount() * (n - m) / n;
    }
    double g = Math.pow(1 + i, n);
    return l.amount() * (g - Math.pow(1 + i, m)) / (g - 1);
  }

  private static String cell(String[] row, Map<String, Integer> col, String name) {
    Integer i = col.get(name);
    return i == null || i >= row.length ? "" : row[i].trim();
  }

  private static double number(String text, String name, int line, Problems problems) {
    double x = io.absmc.util.Decimal.parse(text);
    if (Double.isNaN(x)) {
      problems.add(line, name, "expected a number, found '" + text + "'");
    }
    return x;
  }

  private static YearMonth month(String text, String name, int line, Problems problems,
      boolean optional) {
    if (text.isEmpty()) {
      if (!optional) {
        problems.add(line, name, "expected a month, found nothing");
      }
      return null;
    }
    try {
      if (text.matches("\\d{4}-\\d{2}")) {
        return YearMonth.parse(text);
      }
      if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return YearMonth.from(java.time.LocalDate.parse(text));
      }
      return YearMonth.parse(text.substring(0, 1).toUpperCase(Locale.ROOT)
          + text.substring(1).toLowerCase(Locale.ROOT), MON_YYYY);
    } catch (DateTimeParseException | IndexOutOfBoundsException e) {
      problems.add(line, name, "expected a month (Dec-2015, 2015-12 or 2015-12-01), found '"
          + text + "'");
      return null;
    }
  }
}
