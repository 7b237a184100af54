package io.absmc.scenario.yaml;

import io.absmc.scenario.ScenarioException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads an input file as UTF-8 text, refusing what cannot be one: more than a limit of bytes
 * (checked while reading, so a device or a pipe that never ends is refused too), bytes that are
 * not UTF-8 (with the line they are on), folders and missing files; a byte-order mark is dropped.
 * Every refusal is one {@link ScenarioException} line naming the file.
 */
public final class InputText {

  /** The largest scenario or stress file read: 4 MiB (the bundled deals are under 10 KB). */
  public static final int MAX_BYTES = 4 << 20;

  private InputText() {
  }

  /** The text of a file of at most {@link #MAX_BYTES} bytes. */
  public static String read(Path file) {
    return read(file, MAX_BYTES);
  }

  /** The text of a file of at most {@code maxBytes} bytes. */
  public static String read(Path file, int maxBytes) {
    String name = file.toString();
    if (Files.isDirectory(file)) {
      throw new ScenarioException(List.of(name + ": is a folder, not a file"));
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(maxBytes + 1);
    } catch (NoSuchFileException e) {
      throw new ScenarioException(List.of(name + ": no such file"));
    } catch (AccessDeniedException e) {
      throw new ScenarioException(List.of(name + ": cannot read: permission denied"));
    } catch (IOException e) {
      throw new ScenarioException(List.of(name + ": cannot read: " + e.getMessage()));
    }
    if (bytes.length > maxBytes) {
      throw new ScenarioException(List.of(name + ": larger than " + (maxBytes >> 20)
          + " MiB; absmc reads scenario and stress files of at most that size (is it the right"
          + " file?)"));
    }
    return decode(bytes, name);
  }

  /** Decodes UTF-8, reporting the line of the first bytes that are not; drops a byte-order mark. */
  static String decode(byte[] bytes, String name) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult r = decoder.decode(in, out, true);
    if (r.isError()) {
      int at = in.position();
      int line = 1;
      for (int i = 0; i < at; i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw new ScenarioException(List.of(name + ":" + line + ": not UTF-8 text (byte 0x"
          + String.format("%02X", bytes[at] & 0xff) + "); save the file as UTF-8"));
    }
    decoder.flush(out);
    out.flip();
    String text = out.toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
