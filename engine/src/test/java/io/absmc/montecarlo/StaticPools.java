package io.absmc.montecarlo;

import io.absmc.resolve.ResolvedDeal;
import io.absmc.scenario.ScenarioLoader;

/** Single-period static pools (one 365-day period, bullet loans, no interest) for closed-form checks. */
final class StaticPools {

  private StaticPools() {
  }

  /**
   * A 100m pool of {@code loans} loans with annual default probability {@code pd}, recovery
   * {@code recovery} paid in the same period, asset correlation {@code rho}, and tranches given as
   * YAML list items from senior to junior, paid sequentially.
   */
  static ResolvedDeal deal(double pd, double rho, double recovery, int loans, String tranches,
      String waterfall) {
    String yaml = """
        name: static
        calendar:
          closing_date: 2023-01-01
          first_payment_date: 2024-01-01
          legal_final_date: 2024-01-01
        pool:
          model:
            asset_correlation: %s
          segments:
            - name: loans
              balance: 100m
              loans: %d
              term_days: 365
              amortisation: bullet
              annual_rate: 0
              performance:
                annual_default_rate: %s
                recovery_rate: %s
        structure:
          plan_size: 100m
          tranches:
        %s
        waterfall:
          amortising:
        %s
        """.formatted(rho, loans, pd, recovery, tranches.indent(4).stripTrailing(),
        waterfall.indent(4).stripTrailing());
    return ResolvedDeal.resolve(ScenarioLoader.parse(yaml, "static.yaml"));
  }

  /** One residual tranche taking the whole pool. */
  static ResolvedDeal pool(double pd, double rho, int loans) {
    return deal(pd, rho, 0, loans, """
        - name: all
          amount: 100m
          payment_months: [1]
        """, """
        - pay_residual: all
        """);
  }

  static PathResults run(ResolvedDeal deal, long paths, long seed, Granularity g) {
    return MonteCarloRunner.run(deal, new RunSettings(paths, seed, 2, g), null, null);
  }
}
