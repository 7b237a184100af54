package io.absmc.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.absmc.TestFiles;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioLoaderTest {

  @Test
  void readsDealAAsTheArticleDescribesIt() {
    Scenario s = ScenarioLoader.load(TestFiles.path("scenarios/ali-microloan-plan1.yaml"));
    Structure st = s.structure();
    assertThat(st.planSize()).isEqualTo(500e6);
    assertThat(st.tranches()).extracting(Tranche::name)
        .containsExactly("senior", "mezzanine", "subordinated");
    assertThat(st.tranches()).extracting(Tranche::amount).containsExactly(375e6, 75e6, 50e6);
    assertThat(st.tranches().get(0).annualCoupon()).hasValue(0.062);
    assertThat(st.tranches().get(1).annualCoupon()).hasValue(0.11);
    assertThat(st.tranches().get(2).isResidual()).isTrue();
    assertThat(st.tranches().get(0).paymentMonths()).containsExactly(13, 14, 15);
    assertThat(st.guarantee()).get().satisfies(g -> {
      assertThat(g.cap()).isEqualTo(150e6);
      assertThat(g.tranches()).containsExactly("senior", "mezzanine");
      assertThat(g.timing()).isEqualTo(GuaranteeTiming.AT_MATURITY);
      assertThat(g.annualFeeRate()).isEqualTo(0.02);
    });
    assertThat(st.fees()).extracting(Fee::annualRate).containsExactly(0.005, 0.0003);
    assertThat(s.revolving()).get().extracting(Revolving::lastPeriod).isEqualTo(12);
    Segment order = s.pool().kind("order_loan");
    assertThat(order.term()).isEqualTo(Term.ofDays(57));
    assertThat(order.amortisation()).isEqualTo(Amortisation.BULLET);
    assertThat(s.pool().balance()).isEqualTo(500e6);
  }

  @Test
  void readsUnitsOnRatesAndAmounts() {
    String base = TestFiles.read("scenarios/examples/seed-worked-example.yaml");
    Scenario s = ScenarioLoader.parse(base
        .replace("plan_size: 500m", "plan_size: 5亿")
        .replace("amount: 375m", "amount: 37500万")
        .replace("amount: 75m", "amount: 75,000,000")
        .replace("amount: 50m", "amount: 0.05bn")
        .replace("coupon: 6.2%", "coupon: 620bp")
        .replace("coupon: 11%", "coupon: 0.11"), "x.yaml");
    assertThat(s.structure().planSize()).isEqualTo(500e6);
    assertThat(s.structure().tranches()).extracting(Tranche::amount).containsExactly(375e6, 75e6, 50e6);
    assertThat(s.structure().tranches().get(0).annualCoupon()).hasValue(0.062);
    assertThat(s.structure().tranches().get(1).annualCoupon()).hasValue(0.11);
  }

  @Test
  void aliasesShareABlockOfAssumptions() {
    Scenario s = ScenarioLoader.load(TestFiles.path("scenarios/ant-credit-pay-abs.yaml"));
    List<Segment> segments = s.pool().segments();
    assertThat(segments).hasSize(3);
    assertThat(segments.get(1).performance()).isEqualTo(segments.get(0).performance());
    assertThat(segments.get(2).performance().annualDefaultRate()).isEqualTo(RateCurve.constant(0.025));
  }

  @Test
  void sharesAreOfThePoolBalanceAndRatesMayVaryByPeriod() {
    Scenario s = ScenarioLoader.load(TestFiles.path("scenarios/ant-credit-pay-abs.yaml"));
    assertThat(s.pool().kind("instalment_6m").balance()).isEqualTo(1.2e9);
    Scenario v = ScenarioLoader.parse(TestFiles.read("scenarios/examples/seed-worked-example.yaml")
        .replace("annual_default_rate: 40%", "annual_default_rate: [1%, 2%, 3%]"), "x.yaml");
    RateCurve curve = v.pool().segments().get(0).performance().annualDefaultRate();
    assertThat(curve.value(1)).isEqualTo(0.01);
    assertThat(curve.value(3)).isEqualTo(0.03);
    assertThat(curve.value(10)).isEqualTo(0.03);
  }

  @Test
  void revolvingEndDateBecomesTheLastRevolvingPeriod() {
    String text = TestFiles.read("scenarios/ali-microloan-plan1.yaml")
        .replace("last_period: 12 ", "end_date: 2014-07-15 ");
    assertThat(ScenarioLoader.parse(text, "x.yaml").revolving().get().lastPeriod()).isEqualTo(12);
  }

  @Test
  void calendarHasMonthlyPaymentDatesClampedToMonthEnd() {
    Calendar c = new Calendar(LocalDate.of(2024, 1, 10), LocalDate.of(2024, 1, 31), 31,
        LocalDate.of(2024, 4, 30), DayCount.ACT_365F);
    assertThat(c.paymentDates()).containsExactly(LocalDate.of(2024, 1, 31),
        LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 31), LocalDate.of(2024, 4, 30));
  }

  @Test
  void missingFileIsOneClearProblem() {
    assertThatThrownBy(() -> ScenarioLoader.load(java.nio.file.Path.of("no/such/file.yaml")))
        .isInstanceOf(ScenarioException.class)
        .hasMessage("no/such/file.yaml: no such file");
  }

  @Test
  void recordsRejectNaNWithTheArgumentNamed() {
    assertThatThrownBy(() -> Performance.of(RateCurve.constant(0.01), RateCurve.constant(0),
        Double.NaN, 0, 0)).hasMessage("Expected 0 <= 'recoveryRate' <= 1 but found NaN");
  }
}
