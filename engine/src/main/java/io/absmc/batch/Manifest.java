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
   * @param absmcVersion the engine that ran the batch
   * @param scenarioFile the deal's file and its SHA-256
   * @param stressFile the stress file and its SHA-256
   */
  public record Settings(String absmcVersion, String scenarioFile, String scenarioSha256,
      String stressFile, String stressSha256, long seed, long paths, String granularity) {

    /** Whether a batch of these settings can continue one of {@code other}'s. */
    boolean sameRunAs(Settings other) {
      return scenarioSha256.equals(other.scenarioSha256) && stressSha256.equals(other.stressSha256)
          && seed == other.seed && paths == other.paths && granularity.equals(other.granularity)
          && absmcVersion.equals(other.absmcVersion);
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
