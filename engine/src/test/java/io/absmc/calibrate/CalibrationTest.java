package io.absmc.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.absmc.scenario.ScenarioException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Calibration recovers the parameters that generated static-pool data. */
class CalibrationTest {

  private static final double[] DEFAULTS = {0.01, 0.03, 0.05, 0.06, 0.05, 0.04, 0.03, 0.02,
      0.02, 0.01, 0.01, 0.01};

  private static VintageSimulator simulator(int vintages, double cv) {
    return new VintageSimulator(vintages, "2018-01", 12, 0.18, DEFAULTS, 0.15, cv, 0.3, 3, 1e8);
  }

  /** A vintage's lifetime default rate given its multiplier, computed month by month. */
  private static double lifetime(double multiplier) {
    double alive = 1;
    double defaulted = 0;
    double prepay = 1 - Math.pow(0.85, 1.0 / 12);
    double i = 0.015;
    double b = 1;
    for (int m = 1; m <= 12; m++) {
      double d = b * Math.min(1, multiplier * (1 - Math.pow(1 - DEFAULTS[m - 1], 1.0 / 12)));
      b -= d;
      defaulted += d;
      b -= b * prepay;
      int remaining = 13 - m;
      b -= remaining == 1 ? b : b * i / (1 - Math.pow(1 + i, -remaining)) - b * i;
      alive = b;
    }
    return defaulted + 0 * alive;
  }

  /**
   * The mean and coefficient of variation of the lifetime default rate when the multiplier is
   * lognormal with mean 1 and this cv, by the trapezoid rule over the normal draw (-8 to 8).
   */
  private static double[] lifetimeMoments(double cv) {
    double sigma = Math.sqrt(Math.log1p(cv * cv));
    double m1 = 0;
    double m2 = 0;
    int n = 16_000;
    for (int k = 0; k <= n; k++) {
      double z = -8 + 16.0 * k / n;
      double w = (k == 0 || k == n ? 0.5 : 1) * 16.0 / n * Math.exp(-z * z / 2)
          / Math.sqrt(2 * Math.PI);
      double l = lifetime(Math.exp(sigma * z - sigma * sigma / 2));
      m1 += w * l;
      m2 += w * l * l;
    }
    return new double[] {m1, Math.sqrt(m2 - m1 * m1) / m1};
  }

  private static void withinSe(double k, String what, Calibration.Estimate e, double truth) {
    assertThat(Math.abs(e.value() - truth)).as("%s: %s (se %s) against %s", what, e.value(),
        e.se(), truth).isLessThanOrEqualTo(k * e.se());
  }

  @ParameterizedTest(name = "{0} vintages")
  @ValueSource(ints = {48, 96, 192})
  void simulatedParametersAreRecovered(int n) {
    List<Vintage> data = simulator(n, 0.4).simulate(n);
    Calibration.Result r = Calibration.fit(data, 1);
    assertThat(r.term()).isEqualTo(12);
    // four curve points per size: 3 standard errors, as for several comparisons at once
    for (int m : new int[] {1, 4, 8, 12}) {
      withinSe(3, "annual default rate in month " + m, r.annualDefault()[m - 1], DEFAULTS[m - 1]);
    }
    for (int m = 1; m <= 12; m++) {
      // prepayments carry no systematic draw: recovered exactly
      assertThat(r.annualPrepayment()[m - 1].value()).isCloseTo(0.15, within(1e-9));
    }
    assertThat(r.recoveryLag()).isEqualTo(3);
    assertThat(r.recoveryRate().value()).isCloseTo(0.3, within(1e-9));
    double[] moments = lifetimeMoments(0.4);
    withinSe(2, "mean lifetime default rate", r.meanLifetime(), moments[0]);
    withinSe(2, "cv of lifetime default rates", r.cv(), moments[1]);
    assertThat(r.used()).isGreaterThan(n - 12);
    assertThat(r.vasicekRho().low()).isLessThan(r.vasicekRho().value());
    assertThat(r.vasicekRho().high()).isGreaterThan(r.vasicekRho().value());
  }

  /** The flow rates that generate roll-rate vintages: fall, three rolls, charge-off from 91+. */
  private static final double[] FLOWS = {0.02, 0.45, 0.6, 0.75, 0.5};

  /**
   * Vintages simulated on roll rates (each vintage's rate of falling past due drawn around its
   * base with cv 0.3, the rolls fixed) give back every flow rate within 2 standard errors, for 24,
   * 60 and 120 vintages; the rolls, which carry no draw, exactly; and the interval of the rate of
   * falling past due narrows as vintages are added.
   */
  @Test
  void rollRatesAreRecoveredFromPastDueBuckets() {
    double previous = Double.POSITIVE_INFINITY;
    for (int n : new int[] {24, 60, 120}) {
      List<Vintage> data = simulator(n, 0.3).simulateRollRates(n, FLOWS);
      Calibration.Result r = Calibration.fit(data, 5);
      withinSe(2, n + " vintages: current to dpd_1_30", r.flows()[0], FLOWS[0]);
      for (int k = 1; k < FLOWS.length; k++) {
        assertThat(r.flows()[k].value()).as("%d vintages: %s", n, Calibration.FLOWS.get(k))
            .isCloseTo(FLOWS[k], within(1e-9));
      }
      double width = r.flows()[0].high() - r.flows()[0].low();
      assertThat(width).as("%d vintages: interval width", n).isLessThan(previous).isPositive();
      previous = width;
    }
  }

  /**
   * The calibrated block on roll rates is a valid scenario's performance, whose matrix has the
   * estimates: a loan 1-30 days past due rolls on with the estimate and cures otherwise.
   */
  @Test
  void theRollRateBlockLoadsIntoAScenario() {
    List<Vintage> data = simulator(36, 0.2).simulateRollRates(7, FLOWS);
    Calibration.Result r = Calibration.fit(data, 6);
    String block = CalibrationFiles.rollRatesYaml(r, "test");
    String performance = block.substring(block.indexOf("performance:\n") + 13).indent(6);
    String yaml = """
        name: calibrated
        calendar:
          closing_date: 2024-01-01
          first_payment_date: 2024-02-01
          legal_final_date: 2025-01-01
        pool:
          segments:
            - name: loans
              balance: 100m
              average_balance: 5000
              term_months: 12
              amortisation: level_payment
              annual_rate: 18%%
              performance:
        %s
        structure:
          plan_size: 100m
          tranches:
            - name: all
              amount: 100m
              payment_months: [1]
        waterfall:
          amortising:
            - pay_residual: all
        """.formatted(performance.stripTrailing());
    io.absmc.resolve.ResolvedDeal deal = io.absmc.resolve.ResolvedDeal.resolve(
        io.absmc.scenario.ScenarioLoader.parse(yaml, "calibrated.yaml"));
    double[] m = deal.rollRates[0];
    assertThat(m[1]).isCloseTo(r.flows()[0].value(), within(1e-6));
    assertThat(m[6 + 2]).isCloseTo(r.flows()[1].value(), within(1e-6));
    assertThat(m[6]).isCloseTo(1 - r.flows()[1].value(), within(1e-6));
    assertThat(m[4 * 6 + 5]).isCloseTo(r.flows()[4].value(), within(1e-6));
  }

  /**
   * The engine on the generating roll rates charges off what the simulated vintage does: a
   * 12-month level-pay pool made on the cut-off date, due on the 1st like the deal's periods, no
   * prepayment, no dispersion. Month by month to the term the cumulative charge-offs agree to 1e-9
   * of the pool; after the term the engine steps past-due loans every 30 days rather than every
   * month, so they are compared again once both have taken 12 steps after it.
   */
  @Test
  void theEngineChargesOffWhatTheSimulatedVintageDoes() {
    VintageSimulator sim = new VintageSimulator(30, "2024-01", 12, 0.18, DEFAULTS, 0, 0, 0, 0, 1e8);
    Vintage v = sim.simulateRollRates(1, FLOWS).get(0);
    String yaml = """
        name: engine-vs-simulator
        calendar:
          closing_date: 2024-01-01
          first_payment_date: 2024-02-01
          legal_final_date: 2027-01-01
        pool:
          segments:
            - name: loans
              balance: 100m
              average_balance: 5000
              term_months: 12
              amortisation: level_payment
              annual_rate: 18%
              performance:
                roll_rates:
                  current: {dpd_1_30: 2%}
                  dpd_1_30: {dpd_31_60: 45%, current: 55%}
                  dpd_31_60: {dpd_61_90: 60%, current: 40%}
                  dpd_61_90: {dpd_91_plus: 75%, current: 25%}
                  dpd_91_plus: {charged_off: 50%}
        structure:
          plan_size: 100m
          tranches:
            - name: all
              amount: 100m
              payment_months: [1]
        waterfall:
          amortising:
            - pay_residual: all
        """;
    io.absmc.engine.PathRecord r = io.absmc.cashflow.ExpectedCashflows.run(
        io.absmc.resolve.ResolvedDeal.resolve(io.absmc.scenario.ScenarioLoader.parse(yaml,
            "engine.yaml"))).record();
    for (int m = 1; m <= 12; m++) {
      assertThat(r.cumulativeDefaultRate[m - 1]).as("month %d", m)
          .isCloseTo(v.defaults()[m - 1] / 1e8, within(1e-9));
    }
    // 12 steps after the term both ways: by the 24th month, and by day 731 (365 + 12 x 30 < 731)
    assertThat(v.months()).isEqualTo(24);
    assertThat(r.cumulativeDefaultRate[23]).isCloseTo(v.defaults()[23] / 1e8, within(1e-9));
    assertThat(v.defaults()[v.months() - 1] / 1e8).isGreaterThan(0.002);
  }

  @Test
  void pastDueBucketsComeAllOrNoneAndWithinTheBalance(@TempDir Path tmp) throws IOException {
    Path partial = tmp.resolve("p.csv");
    Files.writeString(partial, """
        vintage,months_on_book,original_balance,outstanding_balance,cumulative_defaults,cumulative_prepayments,cumulative_recoveries,dpd_1_30,dpd_31_60
        2019-01,1,1000,900,10,50,0,5,0
        """);
    assertThatThrownBy(() -> VintageTable.read(partial)).isInstanceOfSatisfying(
        ScenarioException.class, e -> assertThat(e.problems()).containsExactly(
            partial + ":1: past-due buckets come all four or none: expected dpd_1_30, dpd_31_60,"
                + " dpd_61_90, dpd_91_plus, missing dpd_61_90, dpd_91_plus"));
    Path over = tmp.resolve("o.csv");
    Files.writeString(over, """
        vintage,months_on_book,original_balance,outstanding_balance,cumulative_defaults,cumulative_prepayments,cumulative_recoveries,dpd_1_30,dpd_31_60,dpd_61_90,dpd_91_plus
        2019-01,1,1000,900,10,50,0,500,300,100,1
        """);
    assertThatThrownBy(() -> VintageTable.read(over)).isInstanceOfSatisfying(
        ScenarioException.class, e -> assertThat(e.problems()).containsExactly(
            over + ":2: dpd_1_30: vintage 2019-01: the past-due buckets sum to 901.0, more than"
                + " the outstanding balance 900.0"));
  }

  /**
   * On a complete triangle the chain ladder develops nothing: each vintage's lifetime rate is its
   * observed cumulative default rate at the term. With no dispersion every vintage has the same
   * shape, so immature vintages are developed to exactly that rate.
   */
  @Test
  void chainLadderReproducesCompleteVintagesAndDevelopsYoungOnes() {
    List<Vintage> data = simulator(40, 0.3).simulate(3).subList(0, 25);
    Calibration.Result r = Calibration.fit(data, 2);
    for (int i = 0; i < data.size(); i++) {
      Vintage v = data.get(i);
      assertThat(r.lifetime()[i]).isEqualTo(v.defaults()[11] / v.originalBalance());
    }
    List<Vintage> flat = simulator(30, 0).simulate(4);
    Calibration.Result f = Calibration.fit(flat, 3);
    double full = flat.get(0).defaults()[11] / 1e8;
    for (int i = 0; i < flat.size(); i++) {
      if (!Double.isNaN(f.lifetime()[i])) {
        assertThat(f.lifetime()[i]).as("vintage %d", i).isCloseTo(full, within(1e-12));
      }
    }
    assertThat(f.used()).isLessThan(30).isGreaterThan(20);
  }

  @Test
  void badTablesAreRefusedWithFileLineAndColumn(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("v.csv");
    Files.writeString(f, """
        vintage,months_on_book,original_balance,outstanding_balance,cumulative_defaults,cumulative_prepayments,cumulative_recoveries
        2019-01,1,1000,900,10,50,0
        2019-01,2,1000,800,8,90,0
        2019-02,1,0,900,10,50,0
        2019-03,1,1000,900,10,50,0
        2019-03,3,1000,700,30,100,5
        """);
    assertThatThrownBy(() -> VintageTable.read(f)).isInstanceOfSatisfying(
        ScenarioException.class, e -> assertThat(e.problems()).containsExactly(
            f + ":3: cumulative_defaults: vintage 2019-01: a cumulative amount cannot fall:"
                + " expected at least month 1's 10.0, found 8.0",
            f + ":4: original_balance: expected 0.01 <= original_balance <= 1000000000000,"
                + " found 0",
            f + ":6: months_on_book: vintage 2019-03: expected month 2 after month 1, found 3"));
  }

  /**
   * Loan-level data to a static-pool table, by hand: three 1,000 loans of January 2015, 3 months
   * level-pay at 12% (instalment 340.02; balance after one 669.98, after two 336.66). One runs to
   * term, one is repaid in full in month 1 (its last payment, February), one is charged off after
   * paying February: it defaults in month 2 with 669.98 and 100 recovered.
   */
  @Test
  void loanLevelDataMakeTheVintageTable(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("loans.csv");
    Files.writeString(f, """
        id,issue_d,funded_amnt,term,int_rate,loan_status,last_pymnt_d,recoveries,grade
        1,Jan-2015,1000, 3 months,12.00%,Fully Paid,Apr-2015,0,A
        2,Jan-2015,1000, 3 months,12.00%,Fully Paid,Feb-2015,0,B
        3,Jan-2015,1000, 3 months,12.00%,Charged Off,Feb-2015,100,C
        """);
    assertThat(LoanPerformance.isLoanLevel(f, Map.of())).isTrue();
    List<Vintage> v = LoanPerformance.read(f, null);
    assertThat(v).hasSize(1);
    Vintage jan = v.get(0);
    double a = 1000 * 0.01 / (1 - Math.pow(1.01, -3));
    double b1 = 1000 * 1.01 - a;
    double b2 = b1 * 1.01 - a;
    assertThat(a).isCloseTo(340.02, within(0.005));
    assertThat(jan.originalBalance()).isEqualTo(3000);
    assertThat(jan.outstanding()).containsExactly(new double[] {2 * b1, b2, 0}, within(1e-9));
    assertThat(jan.defaults()).containsExactly(new double[] {0, b1, b1}, within(1e-9));
    assertThat(jan.prepayments()).containsExactly(new double[] {1000, 1000, 1000}, within(1e-9));
    assertThat(jan.recoveries()).containsExactly(new double[] {0, 100, 100}, within(1e-9));
  }

  @Test
  void loanLevelProblemsNameTheLine(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("loans.csv");
    Files.writeString(f, """
        issue_d,funded_amnt,term,int_rate,loan_status,last_pymnt_d,recoveries
        Jan-2015,1000,36 months,12%,Paid,Apr-2015,0
        Jam-2015,1000,36 months,12%,Current,Apr-2015,0
        """);
    assertThatThrownBy(() -> LoanPerformance.read(f, null)).isInstanceOfSatisfying(
        ScenarioException.class, e -> assertThat(e.problems()).containsExactly(
            f + ":2: loan_status: expected Fully Paid, Charged Off, Default, Current, In Grace"
                + " Period or Late (...), found 'Paid'",
            f + ":3: issue_d: expected a month (Dec-2015, 2015-12 or 2015-12-01), found"
                + " 'Jam-2015'"));
  }

  /** The shipped table written as Parquet reads back to the same vintages. */
  /**
   * The same three loans as a Parquet file written by DuckDB with Snappy pages, as pandas and
   * DuckDB write by default: dates as DATE columns, amounts and the rate (12.0, a percentage) as
   * doubles, the term as an integer; the vintage is the CSV file's.
   */
  @Test
  void loanLevelParquetReadsLikeCsv(@TempDir Path tmp) throws IOException {
    Path csv = tmp.resolve("loans.csv");
    Files.writeString(csv, """
        id,issue_d,funded_amnt,term,int_rate,loan_status,last_pymnt_d,recoveries
        1,Jan-2015,1000, 3 months,12.00%,Fully Paid,Apr-2015,0
        2,Jan-2015,1000, 3 months,12.00%,Fully Paid,Feb-2015,0
        3,Jan-2015,1000, 3 months,12.00%,Charged Off,Feb-2015,100
        """);
    Path f = tmp.resolve("loans.parquet");
    io.absmc.output.DuckDb.execute("COPY (SELECT id::VARCHAR AS id, DATE '2015-01-01' AS issue_d,"
        + " 1000.0::DOUBLE AS funded_amnt, 3::INTEGER AS term, 12.0::DOUBLE AS int_rate,"
        + " loan_status, last_pymnt_d::DATE AS last_pymnt_d, recoveries::DOUBLE AS recoveries"
        + " FROM (VALUES (1, 'Fully Paid', '2015-04-01', 0), (2, 'Fully Paid', '2015-02-01', 0),"
        + " (3, 'Charged Off', '2015-02-01', 100)) t(id, loan_status, last_pymnt_d, recoveries))"
        + " TO '" + f + "' (FORMAT parquet, COMPRESSION snappy)");
    assertThat(io.absmc.output.DuckDb.query("SELECT DISTINCT compression FROM parquet_metadata('"
        + f + "')")).extracting(r -> r.get("compression")).containsExactly("SNAPPY");
    assertThat(LoanPerformance.isLoanLevel(f, Map.of())).isTrue();
    Vintage a = LoanPerformance.read(csv, null).get(0);
    Vintage b = LoanPerformance.read(f, null).get(0);
    assertThat(b.name()).isEqualTo(a.name());
    assertThat(b.outstanding()).containsExactly(a.outstanding());
    assertThat(b.defaults()).containsExactly(a.defaults());
    assertThat(b.prepayments()).containsExactly(a.prepayments());
    assertThat(b.recoveries()).containsExactly(a.recoveries());
  }

  @Test
  void parquetTablesReadLikeCsv(@TempDir Path tmp) throws IOException {
    List<Vintage> csv = VintageTable.read(io.absmc.TestFiles.path(
        "scenarios/data/synthetic-credit-vintages.csv"));
    List<String> name = new java.util.ArrayList<>();
    List<double[]> rows = new java.util.ArrayList<>();
    for (Vintage v : csv) {
      for (int m = 1; m <= v.months(); m++) {
        name.add(v.name());
        rows.add(new double[] {m, v.originalBalance(), v.outstanding()[m - 1],
            v.defaults()[m - 1], v.prepayments()[m - 1], v.recoveries()[m - 1]});
      }
    }
    Path f = tmp.resolve("v.parquet");
    io.absmc.output.ParquetTable.write(f, List.of(
        io.absmc.output.Column.ofString("vintage", "", name::get),
        io.absmc.output.Column.ofInt("months_on_book", "", "", i -> (long) rows.get(i)[0]),
        io.absmc.output.Column.ofDouble("original_balance", "", "", i -> rows.get(i)[1]),
        io.absmc.output.Column.ofDouble("outstanding_balance", "", "", i -> rows.get(i)[2]),
        io.absmc.output.Column.ofDouble("cumulative_defaults", "", "", i -> rows.get(i)[3]),
        io.absmc.output.Column.ofDouble("cumulative_prepayments", "", "", i -> rows.get(i)[4]),
        io.absmc.output.Column.ofDouble("cumulative_recoveries", "", "", i -> rows.get(i)[5])),
        java.util.Map.of(), rows.size());
    List<Vintage> parquet = VintageTable.read(f);
    assertThat(parquet).hasSameSizeAs(csv);
    for (int i = 0; i < csv.size(); i++) {
      assertThat(parquet.get(i).name()).isEqualTo(csv.get(i).name());
      assertThat(parquet.get(i).defaults()).containsExactly(csv.get(i).defaults());
      assertThat(parquet.get(i).outstanding()).containsExactly(csv.get(i).outstanding());
      assertThat(parquet.get(i).recoveries()).containsExactly(csv.get(i).recoveries());
    }
  }

  /** A logistic timing curve is recovered by the Levenberg-Marquardt fit from its own values. */
  /**
   * 40 vintages of 6-month loans with known lifetime rates L_i and one timing curve W(m), observed
   * as a triangle, no prepayments: D_i(m) = L_i W(m) of the original balance.
   */
  private static List<Vintage> shaped(java.util.function.IntToDoubleFunction timing,
      double[] lifetimes) {
    List<Vintage> out = new java.util.ArrayList<>();
    for (int i = 0; i < lifetimes.length; i++) {
      int seen = Math.min(6, lifetimes.length - i);
      double[] outstanding = new double[seen];
      double[] defaults = new double[seen];
      for (int m = 1; m <= seen; m++) {
        defaults[m - 1] = 1e6 * lifetimes[i] * timing.applyAsDouble(m);
        outstanding[m - 1] = Math.max(0, 1e6 * (1 - m / 6.0) - defaults[m - 1]);
      }
      out.add(new Vintage(String.format("v%02d", i), 1e6, outstanding, defaults,
          new double[seen], new double[seen]));
    }
    return out;
  }

  /**
   * Developing along the logistic curve: on vintages whose timing is a logistic curve (centre 3,
   * width 0.8) every developed vintage's lifetime rate is its true one; on vintages whose timing
   * has a kink (80% of defaults in two months, then 5% a month) the chain ladder is exact while
   * the logistic, which cannot bend so, is exact for complete vintages only and misses a young
   * one's.
   */
  @Test
  void immatureVintagesDevelopAlongTheLogisticCurve() {
    double[] lifetimes = new double[40];
    for (int i = 0; i < lifetimes.length; i++) {
      lifetimes[i] = 0.01 * (1 + 0.4 * Math.sin(1.7 * i));
    }
    List<Vintage> logistic = shaped(m -> Calibration.shape(m, 3, 0.8, 6), lifetimes);
    Calibration.Result l = Calibration.fit(logistic, 1, Calibration.Development.LOGISTIC);
    assertThat(l.timingCentre().value()).isCloseTo(3, within(1e-6));
    for (int i = 0; i < lifetimes.length; i++) {
      if (!Double.isNaN(l.lifetime()[i])) {
        assertThat(l.lifetime()[i]).as("vintage %d", i).isCloseTo(lifetimes[i], within(1e-9));
      }
    }
    assertThat(l.used()).isEqualTo(38);

    List<Vintage> kinked = shaped(m -> m <= 2 ? 0.4 * m : 0.8 + 0.05 * (m - 2), lifetimes);
    Calibration.Result chain = Calibration.fit(kinked, 1, Calibration.Development.CHAIN_LADDER);
    Calibration.Result curve = Calibration.fit(kinked, 1, Calibration.Development.LOGISTIC);
    int young = lifetimes.length - 4;
    assertThat(chain.lifetime()[young]).isCloseTo(lifetimes[young], within(1e-12));
    assertThat(curve.lifetime()[0]).isCloseTo(lifetimes[0], within(1e-12));
    assertThat(Math.abs(curve.lifetime()[young] / lifetimes[young] - 1)).isGreaterThan(1e-3);
  }

  @Test
  void logisticTimingIsRecovered() {
    double[] w = new double[12];
    for (int m = 1; m <= 12; m++) {
      w[m - 1] = Calibration.shape(m, 4.3, 1.7, 12);
    }
    double[] fit = Calibration.logisticTiming(w);
    assertThat(fit[0]).isCloseTo(4.3, within(1e-5));
    assertThat(fit[1]).isCloseTo(1.7, within(1e-5));
  }

  /**
   * The method of moments inverts the Vasicek variance: for p = 3% and rho = 8%, the variance of L
   * computed here by the trapezoid rule over the factor (-10 to 10, 20,000 steps) gives back rho.
   */
  @Test
  void vasicekMomentsGiveBackRho() {
    double p = 0.03;
    double rho = 0.08;
    double c = io.absmc.random.Normal.quantile(p);
    double m2 = 0;
    int n = 20_000;
    for (int k = 0; k <= n; k++) {
      double x = -10 + 20.0 * k / n;
      double w = (k == 0 || k == n ? 0.5 : 1) * 20.0 / n * Math.exp(-x * x / 2)
          / Math.sqrt(2 * Math.PI);
      double l = io.absmc.random.Normal.cdf((c + Math.sqrt(rho) * x) / Math.sqrt(1 - rho));
      m2 += w * l * l;
    }
    assertThat(Calibration.vasicekRhoByMoments(p, m2 - p * p)).isCloseTo(rho, within(1e-6));
    assertThat(Calibration.vasicekRhoByMoments(p, 0)).isNaN();
  }

  /** Another layout's names mapped onto the layout's give the same table; a bad mapping is named. */
  @Test
  void loanLevelColumnsCanBeMapped(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("loans.csv");
    Files.writeString(f, """
        orig_month,amount,term,int_rate,status,last_paid,recovered
        2015-01,1000,3,12%,Fully Paid,2015-04,0
        2015-01,1000,3,12%,Charged Off,2015-02,100
        """);
    Map<String, String> names = Map.of("issue_d", "orig_month", "funded_amnt", "amount",
        "loan_status", "status", "last_pymnt_d", "last_paid", "recoveries", "recovered");
    assertThat(LoanPerformance.isLoanLevel(f, names)).isTrue();
    Vintage v = LoanPerformance.read(f, null, names).get(0);
    assertThat(v.originalBalance()).isEqualTo(2000);
    assertThat(v.recoveries()[1]).isEqualTo(100);
    assertThatThrownBy(() -> LoanPerformance.read(f, null, Map.of("issue", "orig_month")))
        .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.problems()).contains(
            f + ":1: --column issue=orig_month: 'issue' is not a column of the layout (issue_d,"
                + " funded_amnt, term, int_rate, loan_status, last_pymnt_d, recoveries)",
            f + ":1: missing column 'issue_d'"));
  }
}
