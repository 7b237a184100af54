package io.absmc.montecarlo;

import io.absmc.resolve.ResolvedDeal;
import io.absmc.scenario.ScenarioLoader;

/** Single-period static pools (one 365-day period, bullet loans, no interest) for closed-form checks. */
public final class StaticPools {

  private StaticPools() {
  }

  /**
   * A 100m pool of {@code loans} bullet loans over one 365-day period, with the given YAML for the
   * pool's Monte Carlo model, the loans' performance, the tranches (senior first) and the
   * amortising waterfall.
   */
  public static ResolvedDeal custom(String model, String performance, int loans, String tranches,
      String waterfall) {
    return segments(model, segment("loans", 100, loans, performance), tranches, waterfall);
  }

  /** A segment of {@code millions} m of {@code loans} 365-day bullet loans without interest. */
  public static String segment(String name, int millions, int loans, String performance) {
    return """
        - name: %s
          balance: %dm
          loans: %d
          term_days: 365
          amortisation: bullet
          annual_rate: 0
          performance:
        %s
        """.formatted(name, millions, loans, performance.indent(4).stripTrailing());
  }

  /** A 100m plan over one 365-day period with these segments ({@link #segment}). */
  public static ResolvedDeal segments(String model, String segments, String tranches,
      String waterfall) {
    String yaml = """
        name: static
        calendar:
          closing_date: 2023-01-01
          first_payment_date: 2024-01-01
          legal_final_date: 2024-01-01
        pool:
          model:
        %s
          segments:
        %s
        structure:
          plan_size: 100m
          tranches:
        %s
        waterfall:
          amortising:
        %s
        """.formatted(model.indent(4).stripTrailing(), segments.indent(4).stripTrailing(),
        tranches.indent(4).stripTrailing(), waterfall.indent(4).stripTrailing());
    return ResolvedDeal.resolve(ScenarioLoader.parse(yaml, "static.yaml"));
  }

  /**
   * A pool with annual default probability {@code pd}, recovery {@code recovery} paid in the same
   * period and asset correlation {@code rho}.
   */
  public static ResolvedDeal deal(double pd, double rho, double recovery, int loans,
      String tranches, String waterfall) {
    return custom("asset_correlation: " + rho, "annual_default_rate: " + pd + "\nrecovery_rate: "
        + recovery, loans, tranches, waterfall);
  }

  /** R3 (docs/reference-values.md)'s tranches, senior first: 10-100%, 6-10%, 3-6%, 0-3%, zero coupons. */
  public static final String R3_TRANCHES = """
      - name: senior
        amount: 90m
        coupon: 0
        payment_months: [1]
      - name: mezzanine_b
        amount: 4m
        coupon: 0
        payment_months: [1]
      - name: mezzanine_a
        amount: 3m
        coupon: 0
        payment_months: [1]
      - name: equity
        amount: 3m
        payment_months: [1]
      """;

  /** R3's waterfall: principal sequentially, the rest to the equity. */
  public static final String R3_WATERFALL = """
      - pay_principal: [senior, mezzanine_b, mezzanine_a]
      - pay_residual: equity
      """;

  /** One residual tranche taking the whole pool. */
  public static final String WHOLE_POOL = """
      - name: all
        amount: 100m
        payment_months: [1]
      """;

  /** One residual tranche taking the whole pool, with LGD 100%. */
  public static ResolvedDeal pool(double pd, double rho, int loans) {
    return deal(pd, rho, 0, loans, WHOLE_POOL, "- pay_residual: all");
  }

  static PathResults run(ResolvedDeal deal, long paths, long seed, Granularity g) {
    return MonteCarloRunner.run(deal, new RunSettings(paths, seed, 2, g), null, null);
  }
}
