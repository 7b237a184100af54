package io.absmc.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Writes a table of columns to a Parquet file with Parquet-MR: ZSTD compression, the columns'
 * units and meanings and the run's provenance as key-value metadata. Writes through
 * {@link LocalOutputFile} (plain files: no Hadoop file system, no {@code .crc} side files); the
 * Hadoop configuration is an empty one, so nothing is read from the machine.
 *
 * <p>Rows are written in order by index. A table may be written in parts ({@link Appender}) when
 * its rows are produced block by block. Each part is written column by column straight into
 * Parquet-MR's column write store (the pages and row groups of {@link ParquetFileWriter}), not
 * record by record through a record consumer: nearly twice the rows per second for paths.parquet.
 */
public final class ParquetTable {

  /** A row group is closed once its compressed pages reach this many bytes. */
  private static final long ROW_GROUP_BYTES = 128L << 20;

  private ParquetTable() {
  }

  /** Writes rows {@code 0 .. rows-1} of the columns. */
  public static void write(Path file, List<Column> columns, Map<String, String> metadata, long rows)
      throws IOException {
    try (Appender a = open(file, columns, metadata)) {
      a.append(rows);
    } catch (IOException e) {
      // a full disk says only "No space left on device": name the file
      throw new IOException("could not write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Opens a file to append rows to, in parts. */
  public static Appender open(Path file, List<Column> columns, Map<String, String> metadata)
      throws IOException {
    return new Appender(new LocalOutputFile(file), columns, metadata);
  }

  /** The key-value metadata every file carries for its columns: unit and meaning per column. */
  static Map<String, String> columnDocs(List<Column> columns) {
    Map<String, String> docs = new LinkedHashMap<>();
    for (Column c : columns) {
      docs.put("absmc.column." + c.name(), (c.unit().isEmpty() ? "" : "[" + c.unit() + "] ")
          + c.meaning());
    }
    return docs;
  }

  /**
   * An empty Hadoop configuration (nothing read from the machine) but for ZSTD's level: 1, the
   * fastest, since results are written once per run and most columns are smooth or zero.
   */
  private static Configuration configuration() {
    Configuration conf = new Configuration(false);
    conf.setInt("parquet.compression.codec.zstd.level", 1);
    return conf;
  }

  /** An open Parquet file taking rows by index. */
  public static final class Appender implements AutoCloseable {

    private final Column[] columns;
    private final ColumnDescriptor[] descriptors;
    private final MessageType schema;
    private final Map<String, String> metadata;
    private final ParquetProperties props;
    private final CodecFactory codecs;
    private final BytesInputCompressor compressor;
    private final ParquetFileWriter file;
    private ColumnChunkPageWriteStore pages;
    private ColumnWriteStore store;
    private long rowsInGroup;
    private int rowGroups;

    Appender(OutputFile out, List<Column> columns, Map<String, String> metadata) throws IOException {
      this.columns = columns.toArray(new Column[0]);
      List<Type> fields = new ArrayList<>();
      for (Column c : columns) {
        fields.add(c.parquetType());
      }
      this.schema = new MessageType("absmc", fields);
      this.descriptors = schema.getColumns().toArray(new ColumnDescriptor[0]);
      this.metadata = new LinkedHashMap<>(metadata);
      this.metadata.putAll(columnDocs(columns));
      // dictionaries pay for names and small integers, not for continuous doubles or path numbers
      ParquetProperties.Builder builder = ParquetProperties.builder().withDictionaryEncoding(false)
          .withSizeStatisticsEnabled(false);
      for (Column c : columns) {
        if (c.kind() == Column.Kind.INT || c.kind() == Column.Kind.STRING) {
          builder = builder.withDictionaryEncoding(c.name(), true);
        }
      }
      this.props = builder.build();
      this.codecs = new CodecFactory(configuration(), props.getPageSizeThreshold());
      this.compressor = codecs.getCompressor(CompressionCodecName.ZSTD);
      this.file = new ParquetFileWriter(out, schema, ParquetFileWriter.Mode.OVERWRITE,
          ROW_GROUP_BYTES, 0, null, props);
      file.start();
      startRowGroup();
    }

    private void startRowGroup() {
      pages = new ColumnChunkPageWriteStore(compressor, schema, props.getAllocator(),
          props.getColumnIndexTruncateLength(), props.getPageWriteChecksumEnabled(), null,
          rowGroups);
      store = props.newColumnWriteStore(schema, pages, pages);
      rowsInGroup = 0;
    }

    /** Appends rows {@code 0 .. rows-1} as the columns' accessors give them now. */
    public void append(long rows) throws IOException {
      int n = Math.toIntExact(rows);
      for (int c = 0; c < columns.length; c++) {
        columns[c].writeTo(store.getColumnWriter(descriptors[c]), n);
      }
      for (int i = 0; i < n; i++) {
        store.endRecord();
      }
      rowsInGroup += n;
      if (store.getBufferedSize() >= ROW_GROUP_BYTES) {
        flushRowGroup();
        startRowGroup();
      }
    }

    private void flushRowGroup() throws IOException {
      if (rowsInGroup > 0) {
        file.startBlock(rowsInGroup);
        store.flush();
        pages.flushToFileWriter(file);
        file.endBlock();
        rowGroups++;
      }
      store.close();
    }

    @Override
    public void close() throws IOException {
      try {
        flushRowGroup();
        file.end(metadata);
      } finally {
        codecs.release();
      }
    }
  }
}
