package io.absmc.stats;

import static io.absmc.stats.Shipping.shipped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.absmc.TestFiles;
import io.absmc.montecarlo.Granularity;
import io.absmc.montecarlo.MonteCarloRunner;
import io.absmc.montecarlo.RunSettings;
import io.absmc.rating.IdealizedTable;
import io.absmc.resolve.ResolvedDeal;
import io.absmc.scenario.ScenarioLoader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run split into block ranges, each computed apart and shipped as bytes (as a cluster does), then
 * merged in block order, has exactly the statistics of the run made whole on one machine.
 */
class MergedStatisticsTest {

  private static final ResolvedDeal DEAL_A = ResolvedDeal.resolve(
      ScenarioLoader.load(TestFiles.path("scenarios/ali-microloan-plan1.yaml")));

  private static RunStatistics empty(ResolvedDeal deal, long paths) {
    return new RunStatistics(deal, paths, IdealizedTable.bundledExpectedLoss(),
        IdealizedTable.bundledDefaultProbability());
  }

  @ParameterizedTest(name = "importance shift {0}")
  @ValueSource(doubles = {0, 1.5})
  void rangesComputedApartMergeIntoTheWholeRunsStatistics(double shift) throws Exception {
    RunSettings settings = new RunSettings(5_300, 11, 2, Granularity.COHORT,
        io.absmc.montecarlo.ImportanceShift.ofLength(DEAL_A, shift, 0.2));
    RunStatistics whole = empty(DEAL_A, settings.paths());
    MonteCarloRunner.run(DEAL_A, settings, whole, null, null);

    RunStatistics merged = empty(DEAL_A, settings.paths());
    long[] bounds = {0, 2, 3, settings.blocks()};
    for (int r = 0; r + 1 < bounds.length; r++) {
      RunStatistics part = empty(DEAL_A, 1024);
      MonteCarloRunner.blocks(DEAL_A, settings, bounds[r], bounds[r + 1])
          .forEachRemaining(part::accept);
      merged.merge(shipped(part));
    }

    assertThat(merged.paths()).isEqualTo(whole.paths());
    assertThat(merged.tranches()).usingRecursiveComparison()
        .withComparatorForType(Double::compare, Double.class).isEqualTo(whole.tranches());
    assertThat(merged.pool()).usingRecursiveComparison()
        .withComparatorForType(Double::compare, Double.class).isEqualTo(whole.pool());
    assertThat(merged.triggers()).usingRecursiveComparison()
        .withComparatorForType(Double::compare, Double.class).isEqualTo(whole.triggers());
    for (int p = 0; p < DEAL_A.periods; p++) {
      assertThat(merged.poolCashflows(p)).containsExactly(whole.poolCashflows(p));
      for (int t = 0; t < DEAL_A.tranches; t++) {
        assertThat(merged.trancheCashflows(t, p)).containsExactly(whole.trancheCashflows(t, p));
      }
    }
    for (int t = -1; t < DEAL_A.tranches; t++) {
      assertThat(merged.lossDistribution(t).expectedShortfall(0.99))
          .isEqualTo(whole.lossDistribution(t).expectedShortfall(0.99));
    }
    // the comparison has something to compare: losses, breaches and weights are not all trivial
    assertThat(whole.tranches().get(DEAL_A.tranches - 1).el()).isPositive();
    assertThat(whole.triggers().get(0).probability()).isPositive();
  }

  /**
   * A run read in a second pass (memory independent of the paths) has the numbers of the same run
   * that kept its values, bit for bit, on any number of threads: quantiles, expected shortfall,
   * the 99.9% quantile's interval, the loss histograms' exceedance probabilities.
   */
  @ParameterizedTest(name = "importance shift {0}")
  @ValueSource(doubles = {0, 1.5})
  void aSecondPassGivesTheOnePassRunsNumbers(double shift) {
    var importance = io.absmc.montecarlo.ImportanceShift.ofLength(DEAL_A, shift, 0.2);
    RunStatistics kept = new RunStatistics(DEAL_A, true, IdealizedTable.bundledExpectedLoss(),
        IdealizedTable.bundledDefaultProbability());
    kept.run(new RunSettings(5_300, 11, 2, Granularity.COHORT, importance), null, null, null);
    RunStatistics counted = new RunStatistics(DEAL_A, false,
        IdealizedTable.bundledExpectedLoss(), IdealizedTable.bundledDefaultProbability());
    long[] progress = new long[1];
    counted.run(new RunSettings(5_300, 11, 1, Granularity.COHORT, importance), null,
        done -> progress[0] = Math.max(progress[0], done), null);

    assertThat(progress[0]).as("progress counts both passes").isEqualTo(2 * 5_300);
    assertThat(counted.tranches()).usingRecursiveComparison()
        .withComparatorForType(Double::compare, Double.class).isEqualTo(kept.tranches());
    assertThat(counted.pool()).usingRecursiveComparison()
        .withComparatorForType(Double::compare, Double.class).isEqualTo(kept.pool());
    for (int t = -1; t < DEAL_A.tranches; t++) {
      Distribution a = counted.lossDistribution(t);
      Distribution b = kept.lossDistribution(t);
      assertThat(a.ladder()).isEqualTo(b.ladder());
      for (int k = 0; k <= RunStatistics.LOSS_BINS; k++) {
        assertThat(a.exceedance(k)).isEqualTo(b.exceedance(k));
      }
    }
    // something to compare: the junior tranche loses, and its loss quantiles differ
    TrancheStatistics junior = kept.tranches().get(DEAL_A.tranches - 1);
    assertThat(junior.lossQuantiles()[5]).isGreaterThan(junior.lossQuantiles()[0]);
  }

  @Test
  void statisticsThatHaveBeenReadCannotBeMerged() {
    RunSettings settings = new RunSettings(2_048, 11, 1, Granularity.COHORT);
    RunStatistics first = empty(DEAL_A, 1024);
    RunStatistics second = empty(DEAL_A, 1024);
    MonteCarloRunner.run(DEAL_A, settings, first, null, null);
    first.tranches();
    assertThatThrownBy(() -> first.merge(second)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void exactSumsDoNotDependOnOrderOrGrouping() {
    SplittableRandom random = new SplittableRandom(5);
    List<Double> xs = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      // magnitudes from 1e-20 to 1e20, both signs: plain summation loses most of this
      xs.add((random.nextBoolean() ? 1 : -1) * Math.pow(10, random.nextDouble(-20, 20)));
    }
    BigDecimal exact = BigDecimal.ZERO;
    for (double x : xs) {
      exact = exact.add(new BigDecimal(x));
    }
    ExactSum forward = new ExactSum();
    xs.forEach(forward::add);
    ExactSum grouped = new ExactSum();
    for (int from = xs.size(); from > 0; from -= 300) {
      ExactSum part = new ExactSum();
      for (int i = Math.max(0, from - 300); i < from; i++) {
        part.add(xs.get(i));
      }
      grouped.add(part);
    }
    assertThat(forward.value()).isEqualTo(exact.doubleValue());
    assertThat(grouped.value()).isEqualTo(forward.value());
  }

  @Test
  void exactSumRoundsHalfWayCasesToEven() {
    // 1 + 2^-53 lies half-way between 1 and the next double; the tiny third term decides
    ExactSum up = new ExactSum();
    up.add(1);
    up.add(Math.scalb(1.0, -53));
    up.add(Math.scalb(1.0, -80));
    assertThat(up.value()).isEqualTo(Math.nextUp(1.0));
    ExactSum even = new ExactSum();
    even.add(1);
    even.add(Math.scalb(1.0, -53));
    assertThat(even.value()).isEqualTo(1.0);
    ExactSum nan = new ExactSum();
    nan.add(1);
    nan.add(Double.NaN);
    assertThat(nan.value()).isNaN();
  }
}
