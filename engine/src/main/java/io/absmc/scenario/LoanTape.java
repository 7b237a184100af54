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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a loan tape, a CSV file with one row per loan, and stratifies it into segments: loans of
 * one kind, one term and an age within the same bucket of {@code ageBucketDays} days become one
 * segment, with their total balance, their count, their balance-weighted age and their
 * balance-weighted rate. Rows are streamed, so a tape of millions of loans needs memory only for
 * the strata and the loan ids.
 *
 * <p>Columns (header row required, any order, no others): {@code loan_id} (unique text),
 * {@code segment} (a kind of loan named in the scenario), {@code balance} (outstanding principal in
 * RMB, &gt; 0), {@code annual_rate} (decimal or with %), {@code term_days} or {@code term_months}
 * (one per row; instalment loans in months), {@code age_days} (days since origination at the cut-off date,
 * below the term). Fields may not contain line breaks.
 */
public final class LoanTape {

  static final List<String> COLUMNS = List.of("loan_id", "segment", "balance", "annual_rate",
      "term_days", "term_months", "age_days");

  /** One stratum of the tape. */
  public record Stratum(String kind, Term term, int ageBucket, double balance, long loans,
      double ageWeighted, double rateWeighted) {

    /** Balance-weighted average age in whole days. */
    public int seasoningDays() {
      return (int) Math.round(ageWeighted / balance);
    }

    /** Balance-weighted average annual rate. */
    public double annualRate() {
      return rateWeighted / balance;
    }
  }

  /** What the tape says about one kind of loan (for template defaults). */
  public record KindTotals(double balance, long loans, double rateWeighted, Term commonestTerm) {
  }

  /** The strata in a stable order, and totals by kind. */
  public record Result(List<Stratum> strata, Map<String, KindTotals> kinds) {
  }

  private LoanTape() {
  }

  /**
   * Reads and stratifies a tape.
   *
   * @param instalmentKinds kinds whose loans pay monthly instalments (their terms must be in months)
   * @param poolDate the date the ages are counted to (null when unknown: ages are then checked
   *     against the longest a term in months can be)
   * @return null when the file has problems (recorded in {@code problems})
   */
  public static Result read(Path file, Set<String> kinds, Set<String> instalmentKinds,
      int ageBucketDays, LocalDate poolDate, Problems problems) {
    CsvMapper mapper = new CsvMapper();
    int before = problems.size();
    Map<String, Stratum> strata = new TreeMap<>();
    Map<String, Map<Term, Double>> termBalance = new HashMap<>();
    Set<String> ids = new HashSet<>();
    // the line where the record being read starts, for a syntax error met further on
    int[] recordLine = {1};
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        MappingIterator<String[]> rows = mapper.readerFor(String[].class)
            .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(reader)) {
      if (!rows.hasNext()) {
        problems.add(1, "", "the loan tape is empty; expected a header row with "
            + String.join(", ", COLUMNS));
        return null;
      }
      Map<String, Integer> col = header(rows.next(), problems);
      if (col == null) {
        return null;
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
        Loan loan = loan(row, col, recordLine[0], kinds, instalmentKinds, ids, poolDate,
            problems);
        if (loan == null || problems.size() > before) {
          if (problems.size() - before >= 50) {
            problems.add(recordLine[0], "", "stopped reading after 50 problems");
            return null;
          }
          continue;
        }
        int bucket = loan.ageDays / ageBucketDays;
        String key = loan.kind + "\u0000" + loan.term + "\u0000" + String.format(Locale.ROOT, "%08d", bucket);
        Stratum s = strata.get(key);
        strata.put(key, s == null
            ? new Stratum(loan.kind, loan.term, bucket, loan.balance, 1, loan.balance * loan.ageDays,
                loan.balance * loan.rate)
            : new Stratum(s.kind, s.term, bucket, s.balance + loan.balance, s.loans + 1,
                s.ageWeighted + loan.balance * loan.ageDays, s.rateWeighted + loan.balance * loan.rate));
        termBalance.computeIfAbsent(loan.kind, k -> new HashMap<>()).merge(loan.term, loan.balance,
            Double::sum);
      }
      if (line == 1) {
        problems.add(1, "", "the loan tape has a header but no loans");
      }
    } catch (NoSuchFileException e) {
      problems.add(1, "", "no such loan tape file");
      return null;
    } catch (java.nio.charset.CharacterCodingException e) {
      problems.add(1, "", "not UTF-8 text; save the loan tape as UTF-8");
      return null;
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
      return null;
    } catch (IOException | RuntimeException e) {
      problems.add(1, "", "cannot read the loan tape: " + e.getMessage());
      return null;
    }
    if (problems.size() > before) {
      return null;
    }
    Map<String, KindTotals> totals = new LinkedHashMap<>();
    for (Stratum s : strata.values()) {
      KindTotals t = totals.get(s.kind);
      totals.put(s.kind, t == null ? new KindTotals(s.balance, s.loans, s.rateWeighted, null)
          : new KindTotals(t.balance + s.balance, t.loans + s.loans, t.rateWeighted + s.rateWeighted,
              null));
    }
    totals.replaceAll((kind, t) -> new KindTotals(t.balance, t.loans, t.rateWeighted,
        termBalance.get(kind).entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey()));
    return new Result(new ArrayList<>(strata.values()), totals);
  }

  private record Loan(String kind, double balance, double rate, Term term, int ageDays) {
  }

  private static Map<String, Integer> header(String[] header, Problems problems) {
    Map<String, Integer> col = new HashMap<>();
    boolean ok = true;
    if (header.length > 0 && header[0].startsWith("\uFEFF")) {
      // a byte-order mark, as spreadsheets write
      header[0] = header[0].substring(1);
    }
    if (java.util.Arrays.stream(header).map(String::trim).noneMatch(COLUMNS::contains)) {
      // not a loan tape: say so without repeating what the file holds
      problems.add(1, "", "not a loan tape: its first line names none of the columns "
          + String.join(", ", COLUMNS));
      return null;
    }
    for (int i = 0; i < header.length; i++) {
      String name = header[i].trim();
      if (!COLUMNS.contains(name)) {
        String hint = Names.nearest(name, COLUMNS).map(n -> " (did you mean '" + n + "'?)").orElse("");
        problems.add(1, name, "unknown column" + hint + "; columns: " + String.join(", ", COLUMNS));
        ok = false;
      } else if (col.put(name, i) != null) {
        problems.add(1, name, "column given twice");
        ok = false;
      }
    }
    if (!ok) {
      // the columns a misspelt one stands for would only be reported missing too
      return null;
    }
    for (String required : List.of("loan_id", "segment", "balance", "annual_rate", "age_days")) {
      if (!col.containsKey(required)) {
        problems.add(1, "", "missing column '" + required + "'");
        ok = false;
      }
    }
    if (!col.containsKey("term_days") && !col.containsKey("term_months")) {
      problems.add(1, "", "missing column 'term_days' or 'term_months'");
      ok = false;
    }
    return ok ? col : null;
  }

  private static Loan loan(String[] row, Map<String, Integer> col, int line, Set<String> kinds,
      Set<String> instalmentKinds, Set<String> ids, LocalDate poolDate, Problems problems) {
    int before = problems.size();
    String id = cell(row, col, "loan_id");
    if (id.isEmpty()) {
      problems.add(line, "loan_id", "expected a loan id, found nothing");
    } else if (!ids.add(id)) {
      problems.add(line, "loan_id", "duplicate loan id '" + id + "'");
    }
    String kind = cell(row, col, "segment");
    if (!kinds.contains(kind)) {
      String hint = Names.nearest(kind, kinds).map(n -> " (did you mean '" + n + "'?)").orElse("");
      problems.add(line, "segment", "unknown segment '" + kind + "'" + hint
          + "; the scenario defines " + String.join(", ", kinds));
    }
    double balance = number(row, col, "balance", line, 0.01, 1e12, problems);
    double rate = number(row, col, "annual_rate", line, 0, 10, problems);
    String days = cell(row, col, "term_days");
    String months = cell(row, col, "term_months");
    Term term = null;
    if (days.isEmpty() == months.isEmpty()) {
      problems.add(line, "term_days", "expected either term_days or term_months");
    } else if (!months.isEmpty()) {
      int m = (int) number(row, col, "term_months", line, 1, 1200, problems);
      term = m > 0 ? Term.ofMonths(m) : null;
    } else {
      if (instalmentKinds.contains(kind)) {
        problems.add(line, "term_days", "segment '" + kind
            + "' pays monthly instalments: give term_months instead");
      }
      int d = (int) number(row, col, "term_days", line, 1, 36_500, problems);
      term = d > 0 ? Term.ofDays(d) : null;
    }
    double age = number(row, col, "age_days", line, 0, 36_500, problems);
    if (problems.size() > before) {
      return null;
    }
    if (age != Math.rint(age)) {
      problems.add(line, "age_days", "expected whole days, found " + cell(row, col, "age_days"));
      return null;
    }
    int termDays = poolDate == null ? term.longestDays()
        : term.daysFrom(poolDate.minusDays((long) age));
    if (age >= termDays) {
      problems.add(line, "age_days", "expected an age below the term of " + term
          + (term.inMonths() ? " (" + termDays + " days)" : "") + ", found " + (int) age);
      return null;
    }
    return new Loan(kind, balance, rate, term, (int) age);
  }

  private static String cell(String[] row, Map<String, Integer> col, String name) {
    Integer i = col.get(name);
    return i == null || i >= row.length ? "" : row[i].trim();
  }

  private static double number(String[] row, Map<String, Integer> col, String name, int line,
      double lo, double hi, Problems problems) {
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
    if (!(x >= lo && x <= hi)) {
      problems.add(line, name, "expected " + io.absmc.util.Check.fmt(lo) + " <= " + name + " <= "
          + io.absmc.util.Check.fmt(hi) + ", found " + text);
      return Double.NaN;
    }
    return x;
  }
}
