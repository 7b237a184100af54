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
 * Streams a UTF-8 CSV file: its header row, then each record with the line it starts on (blank
 * lines skipped). A syntax error is a problem at the record it is in; an empty file is a problem
 * with the reader's message. Reading stops, throwing {@link ScenarioException}, after 50 problems.
 */
final class CsvRows {

  /** Receives a record's cells, the columns' positions and the record's first line. */
  interface Row {
    void accept(String[] cells, Map<String, Integer> columns, int line);
  }

  /** Reading that may fail on the file (a missing file, an I/O error). */
  interface Reading {
    void run() throws IOException;
  }

  private CsvRows() {
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
}
