package io.absmc.output;

import io.absmc.montecarlo.BlockConsumer;
import io.absmc.montecarlo.BlockResult;
import io.absmc.montecarlo.RunSettings;
import io.absmc.resolve.ResolvedDeal;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntToDoubleFunction;
import java.util.function.Supplier;

/**
 * {@code paths.parquet}: one row per path and tranche, written block by block as the run hands
 * blocks over in path order, so memory does not grow with the path count.
 */
public final class PathsFile implements BlockConsumer, AutoCloseable {

  public static final String NAME = "paths.parquet";

  private final ParquetTable.Appender appender;
  private final Path file;
  /** The block being written; the columns read it. */
  private BlockResult block;

  private PathsFile(Path dir, ResolvedDeal deal, Map<String, String> provenance)
      throws IOException {
    this.file = dir.resolve(NAME);
    this.appender = ParquetTable.open(file, columns(deal, () -> block), provenance);
  }

  /** Opens the file in {@code dir}. */
  public static PathsFile open(Path dir, ResolvedDeal deal, Map<String, String> provenance)
      throws IOException {
    return new PathsFile(dir, deal, provenance);
  }

  /**
   * The columns of the rows of the block {@code current} gives at the time of reading: {@code
   * paths x tranches} rows, path-major (path, then tranche). Also what a cluster's writer writes.
   */
  public static List<Column> columns(ResolvedDeal deal, Supplier<BlockResult> current) {
    int t = deal.tranches;
    return List.of(
        Column.ofLong("path", "", "path number from 0 (the same path for any thread count)",
            r -> current.get().block * RunSettings.BLOCK_SIZE + r / t),
        Column.ofString("tranche", "tranche name", r -> deal.trancheNames[r % t]),
        Column.ofDouble("principal_loss", "RMB", "principal unpaid after the tranche's legal final"
            + " date", tranche(current, t, b -> b.principalLoss)),
        Column.ofDouble("interest_shortfall", "RMB", "interest due and unpaid after the tranche's"
            + " legal final date", tranche(current, t, b -> b.interestShortfall)),
        Column.ofDouble("loss_fraction", "fraction of original balance", "(principal_loss +"
            + " interest_shortfall) / original balance", tranche(current, t, b -> b.lossFraction)),
        Column.ofDouble("pv_loss_fraction", "fraction of original balance", "loss_fraction"
            + " discounted at the coupon from the legal final date",
            tranche(current, t, b -> b.pvLossFraction)),
        Column.ofDouble("wal_years", "years", "weighted average life of the principal repaid"
            + " (null when none was)", tranche(current, t, b -> b.walYears)),
        Column.ofDouble("irr", "annual rate", "internal rate of return of the cash received"
            + " (-1 when nothing came back)", tranche(current, t, b -> b.irr)),
        Column.ofDouble("pool_default_rate", "fraction of initial pool plus purchases",
            "the path's cumulative default rate", r -> current.get().poolDefaultRate[r / t]),
        Column.ofDouble("pool_loss_rate", "fraction of initial pool plus purchases",
            "the path's cumulative loss rate (defaults less recoveries)",
            r -> current.get().poolLossRate[r / t]),
        Column.ofInt("trigger_period", "", "first period (1-based) in which any trigger was"
            + " breached; 0 when none was", r -> current.get().triggerPeriod[r / t]),
        Column.ofDouble("guarantee_draw", "RMB", "the guarantor's payments on the path (all"
            + " tranches)", r -> current.get().guaranteeDraw[r / t]),
        Column.ofDouble("weight", "", "the path's likelihood ratio under importance sampling (1"
            + " without): weight every statistic by it", r -> current.get().weight[r / t]));
  }

  /** Row r's value of a per-tranche array: path r / t, tranche r % t. */
  private static IntToDoubleFunction tranche(Supplier<BlockResult> current, int t,
      Function<BlockResult, double[]> values) {
    return r -> {
      BlockResult b = current.get();
      return values.apply(b)[b.at(r % t, r / t)];
    };
  }

  @Override
  public void accept(BlockResult b) throws IOException {
    block = b;
    try {
      appender.append((long) b.paths * b.tranches);
    } catch (IOException e) {
      // a full disk says only "No space left on device": name the file
      throw new IOException("could not write " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      appender.close();
    } catch (IOException e) {
      throw new IOException("could not write " + file + ": " + e.getMessage(), e);
    }
  }
}
