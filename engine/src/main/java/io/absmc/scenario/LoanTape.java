package io.absmc.scenario;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.absmc.scenario.yaml.Problems;
import io.absmc.util.Names;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a loan tape, CSV or Parquet with one row per loan, and stratifies it into segments: loans
 * of one kind, one term, an age within the same bucket of {@code ageBucketDays} days, one
 * performance key and one band of per-loan default and prepayment rates become one segment, with
 * their total balance, their count and their balance-weighted age, interest rate and per-loan
 * rates. Rows are streamed, so a tape of millions of loans needs memory only for the strata and the
 * loan ids; alongside, a {@link TapeStratification} of the whole tape is kept for display.
 *
 * <p>Columns (any order, no others): {@code loan_id} (unique text), {@code segment} (a kind of
 * loan named in the scenario), {@code balance} (outstanding principal in RMB, &gt; 0),
 * {@code annual_rate} (decimal or with %), {@code term_days} or {@code term_months} (one per row;
 * instalment loans in months), {@code age_days} (days since origination at the cut-off date, below
 * the term) or {@code remaining_term_days} / {@code remaining_term_months} in its place (the loan
 * taken to have just paid an instalment); optional: {@code annual_default_rate} and {@code annual_prepayment_rate} (the loan's
 * own base rates, replacing its kind's curves), {@code performance_key} (a score band or other
 * key the scenario maps to assumptions). A CSV tape has a header row and no line breaks in fields;
 * a Parquet tape ({@code .parquet}) has number columns for the numbers (an empty term is a null),
 * text for the rest, and its problems are reported by row.
 */
public final class LoanTape {

  static final List<String> COLUMNS = List.of("loan_id", "segment", "balance", "annual_rate",
      "term_days", "term_months", "age_days", "remaining_term_days", "remaining_term_months",
      "annual_default_rate", "annual_prepayment_rate",
      "performance_key");

  /**
   * One stratum of the tape.
   *
   * @param key the loans' performance key ("" when the tape has none)
   * @param defaultWeighted balance times per-loan default rate, summed (NaN: not given)
   * @param prepaymentWeighted likewise for the prepayment rate
   */
  public record Stratum(String kind, Term term, int ageBucket, String key, double balance,
      long loans, double ageWeighted, double rateWeighted, double defaultWeighted,
      double prepaymentWeighted) {

    /** Balance-weighted average age in whole days. */
    public int seasoningDays() {
      return (int) Math.round(ageWeighted / balance);
    }

    /** Balance-weighted average annual rate. */
    public double annualRate() {
      return rateWeighted / balance;
    }

    /** Balance-weighted per-loan default rate, or NaN when the tape gives none. */
    public double annualDefaultRate() {
      return defaultWeighted / balance;
    }

    /** Balance-weighted per-loan prepayment rate, or NaN when the tape gives none. */
    public double annualPrepaymentRate() {
      return prepaymentWeighted / balance;
    }
  }

  /** What the tape says about one kind of loan (for template defaults). */
  public record KindTotals(double balance, long loans, double rateWeighted, Term commonestTerm) {
  }

  /** The strata in a stable order, totals by kind, and the tape's stratification. */
  public record Result(List<Stratum> strata, Map<String, KindTotals> kinds,
      TapeStratification stratification) {
  }

  /** Per-loan default and prepayment rates are grouped in bands this wide. */
  static final double RATE_BAND = 0.005;

  /** What a tape is checked against. */
  public record Rules(Set<String> kinds, Set<String> instalmentKinds, Set<String> keys,
      LocalDate poolDate) {

    /** Any kind and key: for looking at a tape without a scenario. */
    public static Rules any(LocalDate poolDate) {
      return new Rules(null, Set.of(), null, poolDate);
    }
  }

  private LoanTape() {
  }

  /** Reads a tape for its stratification only (no segments); null when it has problems. */
  public static TapeStratification stratification(Path file, Rules rules, Problems problems) {
    Result r = read(file, rules, 0, problems);
    return r == null ? null : r.stratification();
  }

  /**
   * Reads and stratifies a tape under {@code rules}; null when it has problems. With
   * {@code ageBucketDays} 0, only the stratification is kept (the result has no strata).
   */
  public static Result read(Path file, Rules rules, int ageBucketDays, Problems problems) {
    Strata strata = new Strata(ageBucketDays, rules.poolDate());
    Checker checker = new Checker(rules, problems);
    boolean parquet = isParquet(file);
    boolean ok = parquet ? ParquetTape.scan(file, checker, strata::add)
        : scanCsv(file, checker, strata::add);
    LoanIds suspects = checker.ids.suspects();
    if (ok && suspects != null) {
      // ids whose fingerprints met: read them again to tell duplicates from collisions
      Map<String, Integer> seen = new HashMap<>();
      IdSink confirm = (id, print, line) -> {
        if (suspects.contains(print) && seen.putIfAbsent(id, line) != null) {
          problems.add(line, "loan_id", "duplicate loan id '" + id + "'");
        }
      };
      if (parquet) {
        ParquetTape.scanIds(file, confirm);
      } else {
        scanCsvIds(file, confirm);
      }
    }
    if (!ok || problems.size() > checker.before) {
      return null;
    }
    return strata.result();
  }

  /** Receives each row's loan id, its fingerprint and its line (CSV) or row (Parquet). */
  interface IdSink {
    void accept(String id, long fingerprint, int line);
  }

  private static void scanCsvIds(Path file, IdSink sink) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        MappingIterator<String[]> rows = new CsvMapper().readerFor(String[].class)
            .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(reader)) {
      String[] header = rows.next();
      int idColumn = 0;
      for (int i = 0; i < header.length; i++) {
        if (header[i].replace("\uFEFF", "").trim().equals("loan_id")) {
          idColumn = i;
        }
      }
      while (true) {
        int line = rows.getParser().currentLocation().getLineNr();
        if (!rows.hasNext()) {
          break;
        }
        String[] row = rows.next();
        String id = idColumn < row.length ? row[idColumn].trim() : "";
        if (!id.isEmpty()) {
          sink.accept(id, LoanIds.fingerprint(id), line);
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("the loan tape changed while it was read: " + e.getMessage(),
          e);
    }
  }

  static boolean isParquet(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet");
  }

  /** One valid loan, as read. */
  record Loan(String kind, double balance, double rate, Term term, int ageDays, int termDays,
      double defaultRate, double prepaymentRate, String key) {
  }

  /** Accumulates the strata and the stratification of the loans read. */
  private static final class Strata {
    private record Key(String kind, Term term, int bucket, String key, int defaultBand,
        int prepaymentBand) {
    }

    /** Mutable sums of a stratum. */
    private static final class Sums {
      double balance;
      long loans;
      double age;
      double rate;
      double defaults;
      double prepayments;
    }

    private final int bucketDays;
    private final Map<Key, Sums> strata = new HashMap<>();
    private final Map<String, Map<Term, Double>> termBalance = new HashMap<>();
    private final TapeStratification stratification;

    Strata(int bucketDays, LocalDate poolDate) {
      this.bucketDays = bucketDays;
      this.stratification = new TapeStratification(poolDate);
    }

    void add(Loan loan) {
      stratification.add(loan);
      if (bucketDays == 0) {
        return;
      }
      Key k = new Key(loan.kind(), loan.term(), loan.ageDays() / bucketDays, loan.key(),
          band(loan.defaultRate()), band(loan.prepaymentRate()));
      Sums sums = strata.computeIfAbsent(k, x -> new Sums());
      double b = loan.balance();
      sums.balance += b;
      sums.loans++;
      sums.age += b * loan.ageDays();
      sums.rate += b * loan.rate();
      sums.defaults += b * loan.defaultRate();
      sums.prepayments += b * loan.prepaymentRate();
      termBalance.computeIfAbsent(loan.kind(), x -> new HashMap<>()).merge(loan.term(), b,
          Double::sum);
    }

    private static int band(double rate) {
      return Double.isNaN(rate) ? -1 : (int) Math.floor(rate / RATE_BAND + 1e-9);
    }

    Result result() {
      List<Key> keys = new ArrayList<>(strata.keySet());
      keys.sort(java.util.Comparator.comparing(Key::kind)
          .thenComparing(k -> k.term().inMonths() ? 1 : 0)
          .thenComparingInt(k -> k.term().inMonths() ? k.term().months() : k.term().days())
          .thenComparingInt(Key::bucket).thenComparing(Key::key)
          .thenComparingInt(Key::defaultBand).thenComparingInt(Key::prepaymentBand));
      List<Stratum> out = new ArrayList<>();
      Map<String, KindTotals> totals = new LinkedHashMap<>();
      for (Key k : keys) {
        Sums s = strata.get(k);
        out.add(new Stratum(k.kind(), k.term(), k.bucket(), k.key(), s.balance, s.loans, s.age,
            s.rate, s.defaults, s.prepayments));
        KindTotals t = totals.get(k.kind());
        totals.put(k.kind(), t == null ? new KindTotals(s.balance, s.loans, s.rate, null)
            : new KindTotals(t.balance() + s.balance, t.loans() + s.loans,
                t.rateWeighted() + s.rate, null));
      }
      totals.replaceAll((kind, t) -> new KindTotals(t.balance(), t.loans(), t.rateWeighted(),
          termBalance.get(kind).entrySet().stream().max(Map.Entry.comparingByValue()).get()
              .getKey()));
      return new Result(out, totals, stratification);
    }
  }

  // ---- CSV ---------------------------------------------------------------------------------

  private static boolean scanCsv(Path file, Checker checker, java.util.function.Consumer<Loan> sink) {
    Problems problems = checker.problems;
    CsvMapper mapper = new CsvMapper();
    // the line where the record being read starts, for a syntax error met further on
    int[] recordLine = {1};
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        MappingIterator<String[]> rows = mapper.readerFor(String[].class)
            .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(reader)) {
      if (!rows.hasNext()) {
        problems.add(1, "", "the loan tape is empty; expected a header row with "
            + String.join(", ", COLUMNS));
        return false;
      }
      String[] names = rows.next();
      if (names.length > 0 && names[0].startsWith("\uFEFF")) {
        // a byte-order mark, as spreadsheets write
        names[0] = names[0].substring(1);
      }
      Map<String, Integer> col = checker.header(names);
      if (col == null) {
        return false;
      }
      int line = 1;
      while (true) {
        recordLine[0] = rows.getParser().currentLocation().getLineNr();
        if (!rows.hasNext()) {
          break;
        }
        String[] row = rows.next();
        line++;
        if (row.length == 1 && row[0].isBlank()) {
          continue;
        }
        Loan loan = checker.csvLoan(row, col, recordLine[0]);
        if (loan == null) {
          if (checker.tooMany(recordLine[0])) {
            return false;
          }
          continue;
        }
        sink.accept(loan);
      }
      if (line == 1) {
        problems.add(1, "", "the loan tape has a header but no loans");
      }
      return true;
    } catch (NoSuchFileException e) {
      problems.add(1, "", "no such loan tape file");
      return false;
    } catch (java.nio.charset.CharacterCodingException e) {
      problems.add(1, "", "not UTF-8 text; save the loan tape as UTF-8");
      return false;
    } catch (com.fasterxml.jackson.core.JsonProcessingException
        | com.fasterxml.jackson.databind.RuntimeJsonMappingException e) {
      // CSV syntax (an unclosed quote): the record it is in, and where the parser gave up
      com.fasterxml.jackson.core.JsonProcessingException cause =
          e instanceof com.fasterxml.jackson.core.JsonProcessingException p ? p
              : e.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException p2 ? p2
              : null;
      String what = cause == null ? e.getMessage() : cause.getOriginalMessage();
      int at = cause == null || cause.getLocation() == null ? recordLine[0]
          : cause.getLocation().getLineNr();
      problems.add(recordLine[0], "", "not valid CSV: " + what.lines().findFirst().orElse("")
          + (at > recordLine[0] ? " (the record starting here runs to line " + at + ")" : ""));
      return false;
    } catch (IOException | RuntimeException e) {
      problems.add(1, "", "cannot read the loan tape: " + e.getMessage());
      return false;
    }
  }

  // ---- checks shared by both formats ---------------------------------------------------------

  /** Checks columns and rows against the rules, recording problems by line (CSV) or row. */
  static final class Checker {
    final Rules rules;
    final Problems problems;
    final int before;
    final LoanIds ids = new LoanIds();

    Checker(Rules rules, Problems problems) {
      this.rules = rules;
      this.problems = problems;
      this.before = problems.size();
    }

    /** True (with a last problem) once 50 problems are recorded: stop reading. */
    boolean tooMany(int line) {
      if (problems.size() - before >= 50) {
        problems.add(line, "", "stopped reading after 50 problems");
        return true;
      }
      return false;
    }

    /** The columns' positions by name, or null after recording what is wrong. */
    Map<String, Integer> header(String[] header) {
      if (java.util.Arrays.stream(header).map(String::trim).noneMatch(COLUMNS::contains)) {
        // not a loan tape: say so without repeating what the file holds
        problems.add(1, "", "not a loan tape: its first line names none of the columns "
            + String.join(", ", COLUMNS));
        return null;
      }
      Map<String, Integer> col = CsvColumns.index(header, COLUMNS, problems);
      if (col == null) {
        // the columns a misspelt one stands for would only be reported missing too
        return null;
      }
      boolean ok = true;
      for (String required : List.of("loan_id", "segment", "balance", "annual_rate")) {
        if (!col.containsKey(required)) {
          problems.add(1, "", "missing column '" + required + "'");
          ok = false;
        }
      }
      if (!col.containsKey("term_days") && !col.containsKey("term_months")) {
        problems.add(1, "", "missing column 'term_days' or 'term_months'");
        ok = false;
      }
      if (!col.containsKey("age_days") && !col.containsKey("remaining_term_days")
          && !col.containsKey("remaining_term_months")) {
        problems.add(1, "", "missing column 'age_days' (or 'remaining_term_days' or"
            + " 'remaining_term_months')");
        ok = false;
      }
      if (col.containsKey("performance_key") && rules.keys() != null && rules.keys().isEmpty()) {
        problems.add(1, "performance_key", "the scenario maps no performance keys: add"
            + " loan_tape.performance_keys, or leave the column out");
        ok = false;
      }
      return ok ? col : null;
    }

    private Loan csvLoan(String[] row, Map<String, Integer> col, int line) {
      int before = problems.size();
      String id = cell(row, col, "loan_id");
      id(line, id.isEmpty(), LoanIds.fingerprint(id));
      String kind = cell(row, col, "segment");
      double balance = number(row, col, "balance", line, 0.01, 1e12);
      double rate = number(row, col, "annual_rate", line, 0, 10);
      String days = cell(row, col, "term_days");
      String months = cell(row, col, "term_months");
      int termDays = 0;
      int termMonths = 0;
      boolean termGiven = days.isEmpty() != months.isEmpty();
      if (termGiven && !months.isEmpty()) {
        termMonths = (int) number(row, col, "term_months", line, 1, 1200);
      } else if (termGiven) {
        termDays = (int) number(row, col, "term_days", line, 1, 36_500);
      }
      String ageText = cell(row, col, "age_days");
      double age = ageText.isEmpty() ? -1 : number(row, col, "age_days", line, 0, 36_500);
      int remainingDays = cell(row, col, "remaining_term_days").isEmpty() ? 0
          : (int) number(row, col, "remaining_term_days", line, 1, 36_500);
      int remainingMonths = cell(row, col, "remaining_term_months").isEmpty() ? 0
          : (int) number(row, col, "remaining_term_months", line, 1, 1200);
      double defaultRate = optionalRate(row, col, "annual_default_rate", line);
      double prepaymentRate = optionalRate(row, col, "annual_prepayment_rate", line);
      String key = cell(row, col, "performance_key");
      if (problems.size() > before) {
        return null;
      }
      if (age != Math.rint(age)) {
        problems.add(line, "age_days", "expected whole days, found " + cell(row, col, "age_days"));
        return null;
      }
      return loan(line, kind, balance, rate, termGiven,
          termDays, termMonths, (int) age, remainingDays, remainingMonths, defaultRate,
          prepaymentRate, key, col.containsKey("performance_key"));
    }

    private double optionalRate(String[] row, Map<String, Integer> col, String name, int line) {
      if (!col.containsKey(name)) {
        return Double.NaN;
      }
      return number(row, col, name, line, 0, 1);
    }

    /**
     * The checks on a row's values (numbers already in range): null, with problems recorded, when
     * they do not make a loan.
     */
    /** Records a row's loan id; its first check, made whatever else is wrong with the row. */
    void id(int line, boolean empty, long fingerprint) {
      if (empty) {
        problems.add(line, "loan_id", "expected a loan id, found nothing");
      } else {
        // a fingerprint seen before is confirmed (or not) by its text after the tape is read
        ids.add(fingerprint);
      }
    }

    /**
     * @param age days since origination at the cut-off date, or -1 when the row gives a remaining
     *     term instead
     * @param remainingDays the remaining term in days, or 0 when not given
     * @param remainingMonths the remaining term in months (instalments still to pay), or 0
     */
    Loan loan(int line, String kind, double balance, double rate,
        boolean termGiven, int termDays, int termMonths, int age, int remainingDays,
        int remainingMonths, double defaultRate, double prepaymentRate, String key,
        boolean keyed) {
      int before = problems.size();
      Set<String> kinds = rules.kinds();
      if (kinds != null && !kinds.contains(kind)) {
        String hint = Names.nearest(kind, kinds).map(n -> " (did you mean '" + n + "'?)")
            .orElse("");
        problems.add(line, "segment", "unknown segment '" + kind + "'" + hint
            + "; the scenario defines " + String.join(", ", kinds));
      } else if (kind.isEmpty()) {
        problems.add(line, "segment", "expected a segment, found nothing");
      }
      Term term = null;
      if (!termGiven) {
        problems.add(line, "term_days", "expected either term_days or term_months");
      } else if (termMonths > 0) {
        term = Term.ofMonths(termMonths);
      } else {
        if (rules.instalmentKinds().contains(kind)) {
          problems.add(line, "term_days", "segment '" + kind
              + "' pays monthly instalments: give term_months instead");
        }
        term = termDays > 0 ? Term.ofDays(termDays) : null;
      }
      if (keyed) {
        Set<String> keys = rules.keys();
        if (key.isEmpty()) {
          problems.add(line, "performance_key", "expected a performance key, found nothing");
        } else if (keys != null && !keys.contains(key)) {
          problems.add(line, "performance_key", "unknown performance key '" + key
              + "'; the scenario maps " + String.join(", ", keys));
        }
      }
      if (problems.size() > before || term == null) {
        return null;
      }
      LocalDate poolDate = rules.poolDate();
      if (age < 0) {
        age = ageFromRemaining(line, term, remainingDays, remainingMonths, poolDate);
        if (age < 0) {
          return null;
        }
      }
      int days = poolDate == null ? term.longestDays() : term.daysFrom(poolDate.minusDays(age));
      if (age >= days) {
        problems.add(line, "age_days", "expected an age below the term of " + term
            + (term.inMonths() ? " (" + days + " days)" : "") + ", found " + age);
        return null;
      }
      return new Loan(kind, balance, rate, term, age, days, defaultRate, prepaymentRate,
          keyed ? key : "");
    }

    /**
     * The age of a loan given by its remaining term: in days, the term less what remains; in
     * months, the months elapsed counted back from the cut-off date on the loan's calendar (the
     * loan is taken to have just paid an instalment; 365/12 days a month without a date). -1,
     * with a problem, when it cannot be.
     */
    private int ageFromRemaining(int line, Term term, int remainingDays, int remainingMonths,
        LocalDate poolDate) {
      if (remainingMonths > 0) {
        if (!term.inMonths() || remainingMonths > term.months()) {
          problems.add(line, "remaining_term_months", "expected at most term_months ("
              + (term.inMonths() ? term.months() : "none: the term is in days") + "), found "
              + remainingMonths);
          return -1;
        }
        int elapsed = term.months() - remainingMonths;
        return poolDate == null ? (int) Math.round(elapsed * 365.0 / 12)
            : (int) java.time.temporal.ChronoUnit.DAYS.between(poolDate.minusMonths(elapsed),
                poolDate);
      }
      if (remainingDays > 0) {
        if (term.inMonths() || remainingDays > term.days()) {
          problems.add(line, "remaining_term_days", "expected at most term_days ("
              + (term.inMonths() ? "none: the term is in months" : term.days()) + "), found "
              + remainingDays);
          return -1;
        }
        return term.days() - remainingDays;
      }
      problems.add(line, "age_days", "expected age_days or a remaining term, found neither");
      return -1;
    }

    private static String cell(String[] row, Map<String, Integer> col, String name) {
      Integer i = col.get(name);
      return i == null || i >= row.length ? "" : row[i].trim();
    }

    private double number(String[] row, Map<String, Integer> col, String name, int line,
        double lo, double hi) {
      String text = cell(row, col, name);
      boolean percent = text.endsWith("%");
      double x = io.absmc.util.Decimal.parse(percent ? text.substring(0, text.length() - 1) : text);
      if (Double.isNaN(x)) {
        problems.add(line, name, "expected a number, found '" + text + "'");
        return Double.NaN;
      }
      if (percent) {
        x = new BigDecimal(text.substring(0, text.length() - 1).trim()).movePointLeft(2)
            .doubleValue();
      }
      return inRange(x, name, line, lo, hi, text);
    }

    /** x when lo &lt;= x &lt;= hi, else NaN with a problem quoting {@code text}. */
    double inRange(double x, String name, int line, double lo, double hi, String text) {
      if (!(x >= lo && x <= hi)) {
        problems.add(line, name, "expected " + io.absmc.util.Check.fmt(lo) + " <= " + name
            + " <= " + io.absmc.util.Check.fmt(hi) + ", found " + text);
        return Double.NaN;
      }
      return x;
    }
  }
}
