package io.absmc.output;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads Parquet files with DuckDB (an independent reader) for tests. */
public final class DuckDb {

  private DuckDb() {
  }

  /** Rows of a query, each as column name to value. */
  public static List<Map<String, Object>> query(String sql) {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      ResultSetMetaData md = r.getMetaData();
      List<Map<String, Object>> rows = new ArrayList<>();
      while (r.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          row.put(md.getColumnName(i), r.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** Runs a statement that returns no rows, such as {@code COPY ... TO}. */
  public static void execute(String sql) {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** All rows of a Parquet file. */
  public static List<Map<String, Object>> read(Path file) {
    return query("SELECT * FROM read_parquet('" + file + "')");
  }

  /** The file's key-value metadata. */
  public static Map<String, String> metadata(Path file) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map<String, Object> row : query("SELECT decode(key) AS k, decode(value) AS v FROM "
        + "parquet_kv_metadata('" + file + "')")) {
      out.put((String) row.get("k"), (String) row.get("v"));
    }
    return out;
  }
}
