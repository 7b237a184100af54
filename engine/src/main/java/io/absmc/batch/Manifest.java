package io.absmc.batch;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.absmc.output.RunFiles;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A batch's record of itself ({@code _manifest.json} in its folder): the settings every scenario
 * shares and, for each finished scenario, when it finished and its statistics. A scenario counts as
 * finished only when it is in the manifest; the manifest is replaced atomically after the
 * scenario's folder is in place, so a batch killed at any moment resumes correctly.
 *
 * @param settings what must be the same for the batch to resume
 * @param finished the finished scenarios, in the order they finished
 */
public record Manifest(Settings settings, List<Finished> finished) {

  /** The file name in the batch folder. */
  public static final String FILE = "_manifest.json";

  /**
   * Everything that changes a batch's results: a batch resumes only with all of it the same.
   *
   * @param absmcVersion the engine that ran the batch
   * @param scenarioFile the deal's file and its SHA-256
   * @param stressFile the stress file (or the shocks given inline) and its SHA-256
   * @param importance the importance sampling, exactly: what it aims at, its shift vector and
   *     its defensive share
   * @param writePaths whether every path's results are written
   * @param elTable the idealized expected-loss table's source (a user's with its SHA-256)
   * @param pdTable the idealized default-probability table's source
   */
  public record Settings(String absmcVersion, String scenarioFile, String scenarioSha256,
      String stressFile, String stressSha256, long seed, long paths, String granularity,
      String importance, boolean writePaths, String elTable, String pdTable) {

    /** What differs from {@code other}, by name (empty: a batch of these settings can resume it). */
    List<String> differences(Settings other) {
      List<String> d = new ArrayList<>();
      differ(d, "absmc version", absmcVersion, other.absmcVersion);
      differ(d, "scenario file contents", scenarioSha256, other.scenarioSha256);
      differ(d, "stress file contents", stressSha256, other.stressSha256);
      differ(d, "seed", seed, other.seed);
      differ(d, "paths", paths, other.paths);
      differ(d, "granularity", granularity, other.granularity);
      differ(d, "importance sampling", importance, other.importance);
      differ(d, "path writing (--no-paths)", writePaths, other.writePaths);
      differ(d, "expected-loss table", elTable, other.elTable);
      differ(d, "default-probability table", pdTable, other.pdTable);
      return d;
    }

    private static void differ(List<String> d, String name, Object mine, Object theirs) {
      if (!java.util.Objects.equals(mine, theirs)) {
        d.add(name + " " + theirs + " there, " + mine + " now");
      }
    }
  }

  /** A finished scenario. */
  public record Finished(String name, String finishedAt, RunFiles.SummaryEntry summary) {
  }

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public Manifest {
    finished = List.copyOf(finished);
  }

  /** This manifest with one more finished scenario. */
  public Manifest with(Finished f) {
    List<Finished> all = new ArrayList<>(finished);
    all.removeIf(x -> x.name().equals(f.name()));
    all.add(f);
    return new Manifest(settings, all);
  }

  /** The finished scenario of that name, or null. */
  public Finished finished(String name) {
    return finished.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
  }

  /** Reads the manifest of a batch folder, or null when there is none. */
  public static Manifest read(Path dir) throws IOException {
    Path file = dir.resolve(FILE);
    return Files.exists(file) ? JSON.readValue(file.toFile(), Manifest.class) : null;
  }

  /** Replaces the manifest of a batch folder atomically. */
  public void write(Path dir) throws IOException {
    Path tmp = dir.resolve(FILE + ".tmp");
    JSON.writeValue(tmp.toFile(), this);
    try {
      Files.move(tmp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
