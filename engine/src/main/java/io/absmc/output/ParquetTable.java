package io.absmc.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Writes a table of columns to a Parquet file with Parquet-MR: ZSTD compression, the columns'
 * units and meanings and the run's provenance as key-value metadata. Writes through
 * {@link LocalOutputFile} (plain files: no Hadoop file system, no {@code .crc} side files); the
 * Hadoop configuration is an empty one, so nothing is read from the machine.
 *
 * <p>Rows are written in order by index. A table may be written in parts ({@link Appender}) when
 * its rows are produced block by block.
 */
public final class ParquetTable {

  private ParquetTable() {
  }

  /** Writes rows {@code 0 .. rows-1} of the columns. */
  public static void write(Path file, List<Column> columns, Map<String, String> metadata, long rows)
      throws IOException {
    try (Appender a = open(file, columns, metadata)) {
      a.append(rows);
    }
  }

  /** Opens a file to append rows to, in parts. */
  public static Appender open(Path file, List<Column> columns, Map<String, String> metadata)
      throws IOException {
    return new Appender(new LocalOutputFile(file), columns, metadata);
  }

  /** The key-value metadata every file carries for its columns: unit and meaning per column. */
  static Map<String, String> columnDocs(List<Column> columns) {
    Map<String, String> docs = new java.util.LinkedHashMap<>();
    for (Column c : columns) {
      docs.put("absmc.column." + c.name(), (c.unit().isEmpty() ? "" : "[" + c.unit() + "] ")
          + c.meaning());
    }
    return docs;
  }

  /** An open Parquet file taking rows by index. */
  public static final class Appender implements AutoCloseable {

    private final ParquetWriter<int[]> writer;
    private final int[] row = new int[1];

    Appender(OutputFile out, List<Column> columns, Map<String, String> metadata) throws IOException {
      Map<String, String> meta = new java.util.LinkedHashMap<>(metadata);
      meta.putAll(columnDocs(columns));
      Builder builder = new Builder(out, columns, meta)
          .withConf(new Configuration(false))
          .withCompressionCodec(CompressionCodecName.ZSTD)
          .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
          // dictionaries pay for names and small integers, not for continuous doubles
          .withDictionaryEncoding(false);
      for (Column c : columns) {
        if (c.kind() != Column.Kind.DOUBLE) {
          builder = builder.withDictionaryEncoding(c.name(), true);
        }
      }
      writer = builder.build();
    }

    /** Appends rows {@code 0 .. rows-1} as the columns' accessors give them now. */
    public void append(long rows) throws IOException {
      for (int i = 0; i < rows; i++) {
        row[0] = i;
        writer.write(row);
      }
    }

    @Override
    public void close() throws IOException {
      writer.close();
    }
  }

  private static final class Builder extends ParquetWriter.Builder<int[], Builder> {
    private final List<Column> columns;
    private final Map<String, String> metadata;

    Builder(OutputFile file, List<Column> columns, Map<String, String> metadata) {
      super(file);
      this.columns = columns;
      this.metadata = metadata;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<int[]> getWriteSupport(Configuration conf) {
      return new RowSupport(columns, metadata);
    }
  }

  /** Writes the row whose index is in the record. */
  private static final class RowSupport extends WriteSupport<int[]> {
    private final Column[] columns;
    private final Map<String, String> metadata;
    private final MessageType schema;
    private RecordConsumer out;

    RowSupport(List<Column> columns, Map<String, String> metadata) {
      this.columns = columns.toArray(new Column[0]);
      this.metadata = metadata;
      List<Type> fields = new ArrayList<>();
      for (Column c : columns) {
        fields.add(c.parquetType());
      }
      this.schema = new MessageType("absmc", fields);
    }

    @Override
    public WriteContext init(Configuration configuration) {
      return new WriteContext(schema, metadata);
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      this.out = recordConsumer;
    }

    @Override
    public void write(int[] record) {
      int row = record[0];
      out.startMessage();
      for (int i = 0; i < columns.length; i++) {
        columns[i].write(out, i, row);
      }
      out.endMessage();
    }
  }
}
