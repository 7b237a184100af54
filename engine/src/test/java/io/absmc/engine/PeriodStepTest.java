package io.absmc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.absmc.resolve.ResolvedDeal;
import io.absmc.scenario.ScenarioLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A path stepped period by period equals {@link PathEngine#run}, and an engine restored from
 * another's state steps the next period exactly as that one does (the kernel benchmarks rely on
 * both).
 */
class PeriodStepTest {

  private final ResolvedDeal deal = ResolvedDeal.resolve(
      ScenarioLoader.load(Path.of("../scenarios/ali-microloan-plan1.yaml")));

  @Test
  void restoredEngineStepsTheSamePeriod() {
    ExpectedValueDriver driver = new ExpectedValueDriver(deal);
    PathEngine whole = new PathEngine(deal);
    PathRecord expected = new PathRecord(deal);
    whole.run(driver, expected);

    PathEngine original = new PathEngine(deal);
    PathRecord out = new PathRecord(deal);
    original.start(driver, out);
    int k = 6;
    for (int p = 0; p < k; p++) {
      original.period(p, driver, out);
    }
    PathEngine copy = new PathEngine(deal);
    PathRecord copyOut = new PathRecord(deal);
    System.arraycopy(out.poolClosing, 0, copyOut.poolClosing, 0, k);
    copy.restore(original);
    // the copy steps every remaining period as the original and as a whole run do
    for (int p = k; p < deal.periods; p++) {
      original.period(p, driver, out);
      copy.period(p, driver, copyOut);
      assertThat(copyOut.poolClosing[p]).isEqualTo(out.poolClosing[p])
          .isEqualTo(expected.poolClosing[p]);
      assertThat(copyOut.purchases[p]).isEqualTo(expected.purchases[p]);
      assertThat(copyOut.interest[p]).isEqualTo(expected.interest[p]);
      for (int t = 0; t < deal.tranches; t++) {
        assertThat(copyOut.principalPaid[copyOut.at(t, p)])
            .isEqualTo(expected.principalPaid[expected.at(t, p)]);
        assertThat(copyOut.trancheClosing[copyOut.at(t, p)])
            .isEqualTo(expected.trancheClosing[expected.at(t, p)]);
      }
    }
    assertThat(expected.purchases[k]).isPositive();
  }
}
