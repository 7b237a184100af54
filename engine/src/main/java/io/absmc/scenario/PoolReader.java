package io.absmc.scenario;

import io.absmc.scenario.yaml.MapCursor;
import io.absmc.scenario.yaml.Problems;
import io.absmc.scenario.yaml.YamlNode;
import io.absmc.util.Check;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The {@code pool} section: segments written out, or kinds of loan beside a loan tape (read by
 * {@link LoanTape}), their performance and roll rates, and the Monte Carlo model.
 */
final class PoolReader extends SectionReader {

  PoolReader(Problems problems, Path folder) {
    super(problems, folder);
  }

  /** @param poolDate the date the pool is described at (null when the calendar has problems) */
  Pool pool(MapCursor c, double planSize, LocalDate poolDate) {
    if (c.has("loan_tape")) {
      return tapePool(c, poolDate);
    }
    int before = problems.size();
    OptionalDouble poolBalance = c.optAmount("balance", 1, MAX_AMOUNT);
    double shareBase = poolBalance.orElse(planSize);
    List<YamlNode> items = c.list("segments");
    if (items.isEmpty() && c.has("segments")) {
      c.problem("segments", "expected at least one segment");
    }
    List<Segment> segments = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (YamlNode item : items) {
      Segment s = segment(MapCursor.of(item, problems), shareBase, poolDate);
      if (s != null && !names.add(s.name())) {
        problems.add(item, "duplicate segment name '" + s.name() + "'");
      }
      segments.add(s);
    }
    CreditModel model = c.optMap("model").map(this::model).orElse(CreditModel.DEFAULT);
    c.rejectUnknown();
    if (problems.size() > before || model == null || segments.contains(null)) {
      return null;
    }
    checkRecoverySd(c, model, segments);
    Pool pool = build(c.node(), () -> new Pool(segments, segments, model));
    if (pool != null && poolBalance.isPresent()
        && Math.abs(pool.balance() - poolBalance.getAsDouble()) > 0.005) {
      c.problem("balance", "the segments add up to " + Check.fmt(pool.balance())
          + " but the pool balance is " + Check.fmt(poolBalance.getAsDouble()));
    }
    return pool;
  }

  /** A kind of loan as written beside a loan tape: its balance and loans come from the tape. */
  private record KindSpec(String name, Amortisation amortisation, OptionalDouble annualRate,
      Term term, OptionalDouble averageBalance, PrepaymentInterest prepaymentInterest,
      Performance performance) {
  }

  /** A pool whose loans come from a loan tape; the segments name the kinds of loan. */
  Pool tapePool(MapCursor c, LocalDate poolDate) {
    int before = problems.size();
    MapCursor t = c.optMap("loan_tape").orElseThrow();
    String file = t.text("file");
    if (file != null) {
      Path relative = Path.of(file).normalize();
      if (relative.isAbsolute() || relative.startsWith("..") || file.contains("\u0000")) {
        t.problem("file", "expected a path relative to the scenario's folder and inside it,"
            + " found '" + file + "'");
        file = null;
      }
    }
    int bucket = t.integerOr("age_bucket_days", 7, 1, 3650);
    Map<String, double[]> keyMultipliers = new java.util.LinkedHashMap<>();
    t.optMap("performance_keys").ifPresent(keys -> {
      for (Map.Entry<String, YamlNode> e : keys.node().entries().entrySet()) {
        MapCursor k = MapCursor.of(e.getValue(), problems);
        double dm = k.rateOr("default_multiplier", 1, 0, 1000);
        double pm = k.rateOr("prepayment_multiplier", 1, 0, 1000);
        k.rejectUnknown();
        keyMultipliers.put(e.getKey(), new double[] {dm, pm});
      }
    });
    t.rejectUnknown();
    List<KindSpec> specs = new ArrayList<>();
    for (YamlNode item : c.list("segments")) {
      specs.add(kind(MapCursor.of(item, problems)));
    }
    CreditModel model = c.optMap("model").map(this::model).orElse(CreditModel.DEFAULT);
    c.rejectUnknown();
    if (problems.size() > before || specs.contains(null) || model == null) {
      return null;
    }
    Set<String> names = new java.util.LinkedHashSet<>();
    Set<String> instalment = new HashSet<>();
    for (int i = 0; i < specs.size(); i++) {
      if (!names.add(specs.get(i).name())) {
        problems.add(c.node().entries().get("segments").items().get(i),
            "duplicate segment name '" + specs.get(i).name() + "'");
      }
      if (specs.get(i).amortisation().isInstalment()) {
        instalment.add(specs.get(i).name());
      }
    }
    Path tapePath = folder == null ? Path.of(file) : folder.resolve(file);
    Problems tapeProblems = new Problems(displayName(tapePath));
    LoanTape.Result tape = LoanTape.read(tapePath, new LoanTape.Rules(names, instalment,
        keyMultipliers.keySet(), poolDate), bucket, tapeProblems);
    problems.addAll(tapeProblems);
    if (tape == null || problems.size() > before) {
      return null;
    }
    List<Segment> kinds = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      KindSpec k = specs.get(i);
      LoanTape.KindTotals totals = tape.kinds().get(k.name());
      YamlNode node = c.node().entries().get("segments").items().get(i);
      if (totals == null && (k.term() == null || k.annualRate().isEmpty()
          || k.averageBalance().isEmpty())) {
        problems.add(node, "the loan tape has no '" + k.name() + "' loans: give term_days or "
            + "term_months, annual_rate and average_balance for the loans bought while revolving");
        continue;
      }
      Term term = k.term() != null ? k.term() : totals.commonestTerm();
      double rate = k.annualRate().orElse(totals == null ? 0 : totals.rateWeighted() / totals.balance());
      double average = k.averageBalance().orElse(totals == null ? 1 : totals.balance() / totals.loans());
      kinds.add(build(node, () -> new Segment(k.name(), totals == null ? 0 : totals.balance(),
          average, term, 0, k.amortisation(), rate, k.prepaymentInterest(), k.performance())));
    }
    Map<String, KindSpec> byName = new java.util.HashMap<>();
    specs.forEach(k -> byName.put(k.name(), k));
    List<Segment> segments = new ArrayList<>();
    Map<String, Integer> counter = new java.util.HashMap<>();
    for (LoanTape.Stratum st : tape.strata()) {
      KindSpec k = byName.get(st.kind());
      int n = counter.merge(st.kind(), 1, Integer::sum);
      if (k.performance().rollRates().isPresent() && !Double.isNaN(st.annualDefaultRate())) {
        problems.add(c.node().entries().get("segments"), "'" + st.kind() + "' loans default by"
            + " their roll rates, so the loan tape's annual_default_rate cannot apply to them");
        return null;
      }
      Performance perf = tapePerformance(k.performance(), st,
          keyMultipliers.getOrDefault(st.key(), new double[] {1, 1}));
      segments.add(build(c.node(), () -> new Segment(st.kind() + "#" + n, st.balance(),
          st.balance() / st.loans(), st.term(), st.seasoningDays(), k.amortisation(),
          st.annualRate(), k.prepaymentInterest(), perf)));
    }
    if (problems.size() > before || kinds.contains(null) || segments.contains(null)) {
      return null;
    }
    checkRecoverySd(c, model, kinds);
    return build(c.node(), () -> new Pool(kinds, segments, model,
        java.util.Optional.of(tape.stratification())));
  }

  /**
   * A stratum's performance: its kind's, with the loans' own base rates (their balance-weighted
   * average) in place of the kind's curves where the tape gives them, then its performance key's
   * multipliers, rates capped at 1.
   */
  private static Performance tapePerformance(Performance kind, LoanTape.Stratum st,
      double[] multipliers) {
    RateCurve defaults = Double.isNaN(st.annualDefaultRate()) ? kind.annualDefaultRate()
        : RateCurve.constant(st.annualDefaultRate());
    RateCurve prepayments = Double.isNaN(st.annualPrepaymentRate())
        ? kind.annualPrepaymentRate() : RateCurve.constant(st.annualPrepaymentRate());
    return new Performance(defaults.scaled(multipliers[0], 1),
        prepayments.scaled(multipliers[1], 1), kind.curvesBy(), kind.recoveryRate(),
        kind.recoveryLagMonths(), kind.chargeOffDays(), kind.assetCorrelation(),
        kind.rollRates().map(r -> r.entryScaled(multipliers[0])));
  }

  /** The Monte Carlo model under {@code pool.model}. */
  CreditModel model(MapCursor c) {
    int before = problems.size();
    DefaultModel defaults = c.choiceOr("defaults", DefaultModel.class, DefaultModel.VASICEK);
    double rho = c.rateOr("asset_correlation", CreditModel.DEFAULT.assetCorrelation(), 0, 0.999);
    double phi = c.rateOr("annual_factor_autocorrelation", 1, 0, 1);
    double cv = c.rateOr("default_cv", 0, 0, 10);
    double prepayVol = c.rateOr("prepayment_volatility", 0, 0, 5);
    double prepayCorr = c.rateOr("prepayment_correlation", 0, -1, 1);
    double recoverySd = c.rateOr("recovery_sd", 0, 0, 0.5);
    double loading = c.rateOr("recovery_loading", 0, 0, 0.999);
    c.rejectUnknown();
    if (problems.size() > before) {
      return null;
    }
    if (defaults == DefaultModel.LOGNORMAL && !(cv > 0)) {
      c.problem("default_cv", "the lognormal default model needs default_cv above 0");
      return null;
    }
    if (defaults != DefaultModel.LOGNORMAL && c.has("default_cv")) {
      c.problem("default_cv", "default_cv applies to the lognormal default model only");
      return null;
    }
    return build(c.node(), () -> new CreditModel(defaults, rho, phi, cv, prepayVol, prepayCorr,
        recoverySd, loading));
  }

  /** A Beta distribution with mean m has a standard deviation below sqrt(m (1 - m)). */
  void checkRecoverySd(MapCursor pool, CreditModel model, List<Segment> segments) {
    if (model.recoverySd() == 0) {
      return;
    }
    for (Segment s : segments) {
      RateCurve rates = s.performance().recoveryRate();
      double m = rates.value(1);
      for (int k = 2; k <= rates.size(); k++) {
        // the value furthest from 1/2 leaves the least room for a Beta distribution
        m = Math.abs(rates.value(k) - 0.5) > Math.abs(m - 0.5) ? rates.value(k) : m;
      }
      if (model.recoverySd() >= Math.sqrt(m * (1 - m))) {
        YamlNode node = pool.node().entries().get("model").entries().get("recovery_sd");
        problems.add(node, "expected a recovery_sd below sqrt(m (1 - m)) = "
            + String.format(java.util.Locale.ROOT, "%.4f", Math.sqrt(m * (1 - m)))
            + " for segment '" + s.name() + "' (recovery rate " + m + "), found " + model.recoverySd());
        return;
      }
    }
  }

  private static String displayName(Path p) {
    Path cwd = Path.of("").toAbsolutePath();
    Path abs = p.toAbsolutePath().normalize();
    return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
  }

  KindSpec kind(MapCursor c) {
    int before = problems.size();
    String name = c.text("name");
    for (String key : List.of("balance", "share", "loans", "seasoning_days")) {
      if (c.has(key)) {
        c.problem(key, "comes from the loan tape; remove it here");
      }
    }
    Amortisation amortisation = c.choice("amortisation", Amortisation.class);
    OptionalDouble rate = c.optRate("annual_rate", 0, 10);
    Term term = term(c, false);
    OptionalDouble average = c.optAmount("average_balance", 0.01, MAX_AMOUNT);
    PrepaymentInterest prepaymentInterest = prepaymentInterest(c);
    Performance performance = c.map("performance").map(this::performance).orElse(null);
    c.rejectUnknown();
    if (problems.size() > before) {
      return null;
    }
    if (term != null && amortisation.isInstalment() && !term.inMonths()) {
      c.problem("term_days", amortisation.label()
          + " loans pay monthly instalments: give term_months instead of term_days");
      return null;
    }
    return new KindSpec(name, amortisation, rate, term, average, prepaymentInterest,
        performance);
  }

  Segment segment(MapCursor c, double shareBase, LocalDate poolDate) {
    int before = problems.size();
    String name = c.text("name");
    c.eitherOr("balance", "share", true);
    double balance = c.has("share") ? c.rate("share", 0, 1) * shareBase
        : c.has("balance") ? c.amount("balance", 0.01, MAX_AMOUNT) : Double.NaN;
    c.eitherOr("average_balance", "loans", true);
    double average = c.has("loans")
        ? balance / c.integer("loans", 1, Integer.MAX_VALUE)
        : c.has("average_balance") ? c.amount("average_balance", 0.01, MAX_AMOUNT) : Double.NaN;
    Term term = term(c, true);
    int seasoning = c.integerOr("seasoning_days", 0, 0, 100_000);
    Amortisation amortisation = c.choice("amortisation", Amortisation.class);
    double rate = c.rate("annual_rate", 0, 10);
    PrepaymentInterest prepaymentInterest = prepaymentInterest(c);
    Performance performance = c.map("performance").map(this::performance).orElse(null);
    c.rejectUnknown();
    if (problems.size() > before) {
      return null;
    }
    int termDays = poolDate == null ? term.longestDays()
        : term.daysFrom(poolDate.minusDays(seasoning));
    if (seasoning >= termDays) {
      c.problem("seasoning_days", "expected seasoning_days below the term of " + term
          + (term.inMonths() && poolDate != null ? " (" + termDays + " days from the origination date "
              + poolDate.minusDays(seasoning) + ")" : "") + ", found " + seasoning);
      return null;
    }
    if (amortisation.isInstalment() && !term.inMonths()) {
      c.problem("term_days", amortisation.label()
          + " loans pay monthly instalments: give term_months instead of term_days");
      return null;
    }
    if (Double.isNaN(balance) || Double.isNaN(average)) {
      // a share of a pool or plan size that has problems of its own, or a value that could not
      // be read (an unknown alias): reported there
      return null;
    }
    return build(c.node(), () -> new Segment(name, balance, average, term, seasoning,
        amortisation, rate, prepaymentInterest, performance));
  }

  PrepaymentInterest prepaymentInterest(MapCursor c) {
    return c.choiceOr("prepayment_interest", PrepaymentInterest.class,
        PrepaymentInterest.ACCRUED);
  }

  Performance performance(MapCursor c) {
    int before = problems.size();
    c.eitherOr("annual_default_rate", "roll_rates", true);
    boolean roll = c.has("roll_rates");
    if (roll && c.has("charge_off_days")) {
      c.problem("charge_off_days", "with roll_rates a loan is charged off by the roll rates"
          + " (the charged_off state), not after a number of days");
    }
    RateCurve defaults = roll ? RateCurve.constant(0)
        : curve(c, "annual_default_rate", false, 0, 1);
    Optional<RollRates> rollRates = roll ? Optional.ofNullable(rollRates(c)) : Optional.empty();
    RateCurve prepayments = c.has("annual_prepayment_rate")
        ? curve(c, "annual_prepayment_rate", true, 0, 1) : RateCurve.constant(0);
    CurveBasis curvesBy = c.choiceOr("curves_by", CurveBasis.class, CurveBasis.PAYMENT_PERIOD);
    RateCurve recovery = c.has("recovery_rate") ? curve(c, "recovery_rate", true, 0, 1)
        : RateCurve.constant(0);
    int lag = c.integerOr("recovery_lag_months", 0, 0, 120);
    int chargeOff = c.integerOr("charge_off_days", 0, 0, 3650);
    OptionalDouble rho = c.optRate("asset_correlation", 0, 0.999);
    c.rejectUnknown();
    if (problems.size() > before) {
      return null;
    }
    return build(c.node(), () -> new Performance(defaults, prepayments, curvesBy, recovery, lag,
        roll ? 0 : chargeOff, rho, rollRates));
  }

  /** A share as a percentage to 6 significant digits, without trailing zeros. */
  private static String percent(double share) {
    return new java.math.BigDecimal(share * 100, new java.math.MathContext(6))
        .stripTrailingZeros().toPlainString() + "%";
  }

  /**
   * A roll-rate matrix: a map from each live state to the probabilities of moving to the others
   * at a due date; what a row does not give stays in its state. Every live state needs a row.
   */
  RollRates rollRates(MapCursor c) {
    int before = problems.size();
    MapCursor m = c.map("roll_rates").orElse(null);
    if (m == null) {
      return null;
    }
    List<String> labels = RollRates.LABELS;
    double[][] leaving = new double[RollRates.LIVE][RollRates.STATES];
    for (int r = 0; r < RollRates.LIVE; r++) {
      MapCursor row = m.map(labels.get(r)).orElse(null);
      if (row == null) {
        continue;
      }
      double out = 0;
      OptionalDouble stay = OptionalDouble.empty();
      for (int to = 0; to < RollRates.STATES; to++) {
        if (to == r) {
          stay = row.optRate(labels.get(to), 0, 1);
        } else {
          leaving[r][to] = row.rateOr(labels.get(to), 0, 0, 1);
          out += Double.isNaN(leaving[r][to]) ? 0 : leaving[r][to];
        }
      }
      row.rejectUnknown();
      if (out > 1 + 1e-9) {
        problems.add(row.node(), "the roll rates from " + labels.get(r) + " sum to "
            + percent(out) + ", more than 100% (what a row does not give stays in "
            + labels.get(r) + ")");
      } else if (stay.isPresent() && Math.abs(out + stay.getAsDouble() - 1) > 1e-9) {
        problems.add(row.node(), "the roll rates from " + labels.get(r) + " sum to "
            + percent(out + stay.getAsDouble()) + ", not 100% (or leave out " + labels.get(r)
            + " for the rest)");
      }
    }
    m.rejectUnknown();
    if (problems.size() > before) {
      return null;
    }
    return build(m.node(), () -> RollRates.leaving(leaving));
  }
}
