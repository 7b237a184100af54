package io.absmc.engine;

import io.absmc.cashflow.ExpectedCashflows;
import io.absmc.resolve.ResolvedDeal;
import io.absmc.scenario.ScenarioLoader;

/** Small deals written as YAML for engine tests. */
final class Deals {

  private Deals() {
  }

  /** Revolving: buy loans with what was not reinvested at collection; then pass everything through. */
  static final String REINVEST_THEN_PASS_THROUGH = """
      revolving:
        - reinvest
      amortising:
        - pay_interest: [senior]
        - pay_principal: [senior]
      """;

  /** Runs the expected-value path of a scenario text. */
  static ExpectedCashflows expected(String yaml) {
    return ExpectedCashflows.run(ResolvedDeal.resolve(ScenarioLoader.parse(yaml, "test.yaml")));
  }

  /**
   * One segment and one senior tranche paid from everything: closing 2024-01-01, payment dates on
   * the 1st of each month to {@code legalFinal}.
   */
  static String singleSegment(String segment, String extra, String legalFinal, String waterfall) {
    return """
        name: test
        calendar:
          closing_date: 2024-01-01
          first_payment_date: 2024-02-01
          payment_day: 1
          legal_final_date: %s
        pool:
          segments:
        %s
        %s
        structure:
          plan_size: 100m
          tranches:
            - name: senior
              amount: 100m
              coupon: 5%%
              principal: pass_through
              payment_months: [%d]
        waterfall:
        %s
        """.formatted(legalFinal, indent(segment, 4), extra, months(legalFinal), indent(waterfall, 2));
  }

  private static int months(String legalFinal) {
    java.time.LocalDate d = java.time.LocalDate.parse(legalFinal);
    return (d.getYear() - 2024) * 12 + d.getMonthValue() - 1;
  }

  static String indent(String text, int spaces) {
    String pad = " ".repeat(spaces);
    return text.stripTrailing().lines().map(l -> pad + l).reduce((a, b) -> a + "\n" + b).orElse("");
  }
}
