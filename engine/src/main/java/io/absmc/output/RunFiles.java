package io.absmc.output;

import io.absmc.resolve.ResolvedDeal;
import io.absmc.stats.Distribution;
import io.absmc.stats.ImpliedRating;
import io.absmc.stats.Interval95;
import io.absmc.stats.PoolStatistics;
import io.absmc.stats.RunStatistics;
import io.absmc.stats.TrancheStatistics;
import io.absmc.stats.TriggerStatistics;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The files of a Monte Carlo run, from its statistics: {@code summary.parquet},
 * {@code loss_distribution.parquet}, {@code cashflows.parquet} and {@code triggers.parquet}
 * ({@code paths.parquet} is written during the run by {@link PathsFile}). Column names, units and
 * meanings are defined here once; the README documents them.
 */
public final class RunFiles {

  public static final String SUMMARY = "summary.parquet";
  public static final String LOSS_DISTRIBUTION = "loss_distribution.parquet";
  public static final String CASHFLOWS = "cashflows.parquet";
  public static final String TRIGGERS = "triggers.parquet";
  public static final String TAPE = "tape.parquet";

  private static final String FRACTION = "fraction of original balance";
  private static final String POOL_FRACTION = "fraction of initial pool plus purchases";

  private RunFiles() {
  }

  /**
   * One scenario's statistics, as a run's summary and the batch summary hold them.
   *
   * @param scenario the scenario's name (the deal's, or a stress scenario's in a batch)
   * @param stress what was changed from the base case
   */
  public record SummaryEntry(String scenario, String stress, long paths,
      List<TrancheStatistics> tranches, PoolStatistics pool) {
  }

  /**
   * Writes the four statistics files into {@code dir}; {@code scenarioColumn} false leaves the
   * {@code scenario} column out (the files of a batch's hive-style partition).
   */
  public static void write(Path dir, RunStatistics stats, Map<String, String> provenance,
      boolean scenarioColumn) throws IOException {
    SummaryEntry entry = new SummaryEntry(stats.deal().scenario.name(),
        stats.deal().stress.toString(), stats.paths(), stats.tranches(), stats.pool());
    writeSummary(dir.resolve(SUMMARY), List.of(entry), scenarioColumn, ratingMeta(stats, provenance));
    LossRows loss = lossRows(stats);
    ParquetTable.write(dir.resolve(LOSS_DISTRIBUTION), loss.columns(), provenance, loss.rows());
    CashflowRows cash = cashflowRows(stats);
    ParquetTable.write(dir.resolve(CASHFLOWS), cash.columns(), provenance, cash.rows());
    TriggerRows trig = triggerRows(stats);
    ParquetTable.write(dir.resolve(TRIGGERS), trig.columns(), provenance, trig.rows());
    var scenario = stats.deal().scenario;
    if (scenario != null && scenario.pool().tape().isPresent()) {
      writeTape(dir.resolve(TAPE), scenario.pool().tape().get(), provenance);
    }
  }

  // ---- tape.parquet: the loan tape's stratification, one row per bucket of each dimension ----

  static void writeTape(Path file, io.absmc.scenario.TapeStratification tape,
      Map<String, String> provenance) throws IOException {
    List<io.absmc.scenario.TapeStratification.Line> lines = tape.lines();
    ParquetTable.write(file, List.of(
        Column.ofString("dimension", "segment, term, age, rate, performance_key or default_rate",
            r -> lines.get(r).dimension()),
        Column.ofString("bucket", "the bucket's label", r -> lines.get(r).bucket()),
        Column.ofLong("loans", "loans", "loans in the bucket", r -> lines.get(r).loans()),
        Column.ofDouble("balance", "RMB", "outstanding principal", r -> lines.get(r).balance()),
        Column.ofDouble("share", "fraction", "share of the tape's balance",
            r -> lines.get(r).share()),
        Column.ofDouble("wa_rate", "1/year", "balance-weighted interest rate",
            r -> lines.get(r).rate()),
        Column.ofDouble("wa_age_days", "days", "balance-weighted age at the cut-off date",
            r -> lines.get(r).ageDays()),
        Column.ofDouble("wa_remaining_days", "days", "balance-weighted remaining term",
            r -> lines.get(r).remainingDays()),
        Column.ofDouble("wa_default_rate", "1/year",
            "balance-weighted per-loan base default rate (null: the tape gives none)",
            r -> lines.get(r).defaultRate())), provenance, lines.size());
  }

  private static Map<String, String> ratingMeta(RunStatistics stats, Map<String, String> provenance) {
    Map<String, String> meta = new java.util.LinkedHashMap<>(provenance);
    meta.put("absmc.rating_table_el", stats.elTable().source());
    meta.put("absmc.rating_table_pd", stats.pdTable().source());
    meta.put("absmc.effective_sample_size", Double.toString(stats.effectiveSampleSize()));
    return meta;
  }

  /**
   * Writes a summary table: for each entry, one row per tranche then one for the pool (a run's
   * {@code summary.parquet}, or a batch's {@code batch_summary.parquet} with every scenario).
   */
  public static void writeSummary(Path file, List<SummaryEntry> entries, boolean scenarioColumn,
      Map<String, String> metadata) throws IOException {
    writeSummary(file, entries, scenarioColumn, false, metadata);
  }

  /**
   * A batch's {@code batch_summary.parquet}: every scenario's rows, with the scenario's name and
   * its stress (also for a batch of one scenario).
   */
  public static void writeBatchSummary(Path file, List<SummaryEntry> entries,
      Map<String, String> metadata) throws IOException {
    writeSummary(file, entries, true, true, metadata);
  }

  private static void writeSummary(Path file, List<SummaryEntry> entries, boolean scenarioColumn,
      boolean stressColumn, Map<String, String> metadata) throws IOException {
    int perEntry = entries.get(0).tranches().size() + 1;
    List<List<Column>> parts = new ArrayList<>();
    for (SummaryEntry e : entries) {
      parts.add(summaryColumns(e.scenario(), e.tranches(), e.pool(), e.paths()));
    }
    List<Column> first = parts.get(0);
    List<Column> columns = new ArrayList<>();
    if (scenarioColumn) {
      columns.add(Column.ofString("scenario", "scenario name",
          r -> entries.get(r / perEntry).scenario()));
      if (stressColumn) {
        columns.add(Column.ofString("stress", "what the scenario changes from the base case",
            r -> entries.get(r / perEntry).stress()));
      }
    }
    for (int k = 0; k < first.size(); k++) {
      int column = k;
      Column c = first.get(k);
      columns.add(switch (c.kind()) {
        case DOUBLE -> Column.ofDouble(c.name(), c.unit(), c.meaning(),
            r -> (Double) parts.get(r / perEntry).get(column).value(r % perEntry));
        case LONG -> Column.ofLong(c.name(), c.unit(), c.meaning(),
            r -> (Long) parts.get(r / perEntry).get(column).value(r % perEntry));
        case BOOLEAN -> Column.ofBoolean(c.name(), c.meaning(),
            r -> (Boolean) parts.get(r / perEntry).get(column).value(r % perEntry));
        case INT -> Column.ofInt(c.name(), c.unit(), c.meaning(),
            r -> (Integer) parts.get(r / perEntry).get(column).value(r % perEntry));
        case STRING -> Column.ofString(c.name(), c.meaning(),
            r -> (String) parts.get(r / perEntry).get(column).value(r % perEntry));
      });
    }
    ParquetTable.write(file, columns, metadata, (long) entries.size() * perEntry);
  }

  // ---- summary.parquet: one row per tranche, then the pool ---------------------------------

  /**
   * The statistics columns of one scenario's summary (without the scenario's name): rows 0..T-1
   * the tranches, row T the pool.
   */
  static List<Column> summaryColumns(String scenario, List<TrancheStatistics> ts,
      PoolStatistics pool, long paths) {
    int n = ts.size();
    List<Column> c = new ArrayList<>();
    c.add(Column.ofString("tranche", "tranche name, or 'pool' for the pool row",
        i -> i < n ? ts.get(i).name() : "pool"));
    c.add(Column.ofLong("paths", "", "number of paths", i -> paths));
    c.add(tranche("pd", "", "probability of default: share of paths with any shortfall of promised"
        + " interest or principal after the tranche's legal final date", ts, TrancheStatistics::pd));
    c.add(tranche("pd_se", "", "standard error of pd", ts, TrancheStatistics::pdSe));
    c.add(tranche("pd_ci_low", "", "lower end of the 95% interval of pd", ts,
        TrancheStatistics::pdLow));
    c.add(tranche("pd_ci_high", "", "upper end of the 95% interval of pd", ts,
        TrancheStatistics::pdHigh));
    c.add(both("el", FRACTION, "expected loss (shortfall over original balance); pool row: mean"
        + " pool loss rate", ts, TrancheStatistics::el, pool.lossRate().mean()));
    c.add(both("el_se", FRACTION, "standard error of el", ts, TrancheStatistics::elSe,
        pool.lossRate().meanSe()));
    c.add(both("el_ci_low", FRACTION, "lower end of the 95% interval of el", ts,
        TrancheStatistics::elLow,
        Interval95.normal(pool.lossRate().mean(), pool.lossRate().meanSe()).low()));
    c.add(both("el_ci_high", FRACTION, "upper end of the 95% interval of el", ts,
        TrancheStatistics::elHigh,
        Interval95.normal(pool.lossRate().mean(), pool.lossRate().meanSe()).high()));
    c.add(tranche("el_pv", FRACTION, "expected loss with each shortfall discounted at the tranche"
        + " coupon from its legal final date", ts, TrancheStatistics::elPv));
    c.add(tranche("el_pv_se", FRACTION, "standard error of el_pv", ts, TrancheStatistics::elPvSe));
    c.add(tranche("el_pv_ci_low", FRACTION, "lower end of the 95% interval of el_pv", ts,
        TrancheStatistics::elPvLow));
    c.add(tranche("el_pv_ci_high", FRACTION, "upper end of the 95% interval of el_pv", ts,
        TrancheStatistics::elPvHigh));
    c.add(tranche("losing_paths", "", "number of paths with a loss (unweighted): below "
        + Interval95.MIN_EVENTS + " the interval of el is bounded by pd_ci_high times the largest"
        + " possible loss", ts, t -> t.losingPaths()));
    c.add(tranche("lgd", FRACTION, "loss given default: el / pd", ts, TrancheStatistics::lgd));
    c.add(both("loss_sd", FRACTION, "standard deviation of the loss (pool row: of the pool loss"
        + " rate)", ts, TrancheStatistics::lossSd, pool.lossRate().sd()));
    c.add(tranche("wal_years", "years", "mean weighted average life of the principal repaid", ts,
        TrancheStatistics::walYears));
    c.add(tranche("wal_sd", "years", "standard deviation of WAL", ts, TrancheStatistics::walSd));
    c.add(tranche("wal_q05", "years", "5th percentile of WAL", ts, TrancheStatistics::walQ05));
    c.add(tranche("wal_q50", "years", "median WAL", ts, TrancheStatistics::walQ50));
    c.add(tranche("wal_q95", "years", "95th percentile of WAL", ts, TrancheStatistics::walQ95));
    String[] levels = {"q50", "q90", "q95", "q99", "q995", "q999"};
    for (int k = 0; k < levels.length; k++) {
      int level = k;
      c.add(both("loss_" + levels[k], FRACTION, "loss quantile at "
          + RunStatistics.LOSS_LEVELS[k] * 100 + "% (pool row: pool loss rate)", ts,
          t -> t.lossQuantiles()[level], pool.lossRate().quantiles()[level]));
    }
    c.add(tranche("loss_q999_ci_low", FRACTION, "lower end of the 95% interval of loss_q999", ts,
        t -> t.lossQ999Interval().low()));
    c.add(tranche("loss_q999_ci_high", FRACTION, "upper end of the 95% interval of loss_q999", ts,
        t -> t.lossQ999Interval().high()));
    c.add(both("es_99", FRACTION, "expected shortfall at 99%: mean loss of the worst 1% of paths",
        ts, TrancheStatistics::es99, pool.lossRate().es99()));
    c.add(tranche("irr_mean", "annual rate", "mean IRR (-1 when nothing came back)", ts,
        TrancheStatistics::irrMean));
    c.add(tranche("irr_q01", "annual rate", "1st percentile of IRR", ts, TrancheStatistics::irrQ01));
    c.add(tranche("irr_q05", "annual rate", "5th percentile of IRR", ts, TrancheStatistics::irrQ05));
    c.add(tranche("first_loss_years", "years", "mean time from closing to the first payment date"
        + " from which the tranche stayed short, over the paths where it loses", ts,
        TrancheStatistics::firstLossYears));
    c.add(both("guarantee_probability", "", "share of paths where the guarantor pays the tranche"
        + " (pool row: pays anything)", ts, TrancheStatistics::guaranteeProbability,
        pool.guaranteeProbability()));
    c.add(both("guarantee_mean", "RMB", "mean guarantor payment", ts,
        TrancheStatistics::guaranteeMean, pool.guaranteeMean()));
    c.add(both("guarantee_q99", "RMB", "99th percentile of the guarantor payment", ts,
        TrancheStatistics::guaranteeQ99, pool.guaranteeQ99()));
    c.add(rating("implied_rating_el", "model-indicated rating: best rating whose idealized"
        + " expected loss at the mean WAL is at or above el", ts, t -> t.ratingEl().rating()));
    c.add(rating("implied_rating_el_low", "rating at the 95% interval's low end of el", ts,
        t -> t.ratingEl().atLow()));
    c.add(rating("implied_rating_el_high", "rating at the 95% interval's high end of el", ts,
        t -> t.ratingEl().atHigh()));
    c.add(rating("implied_rating_pd", "model-indicated rating: best rating whose idealized default"
        + " probability at the mean WAL is at or above pd", ts, t -> t.ratingPd().rating()));
    c.add(rating("implied_rating_pd_low", "rating at the 95% interval's low end of pd", ts,
        t -> t.ratingPd().atLow()));
    c.add(rating("implied_rating_pd_high", "rating at the 95% interval's high end of pd", ts,
        t -> t.ratingPd().atHigh()));
    c.add(resolved("implied_rating_el_resolved", "el", ts, TrancheStatistics::ratingEl));
    c.add(resolved("implied_rating_pd_resolved", "pd", ts, TrancheStatistics::ratingPd));
    PoolStatistics.Distribution d = pool.defaultRate();
    c.add(poolOnly("default_rate_mean", POOL_FRACTION, "mean cumulative default rate", n, d.mean()));
    c.add(poolOnly("default_rate_sd", POOL_FRACTION, "standard deviation of the cumulative default"
        + " rate", n, d.sd()));
    for (int k = 0; k < levels.length; k++) {
      c.add(poolOnly("default_rate_" + levels[k], POOL_FRACTION, "cumulative default rate quantile"
          + " at " + RunStatistics.LOSS_LEVELS[k] * 100 + "%", n, d.quantiles()[k]));
    }
    c.add(poolOnly("default_rate_es_99", POOL_FRACTION, "mean cumulative default rate of the worst"
        + " 1% of paths", n, d.es99()));
    c.add(poolOnly("prepayment_rate_mean", POOL_FRACTION, "mean cumulative prepayment rate", n,
        pool.prepaymentRateMean()));
    c.add(poolOnly("revolving_ended_early", "", "share of paths whose revolving period ended early",
        n, pool.revolvingEndedEarly()));
    return c;
  }

  private static Column tranche(String name, String unit, String meaning,
      List<TrancheStatistics> ts, ToDoubleFunction<TrancheStatistics> f) {
    return Column.ofDouble(name, unit, meaning + " (null in the pool row)",
        i -> i < ts.size() ? f.applyAsDouble(ts.get(i)) : Double.NaN);
  }

  private static Column both(String name, String unit, String meaning, List<TrancheStatistics> ts,
      ToDoubleFunction<TrancheStatistics> f, double poolValue) {
    return Column.ofDouble(name, unit, meaning,
        i -> i < ts.size() ? f.applyAsDouble(ts.get(i)) : poolValue);
  }

  private static Column poolOnly(String name, String unit, String meaning, int tranches,
      double value) {
    return Column.ofDouble(name, unit, meaning + " (pool row only)",
        i -> i == tranches ? value : Double.NaN);
  }

  private static Column rating(String name, String meaning, List<TrancheStatistics> ts,
      Function<TrancheStatistics, String> f) {
    return Column.ofString(name, meaning + " (null in the pool row)",
        i -> i < ts.size() ? f.apply(ts.get(i)) : null);
  }

  private static Column resolved(String name, String measure, List<TrancheStatistics> ts,
      Function<TrancheStatistics, ImpliedRating> f) {
    return Column.ofBoolean(name, "true when the ratings at both ends of the 95% interval of "
        + measure + " agree, so the paths decide the letter; false: read the rating as the range"
        + " between them (null in the pool row)",
        i -> i < ts.size() ? f.apply(ts.get(i)).resolved() : null);
  }

  // ---- loss_distribution.parquet ---------------------------------------------------------

  record LossRows(List<Column> columns, long rows) {
  }

  /**
   * Histograms: the pool's loss rate and each tranche's loss, {@link RunStatistics#LOSS_BINS} bins
   * each, on the edges their distributions were read at.
   */
  static LossRows lossRows(RunStatistics stats) {
    ResolvedDeal deal = stats.deal();
    int series = deal.tranches + 1;
    String[] name = new String[series];
    Distribution[] losses = new Distribution[series];
    for (int s = 0; s < series; s++) {
      name[s] = s == 0 ? "pool" : deal.trancheNames[s - 1];
      losses[s] = stats.lossDistribution(s - 1);
    }
    int bins = RunStatistics.LOSS_BINS;
    List<Column> c = new ArrayList<>();
    c.add(Column.ofString("series", "'pool' (pool loss rate) or a tranche (loss over original"
        + " balance)", r -> name[r / bins]));
    c.add(Column.ofDouble("bin_lower", "fraction", "the bin's lower edge (excluded but for the"
        + " first bin)", r -> losses[r / bins].ladder().edge(r % bins)));
    c.add(Column.ofDouble("bin_upper", "fraction", "the bin's upper edge (included)",
        r -> losses[r / bins].ladder().edge(r % bins + 1)));
    c.add(Column.ofDouble("probability", "", "share of paths with a loss in the bin", r -> {
      Distribution d = losses[r / bins];
      // P(lower < L <= upper); the first bin also holds L = 0
      double above = r % bins == 0 ? 1 : d.exceedance(r % bins);
      return above - d.exceedance(r % bins + 1);
    }));
    c.add(Column.ofDouble("exceedance_probability", "", "share of paths with a loss above the"
        + " bin's lower edge (the first bin: above zero)",
        r -> losses[r / bins].exceedance(r % bins)));
    return new LossRows(c, (long) series * bins);
  }

  // ---- cashflows.parquet ------------------------------------------------------------------

  record CashflowRows(List<Column> columns, long rows) {
  }

  /**
   * Per period, the pool and each tranche: balance (mean, 5th and 95th percentile), and the mean
   * cash flows (the pool's collections and defaults, the tranches' interest and principal).
   */
  static CashflowRows cashflowRows(RunStatistics stats) {
    ResolvedDeal deal = stats.deal();
    int series = deal.tranches + 1;
    int periods = deal.periods;
    List<LocalDate> dates = deal.scenario.calendar().paymentDates();
    double[][] values = new double[series * periods][];
    // columns: balance mean, q05, q95, collections, defaults, interest paid, principal paid,
    // past due 1-30, 31-60, 61-90, 91+ (means), 30+ q95
    double no = Double.NaN;
    for (int p = 0; p < periods; p++) {
      double[] pool = stats.poolCashflows(p);
      double[] due = stats.pastDue(p);
      values[p * series] = new double[] {pool[0], pool[1], pool[2], pool[3], pool[4], no, no,
          due[0], due[1], due[2], due[3], due[4]};
      for (int t = 0; t < deal.tranches; t++) {
        double[] v = stats.trancheCashflows(t, p);
        values[p * series + t + 1] = new double[] {v[0], v[1], v[2], no, no, v[3], v[4], no, no,
            no, no, no};
      }
    }
    List<Column> c = new ArrayList<>();
    c.add(Column.ofInt("period", "", "1-based period", r -> r / series + 1));
    c.add(Column.ofString("payment_date", "the period's payment date",
        r -> dates.get(r / series).toString()));
    c.add(Column.ofString("series", "'pool' or a tranche", r -> r % series == 0 ? "pool"
        : deal.trancheNames[r % series - 1]));
    c.add(Column.ofDouble("balance_mean", "RMB", "mean balance after the period's payment date",
        r -> values[r][0]));
    c.add(Column.ofDouble("balance_q05", "RMB", "5th percentile of the balance (histogram of"
        + " 2,000 bins: within 1/2000 of the original balance, of twice the initial pool for the"
        + " pool)", r -> values[r][1]));
    c.add(Column.ofDouble("balance_q95", "RMB", "95th percentile of the balance (same resolution)",
        r -> values[r][2]));
    c.add(Column.ofDouble("collections_mean", "RMB", "mean collections of the period: interest,"
        + " principal and recoveries (pool rows only)", r -> values[r][3]));
    c.add(Column.ofDouble("defaults_mean", "RMB", "mean principal defaulting in the period (pool"
        + " rows only)", r -> values[r][4]));
    c.add(Column.ofDouble("interest_paid_mean", "RMB", "mean interest paid to the tranche in the"
        + " period (tranche rows only)", r -> values[r][5]));
    c.add(Column.ofDouble("principal_paid_mean", "RMB", "mean principal paid to the tranche in the"
        + " period (tranche rows only)", r -> values[r][6]));
    String[] buckets = {"1_30", "31_60", "61_90", "91_plus"};
    for (int k = 0; k < buckets.length; k++) {
      int col = 7 + k;
      c.add(Column.ofDouble("past_due_" + buckets[k] + "_mean", "RMB", "mean principal "
          + buckets[k].replace('_', '-').replace("-plus", "+") + " days past due and not charged"
          + " off at the period's end (pool rows only)", r -> values[r][col]));
    }
    c.add(Column.ofDouble("delinquency_30_q95", "fraction of pool", "95th percentile of the share"
        + " of the pool 30+ days past due at the period's end (histogram of 2,000 bins; pool rows"
        + " only)", r -> values[r][11]));
    return new CashflowRows(c, (long) series * periods);
  }

  // ---- triggers.parquet -------------------------------------------------------------------

  record TriggerRows(List<Column> columns, long rows) {
  }

  /** Per trigger and period: the share of paths first breaching it then. */
  static TriggerRows triggerRows(RunStatistics stats) {
    ResolvedDeal deal = stats.deal();
    List<TriggerStatistics> ts = stats.triggers();
    int periods = deal.periods;
    List<LocalDate> dates = deal.scenario.calendar().paymentDates();
    List<Column> c = new ArrayList<>();
    c.add(Column.ofString("trigger", "trigger name", r -> ts.get(r / periods).name()));
    c.add(Column.ofString("metric", "what it watches",
        r -> deal.triggerMetric[r / periods].label()));
    c.add(Column.ofString("effect", "what a breach does",
        r -> deal.triggerEffect[r / periods].label()));
    c.add(Column.ofInt("period", "", "1-based period", r -> r % periods + 1));
    c.add(Column.ofString("payment_date", "the period's payment date",
        r -> dates.get(r % periods).toString()));
    c.add(Column.ofDouble("first_breach_probability", "", "share of paths first breaching the"
        + " trigger in this period", r -> ts.get(r / periods).firstBreachByPeriod()[r % periods]));
    c.add(Column.ofDouble("breach_probability", "", "share of paths breaching it at least once"
        + " while the deal is live (same in every row of the trigger)",
        r -> ts.get(r / periods).probability()));
    c.add(Column.ofDouble("breach_probability_ci_low", "", "lower end of the 95% interval of"
        + " breach_probability", r -> ts.get(r / periods).interval().low()));
    c.add(Column.ofDouble("breach_probability_ci_high", "", "upper end of the 95% interval of"
        + " breach_probability", r -> ts.get(r / periods).interval().high()));
    c.add(Column.ofDouble("mean_years_to_breach", "years", "mean years from closing to the first"
        + " breach, over the paths that breach it", r -> ts.get(r / periods).meanYears()));
    return new TriggerRows(c, (long) ts.size() * periods);
  }
}
