package io.absmc.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes a set of output files so that they appear complete or not at all: everything is written
 * into a hidden temporary folder beside the target, then moved into place (the whole folder in one
 * atomic rename when the target does not exist yet). A failure removes the temporary folder.
 */
public final class AtomicOutput {

  /** Writes files into the folder it is given. */
  @FunctionalInterface
  public interface Content {
    void writeInto(Path tmpDir) throws IOException;
  }

  private AtomicOutput() {
  }

  /** Writes {@code content} and publishes it in {@code dir}. */
  public static void write(Path dir, Content content) throws IOException {
    Path target = dir.toAbsolutePath().normalize();
    Path parent = target.getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
    try {
      content.writeInto(tmp);
      if (!Files.exists(target)) {
        move(tmp, target);
        return;
      }
      try (DirectoryStream<Path> files = Files.newDirectoryStream(tmp)) {
        for (Path f : files) {
          move(f, target.resolve(f.getFileName()));
        }
      }
      Files.delete(tmp);
    } catch (IOException | RuntimeException e) {
      deleteTree(tmp);
      throw e;
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      // best effort: the temporary folder is hidden and named as such
    }
  }
}
