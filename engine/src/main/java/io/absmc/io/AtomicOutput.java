package io.absmc.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a set of output files so that they appear complete or not at all: everything is written
 * into a hidden temporary folder beside the target, then moved into place (the whole folder in one
 * atomic rename when the target does not exist yet). A failure removes the temporary folder. The
 * target is locked for the whole write ({@link OutputLock}): another run on it, inside it or on a
 * folder it holds is refused, and what dead runs on it left beside it is removed first.
 */
public final class AtomicOutput {

  /** Writes files into the folder it is given. */
  @FunctionalInterface
  public interface Content {
    void writeInto(Path tmpDir) throws IOException;
  }

  /** Writes one file to the path it is given. */
  @FunctionalInterface
  public interface FileContent {
    void writeTo(Path file) throws IOException;
  }

  private AtomicOutput() {
  }

  /**
   * Writes a new file: into a hidden {@code .NAME.part} beside it, moved into place when complete
   * (removed on failure). An existing file is never replaced: it is an
   * {@link OutputRefusedException}, and nothing is written.
   */
  public static void writeNewFile(Path file, FileContent content) throws IOException {
    if (Files.exists(file)) {
      throw new OutputRefusedException(file + " already exists: choose another name, or delete"
          + " it first");
    }
    Path folder = file.toAbsolutePath().getParent();
    Files.createDirectories(folder);
    Path part = folder.resolve("." + file.getFileName() + ".part");
    try {
      content.writeTo(part);
      Files.move(part, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(part);
    }
  }

  /** Writes {@code content} and publishes it in {@code dir}. */
  public static void write(Path dir, Content content) throws IOException {
    Path target = dir.toAbsolutePath().normalize();
    try (OutputLock lock = OutputLock.acquire(target)) {
      lock.removeLeftovers();
      publish(target, content);
    }
  }

  private static void publish(Path target, Content content) throws IOException {
    Path parent = target.getParent();
    Path tmp = temporaryFolder(parent, target);
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

  /**
   * Writes {@code content} as the whole of {@code dir}: refused when {@code dir} holds anything and
   * {@code overwrite} is false; otherwise the old folder is swapped out only once the new one is
   * complete.
   *
   * @return the temporary folders of dead runs on {@code dir} that were removed first
   * @throws FolderNotEmptyException when {@code dir} is not empty and {@code overwrite} is false
   * @throws OutputRefusedException when another run writes {@code dir}, a folder it is in or one
   *     in it, or when {@code dir} is or is inside a file
   */
  public static List<Path> replace(Path dir, boolean overwrite, Content content)
      throws IOException {
    Path target = dir.toAbsolutePath().normalize();
    try (OutputLock lock = OutputLock.acquire(target)) {
      if (!overwrite && Files.isDirectory(target)) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(target)) {
          if (files.iterator().hasNext()) {
            throw new FolderNotEmptyException(dir);
          }
        }
      }
      List<Path> removed = lock.removeLeftovers();
      Path parent = target.getParent();
      Path tmp = temporaryFolder(parent, target);
      try {
        content.writeInto(tmp);
        if (Files.exists(target)) {
          Path old = Files.createTempDirectory(parent, "." + target.getFileName() + ".old-");
          Files.delete(old);
          move(target, old);
          move(tmp, target);
          deleteTree(old);
        } else {
          move(tmp, target);
        }
      } catch (IOException | RuntimeException e) {
        deleteTree(tmp);
        throw e;
      }
      return removed;
    }
  }

  /** An output folder that already holds files. */
  public static final class FolderNotEmptyException extends IOException {
    private static final long serialVersionUID = 1L;

    FolderNotEmptyException(Path dir) {
      super(dir + " is not empty; choose another --out or add --overwrite");
    }
  }

  /** A hidden folder beside the target, with the permissions of an ordinary folder. */
  private static Path temporaryFolder(Path parent, Path target) throws IOException {
    Path tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
    try {
      Files.setPosixFilePermissions(tmp,
          java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (UnsupportedOperationException notPosix) {
      // the file system's default permissions stand
    }
    return tmp;
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Deletes a folder and everything in it, as far as it can (a temporary folder's clean-up). */
  public static void deleteTree(Path root) {
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
