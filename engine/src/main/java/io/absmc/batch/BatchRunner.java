package io.absmc.batch;

import io.absmc.io.AtomicOutput;
import io.absmc.io.OutputLock;
import io.absmc.montecarlo.ImportanceSampling;
import io.absmc.montecarlo.RunSettings;
import io.absmc.output.PathsFile;
import io.absmc.output.Provenance;
import io.absmc.output.RunFiles;
import io.absmc.random.BlockStreams;
import io.absmc.rating.IdealizedTable;
import io.absmc.resolve.ResolvedDeal;
import io.absmc.resolve.StressSet;
import io.absmc.scenario.Scenario;
import io.absmc.stats.RunStatistics;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Runs a deal under every stress of a set as full Monte Carlo runs with common random numbers:
 * the same seed, so the same streams path by path, in every scenario, and differences are the
 * stress's, not noise. Results are partitioned hive style, {@code DIR/scenario=NAME/*.parquet}
 * (without a {@code scenario} column), and combined in {@code DIR/batch_summary.parquet}.
 *
 * <p>Resumable: a scenario's folder is written complete or not at all and then recorded in the
 * {@link Manifest}; started again with the same settings, a batch skips the recorded scenarios.
 */
public final class BatchRunner {

  /** The combined summary's file name. */
  public static final String SUMMARY = "batch_summary.parquet";

  private BatchRunner() {
  }

  /** A batch folder that holds something else (another batch, other files). */
  public static final class ConflictException extends IOException {
    private static final long serialVersionUID = 1L;

    ConflictException(String message) {
      super(message);
    }
  }

  /**
   * What to run.
   *
   * @param stress the {@code --stress} value: a stress file, {@code FILE#name}, or shocks inline
   * @param stressSha256 SHA-256 of the stress file, or of the inline shocks' text
   */
  public record Job(Path scenarioFile, Scenario scenario, String stress, String stressSha256,
      StressSet stresses, RunSettings settings, IdealizedTable elTable, IdealizedTable pdTable,
      boolean writePaths, Properties build) {
  }

  /**
   * Runs (or resumes) a batch into {@code dir}.
   *
   * @param report told of each scenario as it is skipped or finished
   * @param progress paths done in the current scenario
   * @return the statistics of every scenario, in the stress set's order
   */
  public static List<RunFiles.SummaryEntry> run(Job job, Path dir, boolean overwrite,
      Consumer<String> report, LongConsumer progress, AtomicBoolean cancel) throws IOException {
    try (OutputLock lock = OutputLock.acquire(dir)) {
      for (Path p : lock.removeLeftovers()) {
        report.accept("removed " + p + ", left by an interrupted run on " + dir);
      }
      return runLocked(job, dir, overwrite, report, progress, cancel);
    }
  }

  private static List<RunFiles.SummaryEntry> runLocked(Job job, Path dir, boolean overwrite,
      Consumer<String> report, LongConsumer progress, AtomicBoolean cancel) throws IOException {
    Manifest.Settings settings = settings(job);
    Manifest manifest = prepare(dir, settings, overwrite);

    for (StressSet.Named named : job.stresses().scenarios()) {
      Path partition = dir.resolve("scenario=" + named.name());
      if (manifest.finished(named.name()) != null && Files.isDirectory(partition)) {
        report.accept(named.name() + ": finished before, skipped");
        continue;
      }
      ResolvedDeal deal = ResolvedDeal.resolve(job.scenario(), named.stress());
      Map<String, String> provenance = provenance(job, named, Instant.now());
      RunStatistics stats = new RunStatistics(deal, job.settings().paths(), job.elTable(),
          job.pdTable());
      AtomicOutput.replace(partition, true, tmp -> {
        try (PathsFile paths = job.writePaths() ? PathsFile.open(tmp, deal, provenance) : null) {
          stats.run(job.settings(), paths, progress, cancel);
        }
        RunFiles.write(tmp, stats, provenance, false);
      });
      RunFiles.SummaryEntry entry = new RunFiles.SummaryEntry(named.name(),
          named.stress().toString(), stats.paths(), stats.tranches(), stats.pool());
      manifest = manifest.with(new Manifest.Finished(named.name(), Instant.now().toString(), entry));
      manifest.write(dir);
      report.accept(named.name() + ": done");
    }

    List<RunFiles.SummaryEntry> entries = new ArrayList<>();
    for (StressSet.Named named : job.stresses().scenarios()) {
      entries.add(manifest.finished(named.name()).summary());
    }
    Map<String, String> meta = summaryMetadata(job);
    Path tmp = dir.resolve("." + SUMMARY + ".tmp");
    RunFiles.writeBatchSummary(tmp, entries, meta);
    Files.move(tmp, dir.resolve(SUMMARY), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return entries;
  }

  /** What identifies a batch's results: version, files and their hashes, seed, paths, granularity. */
  private static Manifest.Settings settings(Job job) {
    ImportanceSampling is = job.settings().importance();
    return new Manifest.Settings(job.build().getProperty("version", "unknown"),
        job.scenarioFile().toString(), Provenance.sha256(job.scenarioFile()),
        job.stress(), job.stressSha256(), job.settings().seed(),
        job.settings().paths(), job.settings().granularity().label(),
        is.target() + " " + java.util.Arrays.toString(is.shift()) + " defensive "
            + is.defensiveShare(), job.writePaths(), job.elTable().source(),
        job.pdTable().source());
  }

  /** The provenance of one scenario's files. */
  public static Map<String, String> provenance(Job job, StressSet.Named named, Instant start) {
    Map<String, String> provenance = Provenance.of(job.build(), job.scenarioFile(),
        job.scenario().name(), named.stress().toString(), job.settings().seed(),
        BlockStreams.generator(), job.settings().paths(), job.settings().granularity().label(),
        start);
    provenance.put("absmc.batch_scenario", named.name());
    Provenance.putImportance(provenance, job.settings().importance());
    provenance.put("absmc.stress_file", job.stress());
    provenance.put("absmc.stress_file_sha256", job.stressSha256());
    return provenance;
  }

  /** The metadata of the batch summary. */
  public static Map<String, String> summaryMetadata(Job job) {
    Manifest.Settings settings = settings(job);
    Map<String, String> meta = new java.util.LinkedHashMap<>();
    meta.put("absmc.version", settings.absmcVersion());
    meta.put("absmc.scenario", job.scenario().name());
    meta.put("absmc.scenario_file", settings.scenarioFile());
    meta.put("absmc.scenario_sha256", settings.scenarioSha256());
    meta.put("absmc.stress_file", settings.stressFile());
    meta.put("absmc.stress_file_sha256", settings.stressSha256());
    meta.put("absmc.stress", job.stresses().name() + " (" + settings.stressFile() + ")");
    meta.put("absmc.seed", Long.toString(settings.seed()));
    meta.put("absmc.paths", Long.toString(settings.paths()));
    meta.put("absmc.granularity", settings.granularity());
    meta.put("absmc.generator", BlockStreams.generator());
    Provenance.putImportance(meta, job.settings().importance());
    return meta;
  }

  /** The batch's manifest: the one in {@code dir} if it is the same batch, else a new one. */
  private static Manifest prepare(Path dir, Manifest.Settings settings, boolean overwrite)
      throws IOException {
    Manifest existing = Files.isDirectory(dir) ? Manifest.read(dir) : null;
    List<String> differences = existing == null ? List.of()
        : settings.differences(existing.settings());
    if (existing != null && differences.isEmpty()) {
      removeLeftovers(dir);
      return existing;
    }
    if (Files.isDirectory(dir) && !isEmpty(dir)) {
      if (!overwrite) {
        throw new ConflictException(dir + (existing != null
            ? " holds a batch with other settings (" + String.join("; ", differences)
                + "): run the same command to resume it, or choose another --out, or add"
                + " --overwrite to start again"
            : " is not empty; choose another --out or add --overwrite"));
      }
      clear(dir);
    }
    Files.createDirectories(dir);
    Manifest fresh = new Manifest(settings, List.of());
    fresh.write(dir);
    return fresh;
  }

  /** Deletes what a killed batch left half done: hidden temporary folders and files. */
  private static void removeLeftovers(Path dir) throws IOException {
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      for (Path p : s) {
        String name = p.getFileName().toString();
        if ((name.startsWith(".") && name.contains(".tmp")) || name.endsWith(".tmp")) {
          try (var walk = Files.walk(p)) {
            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
              Files.delete(q);
            }
          }
        }
      }
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      return !s.iterator().hasNext();
    }
  }

  private static void clear(Path dir) throws IOException {
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        if (!p.equals(dir)) {
          Files.delete(p);
        }
      }
    }
  }
}
