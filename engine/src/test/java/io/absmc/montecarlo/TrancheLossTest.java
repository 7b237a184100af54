package io.absmc.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;

import io.absmc.resolve.ResolvedDeal;
import io.absmc.rating.IdealizedTable;
import io.absmc.stats.RunStatistics;
import io.absmc.stats.TrancheStatistics;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * R3 (docs/reference-values.md): a static large pool with PD = 1 - e^-0.05 = 4.877058% and recovery 40%,
 * tranched 0-3%, 3-6%, 6-10%, 10-100%, paid sequentially. The tranche expected loss fractions have
 * a closed form with the bivariate normal (scipy); large-pool mode must match within 4 standard
 * errors, fixed seed.
 */
class TrancheLossTest {



  @ParameterizedTest(name = "rho={0}")
  @CsvSource({
      // rho, 0-3%, 3-6%, 6-10%, 10-100%
      "0.1, 0.728442, 0.195853, 0.033837, 0.000200",
      "0.3, 0.533309, 0.210624, 0.095271, 0.003482"})
  void trancheExpectedLossesMatchTheClosedForm(double rho, double equity, double mezzA,
      double mezzB, double senior) {
    double pd = 1 - Math.exp(-0.05);
    ResolvedDeal deal = StaticPools.deal(pd, rho, 0.4, 100_000, StaticPools.R3_TRANCHES, StaticPools.R3_WATERFALL);
    RunStatistics s = new RunStatistics(deal, 400_000, IdealizedTable.bundledExpectedLoss(),
        IdealizedTable.bundledDefaultProbability());
    MonteCarloRunner.run(deal, new RunSettings(400_000, 31, 2, Granularity.LARGE_POOL), s, null, null);
    List<Double> expected = List.of(senior, mezzB, mezzA, equity);
    for (int t = 0; t < 4; t++) {
      TrancheStatistics stats = s.tranche(t);
      assertThat(Math.abs(stats.el() - expected.get(t))).as(stats.name())
          .isLessThan(4 * stats.elSe() + 1e-6);
    }
    // and the pool's mean loss is (1 - R) PD
    double meanLoss = s.pool().lossRate().mean();
    assertThat(meanLoss).isCloseTo(0.6 * pd, org.assertj.core.data.Offset.offset(4 * 0.6 * 0.06 / Math.sqrt(400_000)));
  }
}
