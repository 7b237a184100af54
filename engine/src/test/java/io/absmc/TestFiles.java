package io.absmc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the project's own files (scenarios, schema) from tests in any module. */
public final class TestFiles {

  private TestFiles() {
  }

  /** The repository root (set by Surefire, else found from the working directory). */
  public static Path root() {
    String prop = System.getProperty("absmc.projectRoot");
    if (prop != null) {
      return Path.of(prop).toAbsolutePath().normalize();
    }
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("scenarios"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("cannot find the project root from " + Path.of("").toAbsolutePath());
    }
    return p;
  }

  /** A path under the repository root. */
  public static Path path(String relative) {
    return root().resolve(relative);
  }

  /** The text of a file under the repository root. */
  public static String read(String relative) {
    try {
      return Files.readString(path(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
