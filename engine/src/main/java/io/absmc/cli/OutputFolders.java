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
   * that holds files without {@code --overwrite}, a file, or a folder another run writes is a
   * usage error. Says which temporary folders of interrupted runs it removed.
   */
  static void replace(CommandLine cli, Path dir, boolean overwrite, AtomicOutput.Content content)
      throws IOException {
    try {
      for (Path p : AtomicOutput.replace(dir, overwrite, content)) {
        cli.getErr().println("absmc: removed " + p + ", left by an interrupted run on " + dir);
      }
    } catch (AtomicOutput.FolderNotEmptyException | io.absmc.io.OutputRefusedException e) {
      throw new CommandLine.ParameterException(cli, e.getMessage());
    }
  }
}
