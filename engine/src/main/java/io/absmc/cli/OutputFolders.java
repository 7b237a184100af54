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

  /** Says which temporary folders of interrupted runs on {@code dir} were removed. */
  static void sayRemoved(CommandLine cli, Path dir, java.util.List<Path> removed) {
    for (Path p : removed) {
      cli.getErr().println("absmc: removed " + p + ", left by an interrupted run on " + dir);
    }
  }

  /**
   * Writes {@code content} as the whole of {@code dir} ({@link AtomicOutput#replace}); a folder
   * that holds files without {@code --overwrite}, a file, or a folder another run writes is a
   * usage error. Says which temporary folders of interrupted runs it removed.
   */
  static void replace(CommandLine cli, Path dir, boolean overwrite, AtomicOutput.Content content)
      throws IOException {
    try {
      sayRemoved(cli, dir, AtomicOutput.replace(dir, overwrite, content));
    } catch (AtomicOutput.FolderNotEmptyException | io.absmc.io.OutputRefusedException e) {
      throw new CommandLine.ParameterException(cli, e.getMessage());
    }
  }
}
