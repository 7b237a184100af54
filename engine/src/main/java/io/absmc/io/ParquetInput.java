package io.absmc.io;

import io.airlift.compress.MalformedInputException;
import io.airlift.compress.snappy.SnappyDecompressor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;

/**
 * Opens the Parquet files users bring (loan tapes, vintage tables, loan-level data). Parquet-MR
 * decompresses Snappy pages with snappy-java, a native library of 6.6 MB for a dozen platforms;
 * pandas, pyarrow and DuckDB write Snappy by default, so absmc reads it with aircompressor's pure
 * Java decompressor instead, which Parquet-MR already brings for its other codecs. absmc itself
 * writes ZSTD.
 */
public final class ParquetInput {

  private ParquetInput() {
  }

  /** A reader of a local Parquet file; a missing file is a {@link NoSuchFileException}. */
  public static ParquetFileReader open(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString());
    }
    Configuration conf = new Configuration(false);
    return ParquetFileReader.open(new LocalInputFile(file), HadoopReadOptions.builder(conf)
        .withCodecFactory(new Codecs(conf)).build());
  }

  /** Parquet-MR's codecs, but Snappy in pure Java. */
  private static final class Codecs extends CodecFactory {

    Codecs(Configuration conf) {
      super(conf, 0);
    }

    @Override
    protected BytesDecompressor createDecompressor(CompressionCodecName codec) {
      return codec == CompressionCodecName.SNAPPY ? new Snappy() : super.createDecompressor(codec);
    }
  }

  /** A Snappy page: one raw Snappy block (not the framed stream format). */
  private static final class Snappy extends CodecFactory.BytesDecompressor {

    private final SnappyDecompressor snappy = new SnappyDecompressor();

    @Override
    public BytesInput decompress(BytesInput bytes, int size) throws IOException {
      return BytesInput.from(decompress(bytes.toByteArray(), size));
    }

    @Override
    public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int size)
        throws IOException {
      byte[] in = new byte[compressedSize];
      input.duplicate().get(in);
      output.put(decompress(in, size));
    }

    /** A page of {@code size} bytes once decompressed. */
    private byte[] decompress(byte[] in, int size) throws IOException {
      byte[] out = new byte[size];
      int n;
      try {
        n = snappy.decompress(in, 0, in.length, out, 0, out.length);
      } catch (MalformedInputException e) {
        throw new IOException("corrupt Snappy page: " + e.getMessage(), e);
      }
      if (n != size) {
        throw new IOException("Snappy page decompressed to " + n + " bytes, expected " + size);
      }
      return out;
    }

    @Override
    public void release() {
    }
  }
}
