package io.absmc.output;

import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntToLongFunction;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * One column of an output table: its name, type, unit and meaning, and how to get row i's value.
 * Doubles are nullable: NaN is written as null (a statistic that does not apply, such as the WAL of
 * a tranche that repaid nothing). Immutable; the accessor must be safe to call from the writing
 * thread.
 */
public final class Column {

  /** The column's value type. */
  public enum Kind {
    DOUBLE, LONG, INT, STRING, BOOLEAN
  }

  private final String name;
  private final Kind kind;
  private final String unit;
  private final String meaning;
  private final IntToDoubleFunction doubles;
  private final IntToLongFunction longs;
  private final IntFunction<String> strings;
  private final IntFunction<Boolean> booleans;

  private Column(String name, Kind kind, String unit, String meaning, IntToDoubleFunction doubles,
      IntToLongFunction longs, IntFunction<String> strings) {
    this(name, kind, unit, meaning, doubles, longs, strings, null);
  }

  private Column(String name, Kind kind, String unit, String meaning, IntToDoubleFunction doubles,
      IntToLongFunction longs, IntFunction<String> strings, IntFunction<Boolean> booleans) {
    this.booleans = booleans;
    this.name = name;
    this.kind = kind;
    this.unit = unit;
    this.meaning = meaning;
    this.doubles = doubles;
    this.longs = longs;
    this.strings = strings;
  }

  /** A double column (NaN written as null). */
  public static Column ofDouble(String name, String unit, String meaning, IntToDoubleFunction values) {
    return new Column(name, Kind.DOUBLE, unit, meaning, values, null, null);
  }

  /** A 64-bit integer column. */
  public static Column ofLong(String name, String unit, String meaning, IntToLongFunction values) {
    return new Column(name, Kind.LONG, unit, meaning, null, values, null);
  }

  /** A 32-bit integer column (values must fit). */
  public static Column ofInt(String name, String unit, String meaning, IntToLongFunction values) {
    return new Column(name, Kind.INT, unit, meaning, null, values, null);
  }

  /** A UTF-8 text column (null written as null). */
  public static Column ofString(String name, String meaning, IntFunction<String> values) {
    return new Column(name, Kind.STRING, "", meaning, null, null, values);
  }

  /** A boolean column (null written as null). */
  public static Column ofBoolean(String name, String meaning, IntFunction<Boolean> values) {
    return new Column(name, Kind.BOOLEAN, "", meaning, null, null, null, values);
  }

  public String name() {
    return name;
  }

  public Kind kind() {
    return kind;
  }

  /** Unit, e.g. {@code RMB}, {@code fraction of original balance}, {@code years}; empty for none. */
  public String unit() {
    return unit;
  }

  public String meaning() {
    return meaning;
  }

  /** The Parquet type of the column. */
  Type parquetType() {
    return switch (kind) {
      case DOUBLE -> Types.optional(PrimitiveTypeName.DOUBLE).named(name);
      case LONG -> Types.required(PrimitiveTypeName.INT64).named(name);
      case INT -> Types.required(PrimitiveTypeName.INT32).named(name);
      case STRING -> Types.optional(PrimitiveTypeName.BINARY)
          .as(LogicalTypeAnnotation.stringType()).named(name);
      case BOOLEAN -> Types.optional(PrimitiveTypeName.BOOLEAN).named(name);
    };
  }

  /** The value of a row as Java sees it (for reports and tests): Double, Long, Integer, String or
   * Boolean. */
  public Object value(int row) {
    return switch (kind) {
      case DOUBLE -> doubles.applyAsDouble(row);
      case LONG -> longs.applyAsLong(row);
      case INT -> (int) longs.applyAsLong(row);
      case STRING -> strings.apply(row);
      case BOOLEAN -> booleans.apply(row);
    };
  }

  /**
   * Writes rows {@code 0 .. rows-1} into a Parquet column writer (a column chunk's pages): nulls
   * as definition level 0, values at the column's maximum level.
   */
  void writeTo(ColumnWriter out, int rows) {
    switch (kind) {
      case DOUBLE -> {
        for (int r = 0; r < rows; r++) {
          double x = doubles.applyAsDouble(r);
          if (Double.isNaN(x)) {
            out.writeNull(0, 0);
          } else {
            out.write(x, 0, 1);
          }
        }
      }
      case LONG -> {
        for (int r = 0; r < rows; r++) {
          out.write(longs.applyAsLong(r), 0, 0);
        }
      }
      case INT -> {
        for (int r = 0; r < rows; r++) {
          out.write(Math.toIntExact(longs.applyAsLong(r)), 0, 0);
        }
      }
      case STRING -> {
        // the few distinct texts of a column (tranche and scenario names) are encoded once
        Map<String, Binary> encoded = new HashMap<>();
        for (int r = 0; r < rows; r++) {
          String s = strings.apply(r);
          if (s == null) {
            out.writeNull(0, 0);
          } else {
            out.write(encoded.computeIfAbsent(s, Binary::fromString), 0, 1);
          }
        }
      }
      case BOOLEAN -> {
        for (int r = 0; r < rows; r++) {
          Boolean b = booleans.apply(r);
          if (b == null) {
            out.writeNull(0, 0);
          } else {
            out.write(b, 0, 1);
          }
        }
      }
      default -> throw new IllegalStateException(kind.toString());
    }
  }
}
