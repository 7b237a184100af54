package io.absmc.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * One absmc result file read whole into memory: its columns by name, and its key-value metadata
 * (the {@code absmc.*} provenance). For the small statistics files a report reads (summaries,
 * histograms, per-period means), never for {@code paths.parquet}. Nulls stay null; numbers are
 * {@link Double} or {@link Long}, text is {@link String}.
 */
public final class ResultTable {

  private final Path file;
  private final Map<String, List<Object>> columns;
  private final Map<String, String> metadata;
  private final int rows;

  private ResultTable(Path file, Map<String, List<Object>> columns, Map<String, String> metadata,
      int rows) {
    this.file = file;
    this.columns = columns;
    this.metadata = metadata;
    this.rows = rows;
  }

  /** Reads {@code file}; an unreadable or non-Parquet file is a {@link ReportException}. */
  public static ResultTable read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ReportException(file + ": no such file");
    }
    Configuration conf = new Configuration(false);
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file),
        HadoopReadOptions.builder(conf).build())) {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      Map<String, List<Object>> columns = new LinkedHashMap<>();
      for (Type field : schema.getFields()) {
        columns.put(field.getName(), new ArrayList<>());
      }
      MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
      int rows = 0;
      PageReadStore pages;
      while ((pages = reader.readNextRowGroup()) != null) {
        RecordReader<Group> records = io.getRecordReader(pages, new GroupRecordConverter(schema));
        for (long r = 0; r < pages.getRowCount(); r++) {
          Group g = records.read();
          for (int f = 0; f < schema.getFieldCount(); f++) {
            columns.get(schema.getFieldName(f)).add(value(g, f, schema.getType(f)));
          }
          rows++;
        }
      }
      return new ResultTable(file, columns,
          Collections.unmodifiableMap(reader.getFooter().getFileMetaData().getKeyValueMetaData()),
          rows);
    } catch (IOException | RuntimeException e) {
      throw new ReportException(file + ": not a readable Parquet file (" + e.getMessage() + ")");
    }
  }

  private static Object value(Group g, int field, Type type) {
    if (g.getFieldRepetitionCount(field) == 0) {
      return null;
    }
    PrimitiveType.PrimitiveTypeName kind = type.asPrimitiveType().getPrimitiveTypeName();
    return switch (kind) {
      case DOUBLE -> g.getDouble(field, 0);
      case FLOAT -> (double) g.getFloat(field, 0);
      case INT64 -> g.getLong(field, 0);
      case INT32 -> (long) g.getInteger(field, 0);
      case BOOLEAN -> g.getBoolean(field, 0) ? 1L : 0L;
      case BINARY -> g.getString(field, 0);
      default -> throw new IllegalArgumentException("column " + type.getName() + " is " + kind);
    };
  }

  /** Number of rows. */
  public int rows() {
    return rows;
  }

  /** A metadata value, or {@code fallback} when the file does not carry the key. */
  public String meta(String key, String fallback) {
    String v = metadata.get(key);
    return v == null ? fallback : v;
  }

  /** Whether the file has the column. */
  public boolean has(String column) {
    return columns.containsKey(column);
  }

  /** A text value (null when null). */
  public String string(String column, int row) {
    Object v = column(column).get(row);
    return v == null ? null : v.toString();
  }

  /** A number, NaN when null. */
  public double number(String column, int row) {
    Object v = column(column).get(row);
    return v == null ? Double.NaN : ((Number) v).doubleValue();
  }

  /** The rows whose {@code column} equals {@code value}, in file order. */
  public List<Integer> rowsWhere(String column, String value) {
    List<Integer> out = new ArrayList<>();
    List<Object> c = column(column);
    for (int r = 0; r < rows; r++) {
      if (value.equals(c.get(r))) {
        out.add(r);
      }
    }
    return out;
  }

  /** The distinct values of a text column, in order of first appearance. */
  public List<String> distinct(String column) {
    List<String> out = new ArrayList<>();
    for (Object v : column(column)) {
      if (v != null && !out.contains(v.toString())) {
        out.add(v.toString());
      }
    }
    return out;
  }

  private List<Object> column(String name) {
    List<Object> c = columns.get(name);
    if (c == null) {
      throw new ReportException(file + ": no column '" + name + "' (written by another absmc"
          + " version?)");
    }
    return c;
  }
}
