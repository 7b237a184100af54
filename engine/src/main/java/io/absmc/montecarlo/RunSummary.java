package io.absmc.montecarlo;

import io.absmc.resolve.ResolvedDeal;
import java.util.Arrays;
import java.util.List;
import java.util.ArrayList;

/**
 * The headline statistics of a run: per tranche the probability of any loss, expected loss as a
 * share of the original balance with its standard error, and mean WAL; for the pool, the cumulative
 * default and loss rates' mean and 99th percentile. Sums run in path order, so the figures are the
 * same for any number of threads.
 *
 * <p>Quantiles are the inverse of the empirical distribution function: the value of rank
 * ceil(alpha N) among the N sorted values.
 */
public record RunSummary(long paths, List<TrancheStats> tranches, double poolDefaultRateMean,
    double poolDefaultRateQ99, double poolLossRateMean, double poolLossRateQ99) {

  /** A loss smaller than this share of a tranche's balance (a cent on 100m) counts as none. */
  static final double LOSS_TOLERANCE = 1e-10;

  /**
   * Statistics of one tranche.
   *
   * @param name tranche
   * @param probabilityOfLoss share of paths with any shortfall of promised interest or principal
   * @param expectedLoss mean shortfall over the original balance
   * @param expectedLossSe standard error of {@code expectedLoss}
   * @param walYears mean WAL over paths that repaid principal
   */
  public record TrancheStats(String name, double probabilityOfLoss, double expectedLoss,
      double expectedLossSe, double walYears) {
  }

  /** Summarises a run. */
  public static RunSummary of(ResolvedDeal deal, PathResults r) {
    int n = r.paths;
    List<TrancheStats> tranches = new ArrayList<>();
    for (int t = 0; t < r.tranches; t++) {
      double sum = 0;
      double sumSq = 0;
      long losses = 0;
      double walSum = 0;
      long walCount = 0;
      for (int i = 0; i < n; i++) {
        double x = r.lossFraction[r.at(t, i)];
        sum += x;
        sumSq += x * x;
        if (x > LOSS_TOLERANCE) {
          losses++;
        }
        double w = r.walYears[r.at(t, i)];
        if (!Double.isNaN(w)) {
          walSum += w;
          walCount++;
        }
      }
      double mean = sum / n;
      double variance = n > 1 ? Math.max(0, (sumSq - n * mean * mean) / (n - 1)) : 0;
      tranches.add(new TrancheStats(deal.trancheNames[t], losses / (double) n, mean,
          Math.sqrt(variance / n), walCount > 0 ? walSum / walCount : Double.NaN));
    }
    return new RunSummary(n, tranches, mean(r.poolDefaultRate), quantile(r.poolDefaultRate, 0.99),
        mean(r.poolLossRate), quantile(r.poolLossRate, 0.99));
  }

  static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  /** The value of rank ceil(alpha N) among the sorted values. */
  public static double quantile(double[] values, double alpha) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(alpha * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
