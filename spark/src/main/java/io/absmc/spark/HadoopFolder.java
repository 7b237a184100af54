package io.absmc.spark;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.ShutdownHookManager;

/**
 * An output folder on any Hadoop file system (local, HDFS, an object store with its connector),
 * written complete or not at all like the engine's local folders: everything goes into a hidden
 * staging folder beside it, which is renamed into place once complete. On HDFS and local disks the
 * rename is atomic; object stores copy on rename, so there the folder appears file by file at the
 * end (but never before the run is complete). A run stopped by a signal (Ctrl-C, a killed job)
 * deletes its staging folder on the way out, before Hadoop closes its file systems.
 */
final class HadoopFolder {

  /** Runs before Hadoop's own hook closes the file systems (priority 10). */
  private static final int CLEAN_UP_PRIORITY = 30;

  private final FileSystem fs;
  private final Path target;
  private final Path staging;
  private final Runnable cleanUp = this::deleteStagingForGood;

  private HadoopFolder(FileSystem fs, Path target) {
    this.fs = fs;
    this.target = target;
    this.staging = new Path(target.getParent(),
        "." + target.getName() + ".tmp-" + UUID.randomUUID());
  }

  /**
   * Opens the folder at {@code uri} for a new run: refused when it holds anything and {@code
   * overwrite} is false.
   *
   * @throws NotEmptyException the folder holds files and {@code overwrite} is false
   */
  static HadoopFolder open(String uri, Configuration conf, boolean overwrite) throws IOException {
    Path target = new Path(uri);
    FileSystem fs = target.getFileSystem(conf);
    target = fs.makeQualified(target);
    if (fs.exists(target)) {
      FileStatus status = fs.getFileStatus(target);
      if (!status.isDirectory()) {
        throw new IOException(uri + " is a file, not a folder");
      }
      if (!overwrite && fs.listStatus(target).length > 0) {
        throw new NotEmptyException(uri);
      }
    }
    HadoopFolder folder = new HadoopFolder(fs, target);
    ShutdownHookManager.get().addShutdownHook(folder.cleanUp, CLEAN_UP_PRIORITY);
    return folder;
  }

  /** Where the folder is, for people: a plain path on the local file system, else its URI. */
  String uri() {
    return "file".equals(target.toUri().getScheme()) ? target.toUri().getPath()
        : target.toString();
  }

  /** The URI of {@code name} in the staging folder (for Spark's writers). */
  String staged(String name) {
    return new Path(staging, name).toString();
  }

  /** Copies the files of a local folder (the driver's outputs) into {@code sub} of the staging folder. */
  void copyFrom(java.nio.file.Path local, String sub) throws IOException {
    Path into = sub.isEmpty() ? staging : new Path(staging, sub);
    fs.mkdirs(into);
    try (DirectoryStream<java.nio.file.Path> files = Files.newDirectoryStream(local)) {
      for (java.nio.file.Path f : files) {
        if (Files.isRegularFile(f)) {
          fs.copyFromLocalFile(false, true, new Path(f.toUri()),
              new Path(into, f.getFileName().toString()));
        }
      }
    }
  }

  /** Puts the complete staging folder in place of the target (and its old content). */
  void publish() throws IOException {
    forgetCleanUp();
    fs.mkdirs(staging);
    if (fs.exists(target)) {
      Path old = new Path(target.getParent(), "." + target.getName() + ".old-" + UUID.randomUUID());
      rename(target, old);
      rename(staging, target);
      fs.delete(old, true);
    } else {
      fs.mkdirs(target.getParent());
      rename(staging, target);
    }
  }

  /** Deletes the staging folder (after a failure). */
  void discard() {
    forgetCleanUp();
    deleteStaging();
  }

  /**
   * On the way out after a signal: Spark's tasks stop at their next block, and one may still
   * create a file in the staging folder after it was deleted, so the folder is deleted until it
   * has stayed away for a second (at most ten).
   */
  private void deleteStagingForGood() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    long quiet = 0;
    while (quiet < 5 && System.nanoTime() < deadline) {
      try {
        boolean existed = fs.exists(staging);
        deleteStaging();
        quiet = existed ? 0 : quiet + 1;
        Thread.sleep(200);
      } catch (IOException e) {
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void deleteStaging() {
    try {
      fs.delete(staging, true);
    } catch (IOException e) {
      // the failure (or signal) that brought us here is what the user needs to see
    }
  }

  private void forgetCleanUp() {
    try {
      ShutdownHookManager.get().removeShutdownHook(cleanUp);
    } catch (IllegalStateException e) {
      // shutting down already: the hook runs
    }
  }

  private void rename(Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("could not rename " + from + " to " + to);
    }
  }

  /** An output folder that already holds files. */
  static final class NotEmptyException extends IOException {
    private static final long serialVersionUID = 1L;

    NotEmptyException(String uri) {
      super(uri + " is not empty; choose another --out or add --overwrite");
    }
  }
}
