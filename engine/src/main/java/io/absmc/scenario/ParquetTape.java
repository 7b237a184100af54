package io.absmc.scenario;

import io.absmc.io.ParquetInput;
import io.absmc.scenario.yaml.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * Reads a loan tape stored as Parquet with Parquet-MR, column by column within each row group
 * (no record assembly): the columns of {@link LoanTape}, flat, numbers as INT32, INT64, FLOAT or
 * DOUBLE and text as UTF-8 BINARY (a {@code loan_id} may be a whole number). Problems are
 * reported by row number (1-based).
 */
final class ParquetTape {

  /** The fingerprint of an empty id. */
  private static final long EMPTY_TEXT = LoanIds.fingerprint("");

  private ParquetTape() {
  }

  /** One column of the file, read value by value. */
  private static final class Cell {
    final String name;
    final ColumnDescriptor descriptor;
    final PrimitiveTypeName type;
    ColumnReader reader;

    Cell(String name, ColumnDescriptor descriptor) {
      this.name = name;
      this.descriptor = descriptor;
      this.type = descriptor.getPrimitiveType().getPrimitiveTypeName();
    }

    boolean isNull() {
      return reader.getCurrentDefinitionLevel() < descriptor.getMaxDefinitionLevel();
    }

    boolean isNumber() {
      return type == PrimitiveTypeName.INT32 || type == PrimitiveTypeName.INT64
          || type == PrimitiveTypeName.FLOAT || type == PrimitiveTypeName.DOUBLE;
    }

    double number() {
      return switch (type) {
        case INT32 -> reader.getInteger();
        case INT64 -> reader.getLong();
        case FLOAT -> reader.getFloat();
        case DOUBLE -> reader.getDouble();
        default -> throw new IllegalStateException(name + " is not a number column");
      };
    }

    /** The fingerprint of the value's text (its UTF-8 bytes, or its digits). */
    long fingerprint() {
      return type == PrimitiveTypeName.BINARY
          ? LoanIds.fingerprint(reader.getBinary().toByteBuffer())
          : LoanIds.fingerprint(Long.toString(type == PrimitiveTypeName.INT32
              ? reader.getInteger() : reader.getLong()));
    }

    String text() {
      return type == PrimitiveTypeName.BINARY ? reader.getBinary().toStringUsingUTF8().trim()
          : Long.toString(type == PrimitiveTypeName.INT32 ? reader.getInteger() : reader.getLong());
    }
  }

  static boolean scan(Path file, LoanTape.Checker checker, Consumer<LoanTape.Loan> sink) {
    Problems problems = checker.problems;
    if (!Files.isRegularFile(file)) {
      problems.add(1, "", "no such loan tape file");
      return false;
    }
    try (ParquetFileReader reader = ParquetInput.open(file)) {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      String[] names = schema.getFields().stream().map(Type::getName).toArray(String[]::new);
      Map<String, Integer> col = checker.header(names);
      if (col == null || !types(schema, col, problems)) {
        return false;
      }
      Map<String, Cell> cells = new HashMap<>();
      for (String name : col.keySet()) {
        cells.put(name, new Cell(name, schema.getColumnDescription(new String[] {name})));
      }
      Cell[] all = cells.values().toArray(new Cell[0]);
      String createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
      GroupRecordConverter converter = new GroupRecordConverter(schema);
      boolean keyed = cells.containsKey("performance_key");
      long row = 0;
      PageReadStore pages;
      while ((pages = reader.readNextRowGroup()) != null) {
        ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, converter.getRootConverter(),
            schema, createdBy);
        for (Cell c : all) {
          c.reader = store.getColumnReader(c.descriptor);
        }
        for (long r = 0; r < pages.getRowCount(); r++) {
          row++;
          int line = (int) Math.min(Integer.MAX_VALUE, row);
          LoanTape.Loan loan = loan(cells, checker, line, keyed);
          for (Cell c : all) {
            c.reader.consume();
          }
          if (loan == null) {
            if (checker.tooMany(line)) {
              return false;
            }
            continue;
          }
          sink.accept(loan);
        }
      }
      if (row == 0) {
        problems.add(1, "", "the loan tape has no loans");
      }
      return true;
    } catch (IOException | RuntimeException e) {
      problems.add(1, "", "not a readable Parquet loan tape (" + e.getMessage() + ")");
      return false;
    }
  }

  /** Reads the loan ids again, with their fingerprints and rows (the tape read once already). */
  static void scanIds(Path file, LoanTape.IdSink sink) {
    try (ParquetFileReader reader = ParquetInput.open(file)) {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      Cell id = new Cell("loan_id", schema.getColumnDescription(new String[] {"loan_id"}));
      GroupRecordConverter converter = new GroupRecordConverter(schema);
      String createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
      long row = 0;
      PageReadStore pages;
      while ((pages = reader.readNextRowGroup()) != null) {
        id.reader = new ColumnReadStoreImpl(pages, converter.getRootConverter(), schema,
            createdBy).getColumnReader(id.descriptor);
        for (long r = 0; r < pages.getRowCount(); r++) {
          row++;
          if (!id.isNull()) {
            sink.accept(id.type == PrimitiveTypeName.BINARY
                ? id.reader.getBinary().toStringUsingUTF8() : id.text(), id.fingerprint(),
                (int) Math.min(Integer.MAX_VALUE, row));
          }
          id.reader.consume();
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("the loan tape changed while it was read: " + e.getMessage(),
          e);
    }
  }

  /** Checks the columns' physical types: flat, numbers where numbers are expected. */
  private static boolean types(MessageType schema, Map<String, Integer> col, Problems problems) {
    boolean ok = true;
    for (String name : col.keySet()) {
      Type t = schema.getType(name);
      if (!t.isPrimitive() || t.isRepetition(Type.Repetition.REPEATED)) {
        problems.add(1, name, "expected a flat column");
        ok = false;
        continue;
      }
      PrimitiveTypeName p = t.asPrimitiveType().getPrimitiveTypeName();
      boolean number = p == PrimitiveTypeName.INT32 || p == PrimitiveTypeName.INT64
          || p == PrimitiveTypeName.FLOAT || p == PrimitiveTypeName.DOUBLE;
      boolean text = p == PrimitiveTypeName.BINARY;
      boolean wanted = switch (name) {
        case "segment", "performance_key" -> text;
        case "loan_id" -> text || p == PrimitiveTypeName.INT64 || p == PrimitiveTypeName.INT32;
        default -> number;
      };
      if (!wanted) {
        problems.add(1, name, "expected " + (List.of("segment", "performance_key").contains(name)
            ? "a UTF-8 text (BINARY) column" : name.equals("loan_id") ? "a text or whole-number column"
            : "a number column") + ", found " + p);
        ok = false;
      }
    }
    return ok;
  }

  private static LoanTape.Loan loan(Map<String, Cell> cells, LoanTape.Checker checker, int line,
      boolean keyed) {
    Problems problems = checker.problems;
    int before = problems.size();
    Cell idCell = cells.get("loan_id");
    boolean idEmpty = idCell.isNull();
    long idPrint = idEmpty ? 0 : idCell.fingerprint();
    idEmpty |= idPrint == EMPTY_TEXT;
    checker.id(line, idEmpty, idPrint);
    String kind = text(cells.get("segment"));
    double balance = number(cells.get("balance"), checker, line, 0.01, 1e12, true);
    double rate = number(cells.get("annual_rate"), checker, line, 0, 10, true);
    Cell days = cells.get("term_days");
    Cell months = cells.get("term_months");
    boolean hasDays = days != null && !days.isNull();
    boolean hasMonths = months != null && !months.isNull();
    int termDays = 0;
    int termMonths = 0;
    if (hasMonths && !hasDays) {
      termMonths = whole(months, checker, line, 1, 1200);
    } else if (hasDays && !hasMonths) {
      termDays = whole(days, checker, line, 1, 36_500);
    }
    Cell ageCell = cells.get("age_days");
    int age = ageCell == null || ageCell.isNull() ? -1 : whole(ageCell, checker, line, 0, 36_500);
    Cell rd = cells.get("remaining_term_days");
    Cell rm = cells.get("remaining_term_months");
    int remainingDays = rd == null || rd.isNull() ? 0 : whole(rd, checker, line, 1, 36_500);
    int remainingMonths = rm == null || rm.isNull() ? 0 : whole(rm, checker, line, 1, 1200);
    double defaultRate = optional(cells.get("annual_default_rate"), checker, line);
    double prepaymentRate = optional(cells.get("annual_prepayment_rate"), checker, line);
    String key = keyed ? text(cells.get("performance_key")) : "";
    if (problems.size() > before) {
      return null;
    }
    return checker.loan(line, kind, balance, rate, hasDays != hasMonths,
        termDays, termMonths, age, remainingDays, remainingMonths, defaultRate, prepaymentRate,
        key, keyed);
  }

  private static String text(Cell c) {
    return c.isNull() ? "" : c.text();
  }

  private static double number(Cell c, LoanTape.Checker checker, int line, double lo, double hi,
      boolean required) {
    if (c.isNull()) {
      if (required) {
        checker.problems.add(line, c.name, "expected a number, found null");
      }
      return Double.NaN;
    }
    double x = c.number();
    return x >= lo && x <= hi ? x
        : checker.inRange(x, c.name, line, lo, hi, io.absmc.util.Check.fmt(x));
  }

  private static int whole(Cell c, LoanTape.Checker checker, int line, int lo, int hi) {
    double x = number(c, checker, line, lo, hi, true);
    if (!Double.isNaN(x) && x != Math.rint(x)) {
      checker.problems.add(line, c.name, "expected whole " + (c.name.equals("age_days") ? "days"
          : "numbers") + ", found " + io.absmc.util.Check.fmt(x));
      return 0;
    }
    return (int) x;
  }

  private static double optional(Cell c, LoanTape.Checker checker, int line) {
    return c == null ? Double.NaN : number(c, checker, line, 0, 1, true);
  }
}
