package io.absmc.output;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Where a result came from, written into every output file as key-value metadata ({@code absmc.*}):
 * absmc version and git commit, scenario file and its SHA-256, stress, seed, generator, paths,
 * granularity, run start time, Java and library versions.
 */
public final class Provenance {

  private Provenance() {
  }

  /** What the build recorded: version, git commit, library versions. */
  public static Properties build() {
    Properties p = new Properties();
    try (java.io.InputStream in = Provenance.class.getResourceAsStream(
        "/io/absmc/version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (java.io.IOException e) {
      // an unreadable resource leaves the properties empty: "unknown" in the metadata
    }
    return p;
  }

  /** The metadata of a run; {@code scenarioFile} is null for a scenario built in memory. */
  public static Map<String, String> of(Properties build, Path scenarioFile, String scenarioName,
      String stress, long seed, String generator, long paths, String granularity, Instant start) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("absmc.version", build.getProperty("version", "unknown"));
    String commit = build.getProperty("git.commit", "");
    m.put("absmc.git_commit", commit.isEmpty() || commit.startsWith("${") ? "unknown"
        : commit + ("true".equals(build.getProperty("git.dirty")) ? " (modified)" : ""));
    m.put("absmc.scenario", scenarioName);
    // a scenario built in memory (the Java API) has no file
    m.put("absmc.scenario_file", scenarioFile == null ? "(in memory)" : scenarioFile.toString());
    m.put("absmc.scenario_sha256", scenarioFile == null ? "none" : sha256(scenarioFile));
    m.put("absmc.stress", stress);
    m.put("absmc.seed", Long.toString(seed));
    m.put("absmc.generator", generator);
    m.put("absmc.paths", Long.toString(paths));
    m.put("absmc.granularity", granularity);
    m.put("absmc.run_start", start.toString());
    m.put("absmc.java", System.getProperty("java.version"));
    // Math.exp and Math.log may differ by an ulp between JVMs and CPUs (their intrinsics)
    m.put("absmc.java_vm", System.getProperty("java.vm.name") + " "
        + System.getProperty("java.vm.version"));
    m.put("absmc.os_arch", System.getProperty("os.arch"));
    // Parquet and Hadoop as they run (on a Spark cluster, the cluster's), the rest as built in
    m.put("absmc.lib.parquet", parquetVersion());
    m.put("absmc.lib.hadoop", org.apache.hadoop.util.VersionInfo.getVersion());
    for (String lib : new String[] {"commons-rng", "commons-statistics", "commons-numbers",
        "commons-math3"}) {
      m.put("absmc.lib." + lib, build.getProperty(lib, "unknown"));
    }
    return m;
  }

  /**
   * Records how a run sampled by importance: {@code absmc.importance_sampling} (what the shift
   * aims at, its length and the unshifted share), {@code absmc.importance_shift} (the shift's
   * length, 0 without) and {@code absmc.importance_defensive_share}.
   */
  public static void putImportance(Map<String, String> m,
      io.absmc.montecarlo.ImportanceSampling is) {
    m.put("absmc.importance_sampling", is.toString());
    m.put("absmc.importance_shift", Double.toString(is.norm()));
    m.put("absmc.importance_defensive_share", Double.toString(is.defensiveShare()));
  }

  /**
   * The version of the Parquet library on the class path: its jar's manifest, else (in absmc's own
   * jar, which drops manifests) the Maven properties it carries. Not {@code Version.VERSION_NUMBER}:
   * a constant, compiled into absmc with the version it was built against.
   */
  private static String parquetVersion() {
    String version = org.apache.parquet.Version.class.getPackage().getImplementationVersion();
    if (version != null) {
      return version;
    }
    Properties pom = new Properties();
    try (InputStream in = org.apache.parquet.Version.class.getResourceAsStream(
        "/META-INF/maven/org.apache.parquet/parquet-common/pom.properties")) {
      if (in != null) {
        pom.load(in);
      }
    } catch (IOException e) {
      // unknown below
    }
    return pom.getProperty("version", "unknown");
  }

  /** SHA-256 of a text's UTF-8 bytes, hex. */
  public static String sha256(String text) {
    return sha256(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** SHA-256 of a file's bytes, hex. */
  public static String sha256(Path file) {
    try {
      return sha256(Files.readAllBytes(file));
    } catch (IOException e) {
      return "unreadable: " + e.getMessage();
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
