package io.absmc.stats;

import io.absmc.engine.PathRecord;
import io.absmc.montecarlo.BlockConsumer;
import io.absmc.montecarlo.BlockResult;
import io.absmc.rating.IdealizedTable;
import io.absmc.resolve.ResolvedDeal;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Accumulates a run's statistics from its blocks, taken in path order: moments as running sums,
 * exact quantiles from {@link Sample}s (a float per path for the variables that need them), and
 * per-period balances as {@link Histogram}s (quantiles within 1/2000 of a tranche's original
 * balance, 1/2000 of twice the initial pool for the pool). Memory: about 4 bytes x (3 x tranches +
 * 3) per path, so 10 million paths of a three-tranche deal hold about 480 MB.
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
  private final Sample[] lossSample;
  private final Sample[] walSample;
  private final Sample[] irrSample;
  private final Sample[] guaranteeSample;

  // pool
  private final Moments defaultRate = new Moments();
  private final Moments lossRate = new Moments();
  private final Moments prepaymentRate = new Moments();
  private final Moments poolGuarantee = new Moments();
  private final Moments poolGuaranteed = new Moments();
  private final Moments endedEarly = new Moments();
  private final Sample defaultRateSample;
  private final Sample lossRateSample;
  private final Sample poolGuaranteeSample;

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
   * The memory a run's statistics hold per path, in bytes: a float for every value kept for exact
   * quantiles (loss, WAL and IRR of every tranche, the guarantor's payments, the pool's default
   * and loss rates), and as much again for the weights under importance sampling.
   */
  public static long bytesPerPath(ResolvedDeal deal, boolean weighted) {
    int t = deal.tranches;
    long values = 3L * t + 2 + (deal.hasGuarantee ? t + 1 : 0);
    return 4 * values * (weighted ? 2 : 1);
  }

  /**
   * @param expectedPaths the run's number of paths (sizes the samples; more may be added)
   */
  public RunStatistics(ResolvedDeal deal, long expectedPaths, IdealizedTable elTable,
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
    lossSample = samples(t, expectedPaths);
    walSample = samples(t, expectedPaths);
    irrSample = samples(t, expectedPaths);
    guaranteeSample = samples(t, deal.hasGuarantee ? expectedPaths : 0);
    defaultRateSample = new Sample(expectedPaths);
    lossRateSample = new Sample(expectedPaths);
    poolGuaranteeSample = new Sample(deal.hasGuarantee ? expectedPaths : 0);
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

  private static Sample[] samples(int n, long capacity) {
    Sample[] s = new Sample[n];
    for (int i = 0; i < n; i++) {
      s[i] = new Sample(capacity);
    }
    return s;
  }

  @Override
  public void accept(BlockResult b) {
    int n = b.paths;
    double[] w = b.weight;
    // a block without importance sampling is counted in the histograms in whole numbers
    boolean unit = true;
    for (int i = 0; i < n && unit; i++) {
      unit = w[i] == 1;
    }
    for (int t = 0; t < b.tranches; t++) {
      for (int i = 0; i < n; i++) {
        int k = b.at(t, i);
        double x = b.lossFraction[k];
        losses[t].add(x, b.pvLossFraction[k], b.walYears[k], w[i]);
        lossSample[t].add(x, w[i]);
        walSample[t].add(b.walYears[k], w[i]);
        irr[t].add(b.irr[k], w[i]);
        irrSample[t].add(b.irr[k], w[i]);
        if (!Double.isNaN(b.firstLossYears[k])) {
          firstLoss[t].add(b.firstLossYears[k], w[i]);
        }
        if (deal.hasGuarantee) {
          double g = b.trancheGuaranteeDraw[k];
          guarantee[t].add(g, w[i]);
          guaranteeSample[t].add(g, w[i]);
          guaranteed[t].add(g > 0 ? 1 : 0, w[i]);
        }
      }
    }
    for (int i = 0; i < n; i++) {
      weights.add(1, w[i]);
      defaultRate.add(b.poolDefaultRate[i], w[i]);
      lossRate.add(b.poolLossRate[i], w[i]);
      prepaymentRate.add(b.poolPrepaymentRate[i], w[i]);
      defaultRateSample.add(b.poolDefaultRate[i], w[i]);
      lossRateSample.add(b.poolLossRate[i], w[i]);
      if (deal.hasGuarantee) {
        poolGuarantee.add(b.guaranteeDraw[i], w[i]);
        poolGuaranteeSample.add(b.guaranteeDraw[i], w[i]);
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
    int periods = b.periods;
    for (int p = 0; p < periods; p++) {
      for (int i = 0; i < n; i++) {
        double pool = b.poolBalance[p * n + i];
        poolBalance[p].add(pool, w[i]);
        if (unit) {
          poolBalanceHistogram[p].add(pool);
        } else {
          poolBalanceHistogram[p].add(pool, w[i]);
        }
        collections[p].add(b.collections[p * n + i], w[i]);
        defaults[p].add(b.defaults[p * n + i], w[i]);
        for (int k = 0; k < PathRecord.PAST_DUE_BUCKETS; k++) {
          pastDue[k * periods + p].add(b.pastDue[(k * periods + p) * n + i], w[i]);
        }
        double over30 = b.delinquency30[p * n + i];
        if (unit) {
          delinquency30Histogram[p].add(over30);
        } else {
          delinquency30Histogram[p].add(over30, w[i]);
        }
      }
      for (int t = 0; t < b.tranches; t++) {
        int idx = t * periods + p;
        for (int i = 0; i < n; i++) {
          double balance = b.trancheBalance[idx * n + i];
          trancheBalance[idx].add(balance, w[i]);
          if (unit) {
            trancheBalanceHistogram[idx].add(balance);
          } else {
            trancheBalanceHistogram[idx].add(balance, w[i]);
          }
          interestPaid[idx].add(b.interestPaid[idx * n + i], w[i]);
          principalPaid[idx].add(b.principalPaid[idx * n + i], w[i]);
        }
      }
    }
    paths += n;
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

  /** Every accumulator of sums, in a fixed order. */
  private List<Moments> moments() {
    List<Moments> all = new ArrayList<>();
    for (Moments[] group : List.of(irr, firstLoss, guarantee, guaranteed, firstBreach, trancheBalance, poolBalance, collections, defaults, interestPaid,
        principalPaid, pastDue)) {
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

  private List<Sample> samples() {
    List<Sample> all = new ArrayList<>();
    for (Sample[] group : List.of(lossSample, walSample, irrSample, guaranteeSample)) {
      all.addAll(Arrays.asList(group));
    }
    all.addAll(List.of(defaultRateSample, lossRateSample, poolGuaranteeSample));
    return all;
  }

  /**
   * Adds the statistics of the blocks that follow this one's (the next range of the same run):
   * afterwards this holds exactly what one accumulator fed every block in order would hold.
   * Neither may have been read yet.
   */
  public void merge(RunStatistics later) {
    if (!Arrays.equals(later.deal.trancheNames, deal.trancheNames)
        || later.deal.periods != deal.periods || later.deal.triggers != deal.triggers) {
      throw new IllegalArgumentException("statistics of different deals cannot be merged");
    }
    pairwise(moments(), later.moments(), Moments::merge);
    pairwise(histograms(), later.histograms(), Histogram::merge);
    pairwise(samples(), later.samples(), Sample::merge);
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
    double[] q = new double[LOSS_LEVELS.length];
    for (int i = 0; i < q.length; i++) {
      q[i] = lossSample[t].quantile(LOSS_LEVELS[i]);
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
        walSample[t].quantile(0.05), walSample[t].quantile(0.5), walSample[t].quantile(0.95), q,
        lossSample[t].expectedShortfall(0.99), irr[t].mean(), irrSample[t].quantile(0.01),
        irrSample[t].quantile(0.05), firstLoss[t].mean(),
        g ? guaranteed[t].mean() : Double.NaN, g ? guarantee[t].mean() : Double.NaN,
        g ? guaranteeSample[t].quantile(0.99) : Double.NaN, byEl, byPd, l.losingPaths(), pdCi,
        elCi, l.elPvInterval(), lossSample[t].quantileInterval(0.999), l.lossSd());
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
    return new PoolStatistics(distribution(defaultRate, defaultRateSample),
        distribution(lossRate, lossRateSample), prepaymentRate.mean(),
        deal.hasGuarantee ? poolGuaranteed.mean() : Double.NaN,
        deal.hasGuarantee ? poolGuarantee.mean() : Double.NaN,
        deal.hasGuarantee ? poolGuaranteeSample.quantile(0.99) : Double.NaN,
        deal.revolvingLastPeriod >= 0 ? endedEarly.mean() : Double.NaN);
  }

  private static PoolStatistics.Distribution distribution(Moments m, Sample s) {
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

  /** The loss fractions of tranche t (for histograms); the pool's loss rates with t = -1. */
  public Sample lossSample(int t) {
    return t < 0 ? lossRateSample : lossSample[t];
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
