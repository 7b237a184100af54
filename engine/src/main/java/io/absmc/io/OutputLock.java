package io.absmc.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Who is writing an output folder: a lock file beside it ({@code .NAME.lock}) held by the
 * operating system's file lock for as long as a process writes the folder, and released by the
 * system when the process ends however it ends (kill -9 included). A second run on the same
 * folder, on a folder inside it, or on a folder that holds one being written, is refused with the
 * lock's owner. Holding the lock, a run may remove what dead runs on the same folder left behind
 * (their temporary folders): no live process can own them.
 *
 * <p>The lock file is created, locked, then checked to be still the file at its path (another
 * process may have removed it between the two); the holder removes it before releasing the lock,
 * so that no lock file outlives its run. Thread-safe; locks held by this process are known to it,
 * so one command may lock a folder inside one it holds (a batch's scenario folders).
 */
public final class OutputLock implements AutoCloseable {

  /** Folders this process holds, absolute and normal. */
  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

  private final Path target;
  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private OutputLock(Path target, Path file, FileChannel channel, FileLock lock) {
    this.target = target;
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock file of a folder: beside it, hidden. */
  static Path lockFile(Path target) {
    return target.resolveSibling("." + target.getFileName() + ".lock");
  }

  /**
   * Locks {@code dir} for writing by this process.
   *
   * @throws OutputRefusedException when another process writes it, a folder it is in, or a
   *     folder in it; when it is, or is inside, a file; when it is the root
   */
  public static OutputLock acquire(Path dir) throws IOException {
    Path target = dir.toAbsolutePath().normalize();
    if (target.getParent() == null) {
      throw new OutputRefusedException(dir + " is the file system's root; choose a folder to write into");
    }
    for (Path a = target.getParent(); a != null && a.getParent() != null; a = a.getParent()) {
      if (!HELD.contains(a)) {
        String owner = heldBy(lockFile(a));
        if (owner != null) {
          throw new OutputRefusedException(dir + " is inside " + a + ", which another absmc run is writing ("
              + owner + "); wait for it or choose another --out");
        }
      }
    }
    if (HELD.contains(target)) {
      throw new OutputRefusedException(dir + " is already being written by this run");
    }
    for (Path a = target; a != null; a = a.getParent()) {
      if (Files.exists(a)) {
        if (!Files.isDirectory(a)) {
          throw new OutputRefusedException(a.equals(target) ? dir + " is a file, not a folder;"
              + " choose another --out" : dir + " is inside " + a + ", which is a file, not a"
              + " folder; choose another --out");
        }
        break;
      }
    }
    Files.createDirectories(target.getParent());
    Path file = lockFile(target);
    for (int attempt = 0; attempt < 10; attempt++) {
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
          StandardOpenOption.WRITE, StandardOpenOption.READ);
      Object key = fileKey(file);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        String owner = read(channel);
        channel.close();
        throw new OutputRefusedException(dir + " is being written by another absmc run ("
            + (owner.isBlank() ? "owner unknown" : owner) + "); wait for it or choose another"
            + " --out");
      }
      if (!Files.exists(file) || key != null && !Objects.equals(key, fileKey(file))) {
        // removed or replaced between opening and locking: try again
        lock.release();
        channel.close();
        continue;
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", since "
          + Instant.now()).getBytes(StandardCharsets.UTF_8)));
      channel.force(false);
      HELD.add(target);
      OutputLock held = new OutputLock(target, file, channel, lock);
      held.checkInside();
      return held;
    }
    throw new OutputRefusedException("could not lock " + dir + ": its lock file keeps changing");
  }

  /** Refuses when a folder inside the target is being written by another process. */
  private void checkInside() throws IOException {
    if (!Files.isDirectory(target)) {
      return;
    }
    List<Path> locks = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(target, 8)) {
      walk.filter(p -> {
        String n = p.getFileName().toString();
        return n.startsWith(".") && n.endsWith(".lock");
      }).forEach(locks::add);
    }
    for (Path f : locks) {
      String owner = heldBy(f);
      if (owner != null) {
        close();
        throw new OutputRefusedException(target + " holds " + f.getParent() + ", which another absmc run"
            + " is writing (" + owner + "); wait for it or choose another --out");
      }
    }
  }

  /**
   * Removes what earlier runs on this folder left beside it when they died (their hidden
   * temporary folders {@code .NAME.tmp-*} and {@code .NAME.old-*}): only the holder of the lock
   * may, since no live process can own them then.
   *
   * @return the folders removed
   */
  public List<Path> removeLeftovers() throws IOException {
    List<Path> removed = new ArrayList<>();
    String prefix = "." + target.getFileName() + ".";
    try (DirectoryStream<Path> s = Files.newDirectoryStream(target.getParent(),
        p -> p.getFileName().toString().startsWith(prefix + "tmp-")
            || p.getFileName().toString().startsWith(prefix + "old-"))) {
      for (Path p : s) {
        if (Files.isDirectory(p)) {
          AtomicOutput.deleteTree(p);
          removed.add(p);
        }
      }
    }
    return removed;
  }

  /** Who holds a lock file (its text), or null when nobody does (or there is no such file). */
  private static String heldBy(Path file) throws IOException {
    if (!Files.exists(file)) {
      return null;
    }
    try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE,
        StandardOpenOption.READ)) {
      FileLock probe;
      try {
        probe = c.tryLock();
      } catch (OverlappingFileLockException e) {
        return "this process";
      }
      if (probe != null) {
        probe.release();
        return null;
      }
      String owner = read(c);
      return owner.isBlank() ? "owner unknown" : owner;
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private static String read(FileChannel c) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(256);
    c.read(b, 0);
    b.flip();
    return StandardCharsets.UTF_8.decode(b).toString().trim();
  }

  private static Object fileKey(Path file) {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    } catch (IOException e) {
      return null;
    }
  }

  /** Removes the lock file and releases the lock. */
  @Override
  public void close() throws IOException {
    if (!HELD.remove(target)) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } finally {
      lock.release();
      channel.close();
    }
  }
}
