package io.absmc.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultTableTest {

  private static final MessageType SCHEMA = MessageTypeParser.parseMessageType("""
      message absmc {
        required binary tranche (STRING);
        optional double pd;
        required int64 paths;
        optional int32 period;
      }""");

  /** A file written by Parquet-MR's own example writer, ZSTD like absmc's. */
  private static Path write(Path dir) throws Exception {
    Path file = dir.resolve("summary.parquet");
    SimpleGroupFactory rows = new SimpleGroupFactory(SCHEMA);
    try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file))
        .withType(SCHEMA).withCompressionCodec(CompressionCodecName.ZSTD)
        .withExtraMetaData(Map.of("absmc.seed", "7", "absmc.paths", "1000")).build()) {
      w.write(rows.newGroup().append("tranche", "senior").append("pd", 0.001)
          .append("paths", 1000L).append("period", 3));
      w.write(rows.newGroup().append("tranche", "pool").append("paths", 1000L));
      w.write(rows.newGroup().append("tranche", "senior").append("pd", 0.25)
          .append("paths", 2000L).append("period", 4));
    }
    return file;
  }

  @Test
  void readsColumnsNullsAndMetadata(@TempDir Path dir) throws Exception {
    ResultTable t = ResultTable.read(write(dir));
    assertThat(t.rows()).isEqualTo(3);
    assertThat(t.string("tranche", 1)).isEqualTo("pool");
    assertThat(t.number("pd", 0)).isEqualTo(0.001);
    assertThat(t.number("pd", 1)).isNaN();
    assertThat(t.number("paths", 2)).isEqualTo(2000);
    assertThat(t.number("period", 1)).isNaN();
    assertThat(t.number("period", 2)).isEqualTo(4);
    assertThat(t.meta("absmc.seed", null)).isEqualTo("7");
    assertThat(t.meta("absmc.missing", "fallback")).isEqualTo("fallback");
    assertThat(t.rowsWhere("tranche", "senior")).containsExactly(0, 2);
    assertThat(t.distinct("tranche")).isEqualTo(List.of("senior", "pool"));
  }

  @Test
  void aMissingColumnNamesTheFile(@TempDir Path dir) throws Exception {
    ResultTable t = ResultTable.read(write(dir));
    assertThatThrownBy(() -> t.number("el", 0)).isInstanceOf(ReportException.class)
        .hasMessageContaining("summary.parquet").hasMessageContaining("no column 'el'");
  }

  @Test
  void aFileThatIsNotParquetNamesTheFile(@TempDir Path dir) throws Exception {
    Path bogus = dir.resolve("summary.parquet");
    Files.writeString(bogus, "tranche,pd\nsenior,0.1\n");
    assertThatThrownBy(() -> ResultTable.read(bogus)).isInstanceOf(ReportException.class)
        .hasMessageStartingWith(bogus + ": not a readable Parquet file");
    assertThatThrownBy(() -> ResultTable.read(dir.resolve("none.parquet")))
        .isInstanceOf(ReportException.class).hasMessageContaining("no such file");
  }

  @Test
  void aFolderWithoutResultsIsNoKindOfReport(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> Report.kindOf(dir)).isInstanceOf(ReportException.class)
        .hasMessageContaining("not an absmc output folder");
    write(dir);
    assertThat(Report.kindOf(dir)).isEqualTo(Report.Kind.RUN);
  }
}
