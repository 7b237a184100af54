package io.absmc.stats;

import io.absmc.engine.PathRecord;
import io.absmc.montecarlo.BlockConsumer;
import io.absmc.montecarlo.BlockResult;
import io.absmc.montecarlo.MonteCarloRunner;
import io.absmc.montecarlo.RunSettings;
import io.absmc.rating.IdealizedTable;
import io.absmc.resolve.ResolvedDeal;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;

/**
 * Accumulates a run's statistics from its blocks, taken in path order: moments as running sums,
 * exact quantiles, expected shortfall and loss histograms from {@link Distribution}s, and
 * per-period balances as {@link Histogram}s (quantiles within 1/2000 of a tranche's original
 * balance, 1/2000 of twice the initial pool for the pool).
 *
 * <p>Memory does not grow with the paths beyond {@link #KEEP_PATHS}. Up to that many paths the
 * distributions keep every value (a few floats a path: {@link #bytesPerPath}) and are read at once;
 * beyond it they hold only counts, and a run is read after a second pass over the same blocks
 * ({@link #secondPass()}, {@link #finish}), which gives the same numbers bit for bit.
 *
 * <p>Every path counts with its likelihood-ratio weight (1 for plain Monte Carlo): means,
 * probabilities and quantiles are self-normalised (a probability stays in [0, 1]), and every
 * interval is {@link Interval95}'s, never narrower than the paths allow.
 *
 * <p>Sums are exact across blocks ({@link Moments}, {@link Histogram}): the statistics of a run
 * depend on its blocks alone. The statistics of consecutive block ranges, computed apart (on a
 * cluster's executors), {@link #merge merge} into exactly those of the whole run.
 *
 * <p>Not thread-safe: the runner calls it from one thread, in block order.
 */
public final class RunStatistics implements BlockConsumer, Serializable {

  private static final long serialVersionUID = 1L;

  /** Quantile levels reported for losses and pool rates. */
  public static final double[] LOSS_LEVELS = {0.5, 0.9, 0.95, 0.99, 0.995, 0.999};

  /**
   * An effective sample size below this share of the paths is reported as small: the weights leave
   * the statistics the shift does not aim at with few effective paths.
   */
  public static final double SMALL_EFFECTIVE_SAMPLE = 0.05;

  /** Bins of the loss histograms (loss_distribution.parquet). */
  public static final int LOSS_BINS = 200;

  /**
   * Runs of up to this many paths keep their values and are read in one pass; longer ones take a
   * second pass over the same blocks (same numbers, about twice the time, memory independent of
   * the paths). The system property {@code absmc.keepPaths} sets another limit.
   */
  public static final long KEEP_PATHS = 2_000_000;

  /** Whether a run of this many paths keeps its values ({@link #KEEP_PATHS}). */
  public static boolean keeps(long paths) {
    return paths <= Long.getLong("absmc.keepPaths", KEEP_PATHS);
  }

  /** Read of a loss: its quantiles, the 99% expected shortfall, the 99.9% quantile's interval. */
  private static final Distribution.Wanted LOSS =
      new Distribution.Wanted(LOSS_LEVELS.clone(), new double[] {0.99}, new double[] {0.999});
  private static final Distribution.Wanted DEFAULT_RATE =
      new Distribution.Wanted(LOSS_LEVELS.clone(), new double[] {0.99}, new double[0]);
  private static final Distribution.Wanted WAL = Distribution.Wanted.quantiles(0.05, 0.5, 0.95);
  private static final Distribution.Wanted IRR = Distribution.Wanted.quantiles(0.01, 0.05);
  private static final Distribution.Wanted GUARANTEE = Distribution.Wanted.quantiles(0.99);

  /** Bins of the per-period balance histograms. */
  static final int BALANCE_BINS = 2000;

  private final ResolvedDeal deal;
  private final IdealizedTable elTable;
  private final IdealizedTable pdTable;
  private long paths;
  /** Every path's weight (for the total weight and the effective sample size). */
  private final Moments weights = new Moments();

  // per tranche
  private final TrancheLosses[] losses;
  private final Moments[] irr;
  private final Moments[] firstLoss;
  private final Moments[] guarantee;
  private final Moments[] guaranteed;
  private final Distribution[] lossDistribution;
  private final Distribution[] walDistribution;
  private final Distribution[] irrDistribution;
  private final Distribution[] guaranteeDistribution;

  // pool
  private final Moments defaultRate = new Moments();
  private final Moments lossRate = new Moments();
  private final Moments prepaymentRate = new Moments();
  private final Moments poolGuarantee = new Moments();
  private final Moments poolGuaranteed = new Moments();
  private final Moments endedEarly = new Moments();
  private final Distribution defaultRateDistribution;
  private final Distribution lossRateDistribution;
  private final Distribution poolGuaranteeDistribution;
  /** Whether the distributions have been read. */
  private boolean resolved;

  // triggers: first-breach weights by trigger and period, at k * periods + p
  private final Moments[] firstBreach;
  private final Proportion[] breached;

  // cash flows by period
  private final Moments[] trancheBalance;
  private final Histogram[] trancheBalanceHistogram;
  private final Moments[] poolBalance;
  private final Histogram[] poolBalanceHistogram;
  private final Moments[] collections;
  private final Moments[] defaults;
  /** Past-due principal by bucket and period, at {@code bucket * periods + p}. */
  private final Moments[] pastDue;
  /** 30+ days past-due share of the pool by period. */
  private final Histogram[] delinquency30Histogram;
  private final Moments[] interestPaid;
  private final Moments[] principalPaid;

  /**
   * The memory a run that keeps its values ({@link #KEEP_PATHS}) holds per path, in bytes: a float
   * for every value kept (loss, WAL and IRR of every tranche, the guarantor's payments, the pool's
   * default and loss rates), and as much again for the weights under importance sampling.
   */
  public static long bytesPerPath(ResolvedDeal deal, boolean weighted) {
    int t = deal.tranches;
    long values = 3L * t + 2 + (deal.hasGuarantee ? t + 1 : 0);
    return 4 * values * (weighted ? 2 : 1);
  }

  /**
   * The memory a run's statistics take, in bytes: the kept values up to {@link #KEEP_PATHS}
   * paths; beyond, a bound on the counts of both passes, whatever the number of paths.
   */
  public static long bytes(ResolvedDeal deal, long paths, boolean weighted) {
    if (keeps(paths)) {
      return paths * bytesPerPath(deal, weighted);
    }
    // 512 KB of counts per bin read in the second pass (at most 10 a variable), per variable;
    // with weights, an exact sum (about 70 bytes) beside each count, at worst for every float
    long variables = 4L * deal.tranches + 3;
    return variables * 10 * (512L << 10) * (weighted ? 10 : 1);
  }

  /**
   * Statistics that keep their values when the run has at most {@link #KEEP_PATHS} paths ({@link
   * #keeps}).
   *
   * @param paths the run's number of paths
   */
  public RunStatistics(ResolvedDeal deal, long paths, IdealizedTable elTable,
      IdealizedTable pdTable) {
    this(deal, keeps(paths), elTable, pdTable);
  }

  /**
   * @param keep whether to keep the values (one pass) or read the run in a second pass
   */
  public RunStatistics(ResolvedDeal deal, boolean keep, IdealizedTable elTable,
      IdealizedTable pdTable) {
    this.deal = deal;
    this.elTable = elTable;
    this.pdTable = pdTable;
    int t = deal.tranches;
    losses = new TrancheLosses[t];
    for (int k = 0; k < t; k++) {
      losses[k] = new TrancheLosses(TrancheLosses.maxLoss(deal, k));
    }
    irr = moments(t);
    firstLoss = moments(t);
    guarantee = moments(t);
    guaranteed = moments(t);
    lossDistribution = distributions(t, keep);
    walDistribution = distributions(t, keep);
    irrDistribution = distributions(t, keep);
    guaranteeDistribution = distributions(t, keep);
    defaultRateDistribution = new Distribution(keep);
    lossRateDistribution = new Distribution(keep);
    poolGuaranteeDistribution = new Distribution(keep);
    firstBreach = moments(deal.triggers * deal.periods);
    breached = new Proportion[deal.triggers];
    for (int k = 0; k < deal.triggers; k++) {
      breached[k] = new Proportion();
    }
    int p = deal.periods;
    trancheBalance = moments(t * p);
    trancheBalanceHistogram = new Histogram[t * p];
    for (int i = 0; i < t * p; i++) {
      trancheBalanceHistogram[i] = new Histogram(0, deal.trancheAmount[i / p], BALANCE_BINS);
    }
    poolBalance = moments(p);
    poolBalanceHistogram = new Histogram[p];
    for (int i = 0; i < p; i++) {
      poolBalanceHistogram[i] = new Histogram(0, 2 * deal.initialPoolBalance, BALANCE_BINS);
    }
    collections = moments(p);
    defaults = moments(p);
    pastDue = moments(PathRecord.PAST_DUE_BUCKETS * p);
    delinquency30Histogram = new Histogram[p];
    for (int i = 0; i < p; i++) {
      delinquency30Histogram[i] = new Histogram(0, 1, BALANCE_BINS);
    }
    interestPaid = moments(t * p);
    principalPaid = moments(t * p);
  }

  private static Moments[] moments(int n) {
    Moments[] m = new Moments[n];
    for (int i = 0; i < n; i++) {
      m[i] = new Moments();
    }
    return m;
  }

  private static Distribution[] distributions(int n, boolean keep) {
    Distribution[] s = new Distribution[n];
    for (int i = 0; i < n; i++) {
      s[i] = new Distribution(keep);
    }
    return s;
  }

  /**
   * Feeds a block's values of the distributions, in the order of {@link #distributions()}, to their
   * first or second pass.
   */
  private static void feed(BlockResult b, boolean guaranteed, List<? extends Values> to) {
    int n = b.paths;
    int tranches = b.tranches;
    double[] w = b.weight;
    for (int t = 0; t < tranches; t++) {
      Values loss = to.get(t);
      Values wal = to.get(tranches + t);
      Values irr = to.get(2 * tranches + t);
      Values guarantee = to.get(3 * tranches + t);
      for (int i = 0; i < n; i++) {
        int k = b.at(t, i);
        loss.add(b.lossFraction[k], w[i]);
        wal.add(b.walYears[k], w[i]);
        irr.add(b.irr[k], w[i]);
        if (guaranteed) {
          guarantee.add(b.trancheGuaranteeDraw[k], w[i]);
        }
      }
    }
    Values defaultRate = to.get(4 * tranches);
    Values lossRate = to.get(4 * tranches + 1);
    Values guarantee = to.get(4 * tranches + 2);
    for (int i = 0; i < n; i++) {
      defaultRate.add(b.poolDefaultRate[i], w[i]);
      lossRate.add(b.poolLossRate[i], w[i]);
      if (guaranteed) {
        guarantee.add(b.guaranteeDraw[i], w[i]);
      }
    }
  }

  @Override
  public void accept(BlockResult b) {
    if (resolved) {
      throw new IllegalStateException("statistics that have been read take no more blocks");
    }
    feed(b, deal.hasGuarantee, distributions());
    // a block without importance sampling is counted in the histograms in whole numbers
    boolean unit = true;
    for (int i = 0; i < b.paths && unit; i++) {
      unit = b.weight[i] == 1;
    }
    for (int t = 0; t < b.tranches; t++) {
      acceptTranche(b, t);
    }
    acceptPool(b);
    for (int p = 0; p < b.periods; p++) {
      acceptPeriod(b, p, unit);
    }
    paths += b.paths;
    for (Moments m : moments()) {
      m.endBlock();
    }
    for (TrancheLosses l : losses) {
      l.endBlock(b.defensiveShare);
    }
    for (Proportion q : breached) {
      q.endBlock(b.defensiveShare);
    }
    for (Histogram h : histograms()) {
      h.endBlock();
    }
  }

  // accept's parts are methods of their own, small enough for the JIT to compile each once
  // instead of compiling one long method's loops again and again on the stack

  /** Tranche t's losses, IRR, first loss and guarantee of the block's paths. */
  private void acceptTranche(BlockResult b, int t) {
    double[] w = b.weight;
    for (int i = 0; i < b.paths; i++) {
      int k = b.at(t, i);
      losses[t].add(b.lossFraction[k], b.pvLossFraction[k], b.walYears[k], w[i]);
      irr[t].add(b.irr[k], w[i]);
      if (!Double.isNaN(b.firstLossYears[k])) {
        firstLoss[t].add(b.firstLossYears[k], w[i]);
      }
      if (deal.hasGuarantee) {
        double g = b.trancheGuaranteeDraw[k];
        guarantee[t].add(g, w[i]);
        guaranteed[t].add(g > 0 ? 1 : 0, w[i]);
      }
    }
  }

  /** The pool's rates, guarantee, revolving and triggers of the block's paths. */
  private void acceptPool(BlockResult b) {
    int n = b.paths;
    double[] w = b.weight;
    for (int i = 0; i < n; i++) {
      weights.add(1, w[i]);
      defaultRate.add(b.poolDefaultRate[i], w[i]);
      lossRate.add(b.poolLossRate[i], w[i]);
      prepaymentRate.add(b.poolPrepaymentRate[i], w[i]);
      if (deal.hasGuarantee) {
        poolGuarantee.add(b.guaranteeDraw[i], w[i]);
        poolGuaranteed.add(b.guaranteeDraw[i] > 0 ? 1 : 0, w[i]);
      }
      endedEarly.add(b.revolvingEndedEarly[i] ? 1 : 0, w[i]);
      for (int k = 0; k < b.triggers; k++) {
        int first = b.triggerBreachPeriod[k * n + i];
        if (first > 0) {
          firstBreach[k * b.periods + first - 1].add(1, w[i]);
        }
        breached[k].add(first > 0, w[i]);
      }
    }
  }

  /** Period p's balances, cash flows and arrears of the block's paths. */
  private void acceptPeriod(BlockResult b, int p, boolean unit) {
    int n = b.paths;
    int periods = b.periods;
    double[] w = b.weight;
    for (int i = 0; i < n; i++) {
      double pool = b.poolBalance[p * n + i];
      poolBalance[p].add(pool, w[i]);
      add(poolBalanceHistogram[p], pool, w[i], unit);
      collections[p].add(b.collections[p * n + i], w[i]);
      defaults[p].add(b.defaults[p * n + i], w[i]);
      for (int k = 0; k < PathRecord.PAST_DUE_BUCKETS; k++) {
        pastDue[k * periods + p].add(b.pastDue[(k * periods + p) * n + i], w[i]);
      }
      double over30 = b.delinquency30[p * n + i];
      add(delinquency30Histogram[p], over30, w[i], unit);
    }
    for (int t = 0; t < b.tranches; t++) {
      int idx = t * periods + p;
      for (int i = 0; i < n; i++) {
        double balance = b.trancheBalance[idx * n + i];
        trancheBalance[idx].add(balance, w[i]);
        add(trancheBalanceHistogram[idx], balance, w[i], unit);
        interestPaid[idx].add(b.interestPaid[idx * n + i], w[i]);
        principalPaid[idx].add(b.principalPaid[idx * n + i], w[i]);
      }
    }
  }

  /** A path's value into a histogram: counted when the block has no weights, else weighted. */
  private static void add(Histogram h, double x, double w, boolean unit) {
    if (unit) {
      h.add(x);
    } else {
      h.add(x, w);
    }
  }

  /** Every accumulator of sums, in a fixed order. */
  private List<Moments> moments() {
    List<Moments> all = new ArrayList<>();
    for (Moments[] group : List.of(irr, firstLoss, guarantee, guaranteed, firstBreach,
        trancheBalance, poolBalance, collections, defaults, interestPaid, principalPaid, pastDue)) {
      all.addAll(Arrays.asList(group));
    }
    all.addAll(List.of(weights, defaultRate, lossRate, prepaymentRate, poolGuarantee,
        poolGuaranteed, endedEarly));
    return all;
  }

  private List<Histogram> histograms() {
    List<Histogram> all = new ArrayList<>(Arrays.asList(trancheBalanceHistogram));
    all.addAll(Arrays.asList(poolBalanceHistogram));
    all.addAll(Arrays.asList(delinquency30Histogram));
    return all;
  }

  /** Every distribution: losses, WALs, IRRs, guarantees by tranche, then the pool's three. */
  private List<Distribution> distributions() {
    List<Distribution> all = new ArrayList<>();
    for (Distribution[] group : List.of(lossDistribution, walDistribution, irrDistribution, guaranteeDistribution)) {
      all.addAll(Arrays.asList(group));
    }
    all.addAll(List.of(defaultRateDistribution, lossRateDistribution, poolGuaranteeDistribution));
    return all;
  }

  /** What is read of each distribution of {@link #distributions()}. */
  private List<Distribution.Wanted> wanted() {
    List<Distribution.Wanted> all = new ArrayList<>();
    for (Distribution.Wanted w : List.of(LOSS, WAL, IRR, GUARANTEE)) {
      for (int t = 0; t < deal.tranches; t++) {
        all.add(w);
      }
    }
    all.addAll(List.of(DEFAULT_RATE, LOSS, GUARANTEE));
    return all;
  }

  /**
   * The loss histogram's edges of a distribution: a tranche's loss from 0 to 1, the pool's loss
   * rate to a round number; none for the others.
   */
  private Distribution.Ladder ladder(Distribution d) {
    if (d == lossRateDistribution) {
      return new Distribution.Ladder(niceCeiling(d.max()), LOSS_BINS);
    }
    return Arrays.asList(lossDistribution).contains(d) ? new Distribution.Ladder(1, LOSS_BINS)
        : null;
  }

  /** A round number at or above x (1, 2 or 5 times a power of ten); 0.01 for 0 or NaN. */
  public static double niceCeiling(double x) {
    if (!(x > 0)) {
      return 0.01;
    }
    double p = Math.pow(10, Math.floor(Math.log10(x)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * p >= x) {
        return m * p;
      }
    }
    return 10 * p;
  }

  /**
   * The second pass this run needs, to be fed the same blocks again (in any order, in parts that
   * {@link SecondPass#merge merge}) and given to {@link #finish}; null when the values were kept
   * and the statistics are read already. Call after the last block.
   */
  public SecondPass secondPass() {
    if (resolved) {
      return null;
    }
    List<Distribution> all = distributions();
    List<Distribution.Wanted> wanted = wanted();
    List<Distribution.Detail> details = new ArrayList<>();
    boolean kept = true;
    for (int i = 0; i < all.size(); i++) {
      Distribution.Detail d = all.get(i).resolve(wanted.get(i), ladder(all.get(i)));
      kept &= d == null;
      details.add(d);
    }
    if (kept) {
      resolved = true;
      return null;
    }
    return new SecondPass(details, deal.hasGuarantee);
  }

  /** Reads the distributions from their second pass over every block of the run. */
  public void finish(SecondPass pass) {
    List<Distribution> all = distributions();
    for (int i = 0; i < all.size(); i++) {
      all.get(i).resolve(pass.details.get(i));
    }
    resolved = true;
  }

  /** How many passes over its paths a run of this many paths takes (1 or 2). */
  public static int passes(long paths) {
    return keeps(paths) ? 1 : 2;
  }

  /**
   * Runs the deal's paths into these statistics, and the second pass when the run needs one: the
   * same blocks again, which {@code also} does not see. Progress counts both passes' paths.
   *
   * @param also another consumer of the first pass's blocks (a path writer), or null
   * @param progress called from worker threads with the paths done (may be null)
   * @param cancel set to stop; the run then throws {@link MonteCarloRunner.CancelledException}
   */
  public void run(RunSettings settings, BlockConsumer also, LongConsumer progress,
      AtomicBoolean cancel) {
    MonteCarloRunner.run(deal, settings, also == null ? this : andThen(also), progress, cancel);
    SecondPass pass = secondPass();
    if (pass != null) {
      long first = paths;
      MonteCarloRunner.run(deal, settings, pass,
          progress == null ? null : done -> progress.accept(first + done), cancel);
      finish(pass);
    }
  }

  /** Statistics of a run that kept its values are read at once; others after {@link #finish}. */
  private void ensureResolved() {
    if (!resolved && secondPass() != null) {
      throw new IllegalStateException("the run's second pass has not been run");
    }
  }

  /**
   * The second pass of a run's distributions: the blocks again, counted only where the values
   * read lie. Serializable, and mergeable in any order (a cluster's tasks): {@link #empty()} makes
   * a part for other blocks.
   */
  public static final class SecondPass implements BlockConsumer, Serializable {

    private static final long serialVersionUID = 1L;

    private final List<Distribution.Detail> details;
    private final boolean guaranteed;

    private SecondPass(List<Distribution.Detail> details, boolean guaranteed) {
      this.details = details;
      this.guaranteed = guaranteed;
    }

    /** A pass of the same plan, for other blocks. */
    public SecondPass empty() {
      List<Distribution.Detail> fresh = new ArrayList<>();
      for (Distribution.Detail d : details) {
        fresh.add(d.empty());
      }
      return new SecondPass(fresh, guaranteed);
    }

    @Override
    public void accept(BlockResult b) {
      feed(b, guaranteed, details);
    }

    /** Adds the pass over other blocks. */
    public void merge(SecondPass other) {
      for (int i = 0; i < details.size(); i++) {
        details.get(i).merge(other.details.get(i));
      }
    }
  }

  /**
   * Adds the statistics of other blocks of the same run, in any order (every sum is exact):
   * afterwards this holds exactly what one accumulator fed every block would hold.
   * Neither may have been read yet.
   */
  public void merge(RunStatistics later) {
    if (!Arrays.equals(later.deal.trancheNames, deal.trancheNames)
        || later.deal.periods != deal.periods || later.deal.triggers != deal.triggers) {
      throw new IllegalArgumentException("statistics of different deals cannot be merged");
    }
    pairwise(moments(), later.moments(), Moments::merge);
    pairwise(histograms(), later.histograms(), Histogram::merge);
    pairwise(distributions(), later.distributions(), Distribution::merge);
    pairwise(Arrays.asList(losses), Arrays.asList(later.losses), TrancheLosses::merge);
    pairwise(Arrays.asList(breached), Arrays.asList(later.breached), Proportion::merge);
    paths += later.paths;
  }

  private static <T> void pairwise(List<T> mine, List<T> theirs,
      BiConsumer<T, T> merge) {
    for (int i = 0; i < mine.size(); i++) {
      merge.accept(mine.get(i), theirs.get(i));
    }
  }

  /** Number of paths taken so far. */
  public long paths() {
    return paths;
  }

  /**
   * Kish's effective sample size (sum w)^2 / sum w^2 of the run's weights: the number of plain
   * paths that would estimate the pool's statistics as precisely (the number of paths without
   * importance sampling).
   */
  public double effectiveSampleSize() {
    return weights.effectiveCount();
  }

  /** Statistics of tranche {@code t}. */
  public TrancheStatistics tranche(int t) {
    ensureResolved();
    double[] q = new double[LOSS_LEVELS.length];
    for (int i = 0; i < q.length; i++) {
      q[i] = lossDistribution[t].quantile(LOSS_LEVELS[i]);
    }
    TrancheLosses l = losses[t];
    double pd = l.pd();
    double el = l.el();
    Interval95.Interval pdCi = l.pdInterval();
    Interval95.Interval elCi = l.elInterval();
    double walMean = l.walYears();
    // a tranche that repaid no principal on any path has no WAL: rated at its legal final date
    double horizon = Double.isNaN(walMean) ? deal.yearsToPayment[deal.legalFinalPeriod[t]]
        : walMean;
    ImpliedRating byEl = implied(elTable, el, elCi, horizon);
    ImpliedRating byPd = implied(pdTable, pd, pdCi, horizon);
    boolean g = deal.hasGuarantee && deal.guaranteed[t];
    return new TrancheStatistics(deal.trancheNames[t], paths, pd, l.pdSe(), el, l.elSe(),
        l.elPv(), l.elPvSe(), pd > 0 ? el / pd : Double.NaN, walMean, l.walSd(),
        walDistribution[t].quantile(0.05), walDistribution[t].quantile(0.5),
        walDistribution[t].quantile(0.95), q,
        lossDistribution[t].expectedShortfall(0.99), irr[t].mean(), irrDistribution[t].quantile(0.01),
        irrDistribution[t].quantile(0.05), firstLoss[t].mean(),
        g ? guaranteed[t].mean() : Double.NaN, g ? guarantee[t].mean() : Double.NaN,
        g ? guaranteeDistribution[t].quantile(0.99) : Double.NaN, byEl, byPd, l.losingPaths(), pdCi,
        elCi, l.elPvInterval(), lossDistribution[t].quantileInterval(0.999), l.lossSd());
  }

  /** The rating at an estimate and at the ends of its 95% interval. */
  private static ImpliedRating implied(IdealizedTable table, double estimate,
      Interval95.Interval interval, double walYears) {
    return new ImpliedRating(table.rating(estimate, walYears),
        table.rating(interval.low(), walYears), table.rating(interval.high(), walYears));
  }

  /** Statistics of every tranche, senior first. */
  public List<TrancheStatistics> tranches() {
    List<TrancheStatistics> out = new ArrayList<>();
    for (int t = 0; t < deal.tranches; t++) {
      out.add(tranche(t));
    }
    return out;
  }

  /** Statistics of the pool. */
  public PoolStatistics pool() {
    ensureResolved();
    return new PoolStatistics(distribution(defaultRate, defaultRateDistribution),
        distribution(lossRate, lossRateDistribution), prepaymentRate.mean(),
        deal.hasGuarantee ? poolGuaranteed.mean() : Double.NaN,
        deal.hasGuarantee ? poolGuarantee.mean() : Double.NaN,
        deal.hasGuarantee ? poolGuaranteeDistribution.quantile(0.99) : Double.NaN,
        deal.revolvingLastPeriod >= 0 ? endedEarly.mean() : Double.NaN);
  }

  private static PoolStatistics.Distribution distribution(Moments m, Distribution s) {
    double[] q = new double[LOSS_LEVELS.length];
    for (int i = 0; i < q.length; i++) {
      q[i] = s.quantile(LOSS_LEVELS[i]);
    }
    return new PoolStatistics.Distribution(m.mean(), m.se(), m.sd(), q, s.expectedShortfall(0.99));
  }

  /** Statistics of every trigger. */
  public List<TriggerStatistics> triggers() {
    List<TriggerStatistics> out = new ArrayList<>();
    double total = weights.weight();
    for (int k = 0; k < deal.triggers; k++) {
      double weight = 0;
      double years = 0;
      double[] share = new double[deal.periods];
      for (int p = 0; p < deal.periods; p++) {
        Moments m = firstBreach[k * deal.periods + p];
        double w = m.count() == 0 ? 0 : m.weight();
        weight += w;
        years += w * deal.yearsToPayment[p];
        share[p] = w / total;
      }
      out.add(new TriggerStatistics(deal.triggerNames[k], breached[k].estimate(),
          breached[k].interval(), weight > 0 ? years / weight : Double.NaN, share));
    }
    return out;
  }

  /**
   * The distribution of tranche t's loss fraction; the pool's loss rate with t = -1. Read: its
   * {@link #LOSS_LEVELS} quantiles, 99% expected shortfall, the 99.9% quantile's interval, the
   * exceedance probabilities at its loss histogram's edges.
   */
  public Distribution lossDistribution(int t) {
    ensureResolved();
    return t < 0 ? lossRateDistribution : lossDistribution[t];
  }

  /**
   * Tranche t in period p: mean balance after the period, its 5th and 95th percentiles, mean
   * interest paid, mean principal paid.
   */
  public double[] trancheCashflows(int t, int p) {
    int i = t * deal.periods + p;
    return new double[] {trancheBalance[i].mean(), trancheBalanceHistogram[i].quantile(0.05),
        trancheBalanceHistogram[i].quantile(0.95), interestPaid[i].mean(), principalPaid[i].mean()};
  }

  /**
   * The pool in period p: mean balance after the period, its 5th and 95th percentiles, mean
   * collections, mean defaults.
   */
  public double[] poolCashflows(int p) {
    return new double[] {poolBalance[p].mean(), poolBalanceHistogram[p].quantile(0.05),
        poolBalanceHistogram[p].quantile(0.95), collections[p].mean(), defaults[p].mean()};
  }

  /**
   * The pool at the end of period p: the mean past-due principal by bucket (1-30, 31-60, 61-90,
   * 91+ days), then the 95th percentile of the share of the pool 30+ days past due (histogram of
   * 2,000 bins over [0, 1]).
   */
  public double[] pastDue(int p) {
    double[] out = new double[PathRecord.PAST_DUE_BUCKETS + 1];
    for (int k = 0; k < PathRecord.PAST_DUE_BUCKETS; k++) {
      out[k] = pastDue[k * deal.periods + p].mean();
    }
    out[PathRecord.PAST_DUE_BUCKETS] = delinquency30Histogram[p].quantile(0.95);
    return out;
  }

  public ResolvedDeal deal() {
    return deal;
  }

  public IdealizedTable elTable() {
    return elTable;
  }

  public IdealizedTable pdTable() {
    return pdTable;
  }
}
