package io.absmc.cli;

import io.absmc.io.AtomicOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import picocli.CommandLine;

/** Where a command writes: its default folder, and the all-or-nothing write into it. */
public final class OutputFolders {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneId.systemDefault());

  private OutputFolders() {
  }

  /** {@code out/<scenario>/<prefix><start time>}: a new folder for every run. */
  public static Path defaultFor(String scenario, String prefix, Instant start) {
    return Path.of("out", scenario, prefix + STAMP.format(start));
  }

  /**
   * Writes {@code content} as the whole of {@code dir} ({@link AtomicOutput#replace}); a folder
   * that holds files without {@code --overwrite} is a usage error.
   */
  static void replace(CommandLine cli, Path dir, boolean overwrite, AtomicOutput.Content content)
      throws IOException {
    try {
      AtomicOutput.replace(dir, overwrite, content);
    } catch (AtomicOutput.FolderNotEmptyException e) {
      throw new CommandLine.ParameterException(cli, e.getMessage());
    }
  }
}
