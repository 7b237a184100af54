package io.absmc.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Where a command writes when it is not given {@code --out}. */
final class OutputFolders {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneId.systemDefault());

  private OutputFolders() {
  }

  /** {@code out/<scenario>/<prefix><start time>}: a new folder for every run. */
  static Path defaultFor(String scenario, String prefix, Instant start) {
    return Path.of("out", scenario, prefix + STAMP.format(start));
  }
}
