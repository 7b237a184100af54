package io.absmc.calibrate;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.absmc.scenario.ScenarioException;
import io.absmc.scenario.yaml.Problems;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Streams a table: a UTF-8 CSV file (its header row, then each record with the line it starts on,
 * blank lines skipped; a syntax error is a problem at the record it is in), or a flat Parquet
 * file ({@code .parquet}: its column names, then each row with its 1-based number, every value as
 * text: numbers as written, a DATE column as yyyy-MM-dd, a missing value as nothing). An empty
 * file is a problem with the reader's message. Reading stops, throwing {@link
 * ScenarioException}, after 50 problems.
 */
final class TableRows {

  /** Receives a record's cells, the columns' positions and the record's first line. */
  interface Row {
    void accept(String[] cells, Map<String, Integer> columns, int line);
  }

  /** Reading that may fail on the file (a missing file, an I/O error). */
  interface Reading {
    void run() throws IOException;
  }

  private TableRows() {
  }

  /**
   * Runs {@code reading}, turning a missing or unreadable file into a problem naming
   * {@code what} (problems already thrown pass through).
   */
  static void guarded(Problems problems, String what, Reading reading) {
    try {
      reading.run();
    } catch (java.nio.file.NoSuchFileException e) {
      problems.add(1, "", "no such " + what);
    } catch (IOException | RuntimeException e) {
      if (e instanceof ScenarioException se) {
        throw se;
      }
      problems.add(1, "", "cannot read the " + what + ": "
          + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
    }
  }

  /**
   * Reads {@code file}: {@code header} maps the header row to the columns' positions (null, with
   * problems recorded, to stop), then {@code row} takes every record.
   *
   * @throws java.nio.file.NoSuchFileException when there is no file
   */
  static void read(Path file, Problems problems, String emptyMessage,
      Function<String[], Map<String, Integer>> header, Row row) throws IOException {
    if (isParquet(file)) {
      readParquet(file, problems, header, row);
      return;
    }
    int line = 1;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        MappingIterator<String[]> rows = new CsvMapper().readerFor(String[].class)
            .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(reader)) {
      if (!rows.hasNext()) {
        problems.add(1, "", emptyMessage);
        throw new ScenarioException(problems.messages());
      }
      Map<String, Integer> col = header.apply(rows.next());
      if (col == null) {
        throw new ScenarioException(problems.messages());
      }
      while (true) {
        line = rows.getParser().currentLocation().getLineNr();
        if (!rows.hasNext()) {
          break;
        }
        String[] r = rows.next();
        if (r.length == 1 && r[0].isBlank()) {
          continue;
        }
        row.accept(r, col, line);
        if (problems.size() >= 50) {
          problems.add(line, "", "stopped reading after 50 problems");
          throw new ScenarioException(problems.messages());
        }
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException
        | com.fasterxml.jackson.databind.RuntimeJsonMappingException e) {
      problems.add(line, "", "not valid CSV: "
          + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
    }
  }

  /** Whether a file is read as Parquet: its name ends in {@code .parquet}. */
  static boolean isParquet(Path file) {
    return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".parquet");
  }

  /** The column names of a table's header: a CSV file's first row, a Parquet file's schema. */
  static String[] header(Path file) throws IOException {
    if (isParquet(file)) {
      try (org.apache.parquet.hadoop.ParquetFileReader reader = open(file)) {
        return reader.getFooter().getFileMetaData().getSchema().getFields().stream()
            .map(org.apache.parquet.schema.Type::getName).toArray(String[]::new);
      }
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        MappingIterator<String[]> rows = new CsvMapper().readerFor(String[].class)
            .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(reader)) {
      return rows.hasNext() ? rows.next() : new String[0];
    }
  }

  private static org.apache.parquet.hadoop.ParquetFileReader open(Path file) throws IOException {
    return io.absmc.io.ParquetInput.open(file);
  }

  /** A flat Parquet table, row by row (Parquet-MR's record reader), its problems by row. */
  private static void readParquet(Path file, Problems problems,
      Function<String[], Map<String, Integer>> header, Row row) throws IOException {
    try (org.apache.parquet.hadoop.ParquetFileReader reader = open(file)) {
      org.apache.parquet.schema.MessageType schema =
          reader.getFooter().getFileMetaData().getSchema();
      String[] names = schema.getFields().stream().map(org.apache.parquet.schema.Type::getName)
          .toArray(String[]::new);
      boolean[] date = new boolean[names.length];
      for (int f = 0; f < names.length; f++) {
        date[f] = schema.getType(f).getLogicalTypeAnnotation()
            instanceof org.apache.parquet.schema.LogicalTypeAnnotation.DateLogicalTypeAnnotation;
      }
      Map<String, Integer> col = header.apply(names);
      if (col == null) {
        throw new ScenarioException(problems.messages());
      }
      org.apache.parquet.io.MessageColumnIO io =
          new org.apache.parquet.io.ColumnIOFactory().getColumnIO(schema);
      org.apache.parquet.column.page.PageReadStore pages;
      int line = 0;
      while ((pages = reader.readNextRowGroup()) != null) {
        org.apache.parquet.io.RecordReader<org.apache.parquet.example.data.Group> records =
            io.getRecordReader(pages,
                new org.apache.parquet.example.data.simple.convert.GroupRecordConverter(schema));
        for (long r = 0; r < pages.getRowCount(); r++) {
          org.apache.parquet.example.data.Group g = records.read();
          String[] cells = new String[names.length];
          for (int f = 0; f < names.length; f++) {
            cells[f] = g.getFieldRepetitionCount(f) == 0 ? ""
                : date[f] ? java.time.LocalDate.ofEpochDay(g.getInteger(f, 0)).toString()
                : g.getValueToString(f, 0);
          }
          row.accept(cells, col, ++line);
          if (problems.size() >= 50) {
            problems.add(line, "", "stopped reading after 50 problems");
            throw new ScenarioException(problems.messages());
          }
        }
      }
    }
  }
}
