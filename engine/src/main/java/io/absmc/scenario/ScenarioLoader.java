package io.absmc.scenario;

import io.absmc.scenario.yaml.InputText;
import io.absmc.scenario.yaml.MapCursor;
import io.absmc.scenario.yaml.Problems;
import io.absmc.scenario.yaml.YamlDocument;
import io.absmc.scenario.yaml.YamlNode;
import io.absmc.util.Check;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads a scenario file (YAML, format in {@code docs/scenario-format.md}) into a validated
 * {@link Scenario}. Every problem in the file is collected with its line and field path and thrown
 * at once as a {@link ScenarioException}; a file with any problem yields no scenario at all.
 *
 * <p>Stateless and thread-safe.
 */
public final class ScenarioLoader {

  private static final double MAX_AMOUNT = 1e13;

  /** The most payment dates a deal may have (a hundred years of monthly ones). */
  public static final int MAX_PERIODS = 1200;

  private ScenarioLoader() {
  }

  /** Loads a file; {@code displayName} is used in messages (usually the path as the user typed it). */
  public static Scenario load(Path file) {
    return parse(InputText.read(file), file.toString());
  }

  /** Parses scenario text; {@code fileName} is used in messages. */
  public static Scenario parse(String text, String fileName) {
    Problems problems = new Problems(fileName);
    YamlNode root = YamlDocument.parse(text, problems);
    Path folder = Path.of(fileName).toAbsolutePath().getParent();
    Scenario scenario = root == null ? null : new Reading(problems, folder).scenario(root);
    if (!problems.isEmpty() || scenario == null) {
      throw new ScenarioException(problems.messages());
    }
    return scenario;
  }

  /** One reading of one file: the problems and what has been read so far for cross-checks. */
  private static final class Reading {

    private final Problems problems;
    private final Path folder;

    Reading(Problems problems, Path folder) {
      this.problems = problems;
      this.folder = folder;
    }

    Scenario scenario(YamlNode root) {
      MapCursor c = MapCursor.of(root, problems);
      // any problem, the document's own included (an unknown alias), stops the cross-checks,
      // which would only report its consequences
      int before = 0;
      String name = c.plainName("name");
      String description = c.optText("description").orElse("");
      Calendar calendar = c.map("calendar").map(this::calendar).orElse(null);
      MapCursor structureCursor = c.map("structure").orElse(null);
      Structure structure = structureCursor == null ? null : structure(structureCursor, calendar);
      double planSize = structure != null ? structure.planSize()
          : structureCursor == null ? Double.NaN : quietPlanSize(structureCursor);
      LocalDate poolDate = calendar == null ? null : calendar.cutoffDate();
      Pool pool = c.map("pool").map(p -> pool(p, planSize, poolDate)).orElse(null);
      int periods = calendar == null ? Integer.MAX_VALUE : calendar.paymentDates().size();
      Optional<Revolving> revolving = c.optMap("revolving").map(r -> revolving(r, calendar, pool));
      List<Trigger> triggers = new ArrayList<>();
      for (YamlNode t : c.optList("triggers")) {
        triggers.add(trigger(MapCursor.of(t, problems)));
      }
      Waterfall waterfall = c.map("waterfall").map(w -> waterfall(w, structure)).orElse(null);
      c.rejectUnknown();
      if (problems.size() > before) {
        return null;
      }
      crossCheck(root, c, structure, revolving, triggers, waterfall, periods);
      if (problems.size() > before) {
        return null;
      }
      return build(root, () -> new Scenario(name, description, calendar, pool,
          revolving.isPresent() && revolving.get() == null ? Optional.empty() : revolving,
          structure, triggers, waterfall));
    }

    private <T> T build(YamlNode at, Supplier<T> constructor) {
      try {
        return constructor.get();
      } catch (IllegalArgumentException e) {
        problems.add(at, e.getMessage());
        return null;
      }
    }

    // ---- calendar -------------------------------------------------------------------------

    Calendar calendar(MapCursor c) {
      int before = problems.size();
      LocalDate closing = c.date("closing_date");
      Optional<LocalDate> cutoffGiven = c.optDate("cutoff_date");
      CollectionPeriodEnd collectionEnd = c.choiceOr("collection_period_end",
          CollectionPeriodEnd.class, CollectionPeriodEnd.PAYMENT_DATE);
      boolean delayed = c.has("payment_delay_days");
      int delay = delayed ? c.integer("payment_delay_days", 1, 28) : 0;
      if (delayed) {
        for (String key : new String[] {"first_payment_date", "payment_day"}) {
          if (c.has(key)) {
            c.problem(key, "expected either payment_delay_days or " + key
                + " (payment dates are that many days after each collection period's end)");
          }
        }
        if (collectionEnd != CollectionPeriodEnd.MONTH_END) {
          c.problem("payment_delay_days", "expected collection_period_end: month_end with"
              + " payment_delay_days (a delay after each month end)");
        }
      }
      LocalDate first = delayed ? null : c.date("first_payment_date");
      int day = delayed ? delay
          : c.integerOr("payment_day", first == null ? 1 : first.getDayOfMonth(), 1, 31);
      LocalDate legalFinal = c.date("legal_final_date");
      DayCount dayCount = c.choiceOr("day_count", DayCount.class, DayCount.ACT_365F);
      PaymentFrequency frequency = c.choiceOr("payment_frequency", PaymentFrequency.class,
          PaymentFrequency.MONTHLY);
      CutoffCollections cutoffCollections = c.choiceOr("cutoff_collections",
          CutoffCollections.class, CutoffCollections.CLOSING);
      c.rejectUnknown();
      if (problems.size() > before) {
        return null;
      }
      LocalDate cutoff = cutoffGiven.orElse(closing);
      if (cutoff.isAfter(closing)) {
        c.problem("cutoff_date", "expected a date on or before closing_date " + closing
            + ", found " + cutoff);
        return null;
      }
      if (collectionEnd == CollectionPeriodEnd.MONTH_END
          && frequency == PaymentFrequency.WEEKLY) {
        c.problem("collection_period_end", "expected payment_date with weekly payment dates"
            + " (month-end collection periods need monthly or longer payment intervals)");
        return null;
      }
      if (delayed) {
        // the first month end after the cut-off date that is not before closing
        LocalDate end = cutoff.plusDays(1).with(TemporalAdjusters.lastDayOfMonth());
        while (end.isBefore(closing)) {
          end = end.plusDays(1).with(TemporalAdjusters.lastDayOfMonth());
        }
        first = end.plusDays(delay);
      }
      if (!first.isAfter(closing)) {
        c.problem("first_payment_date", "expected a date after closing_date " + closing
            + ", found " + first);
        return null;
      }
      LocalDate firstEnd = Calendar.collectionEnd(collectionEnd, first);
      if (firstEnd.isBefore(closing) || !firstEnd.isAfter(cutoff)) {
        c.problem(delayed ? "payment_delay_days" : "first_payment_date", "expected the first"
            + " collection period to end after cutoff_date " + cutoff + " and not before"
            + " closing_date " + closing + ", but it ends on " + firstEnd
            + " (the month end before " + first + ")");
        return null;
      }
      if (legalFinal.isBefore(first)) {
        c.problem("legal_final_date", "expected a date on or after first_payment_date " + first
            + ", found " + legalFinal);
        return null;
      }
      List<LocalDate> dates = Calendar.schedule(first, day, legalFinal, frequency);
      if (dates.size() > MAX_PERIODS) {
        c.problem("legal_final_date", "expected at most " + MAX_PERIODS + " payment dates, found "
            + dates.size() + " to " + legalFinal);
        return null;
      }
      if (!dates.get(dates.size() - 1).equals(legalFinal)) {
        c.problem("legal_final_date", "expected a payment date ("
            + (frequency == PaymentFrequency.WEEKLY ? "weekly" : "day " + day + " of a month")
            + " after " + first + "), found " + legalFinal);
        return null;
      }
      LocalDate firstPayment = first;
      return build(c.node(), () -> new Calendar(cutoff, closing, firstPayment, day, legalFinal,
          dayCount, frequency, collectionEnd, cutoffCollections));
    }

    // ---- pool -----------------------------------------------------------------------------

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

    /**
     * The plan size of a structure that has other problems (reported by {@link #structure}), so
     * that shares of it still resolve; NaN when it cannot be read.
     */
    double quietPlanSize(MapCursor structure) {
      YamlNode v = structure.node().entries().get("plan_size");
      if (v == null) {
        return Double.NaN;
      }
      Problems quiet = new Problems(problems.file());
      double x = MapCursor.of(structure.node(), quiet).amount("plan_size", 1, MAX_AMOUNT);
      return quiet.isEmpty() ? x : Double.NaN;
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

    /** Reads {@code term_days} or {@code term_months}; null when neither (and required). */
    Term term(MapCursor c, boolean required) {
      if (!c.eitherOr("term_days", "term_months", required)) {
        return null;
      }
      if (c.has("term_days")) {
        int d = c.integer("term_days", 1, 36_500);
        return d > 0 ? Term.ofDays(d) : null;
      }
      if (c.has("term_months")) {
        int m = c.integer("term_months", 1, 1200);
        return m > 0 ? Term.ofMonths(m) : null;
      }
      return null;
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

    /** A rate that is a single value or a list of values by period. */
    RateCurve curve(MapCursor c, String key, boolean required, double lo, double hi) {
      Optional<YamlNode> node = required ? c.required(key) : c.node(key);
      if (node.isEmpty()) {
        return null;
      }
      YamlNode v = node.get();
      if (v.kind() == YamlNode.Kind.LIST) {
        if (v.items().isEmpty()) {
          problems.add(v, "expected a rate or a non-empty list of rates by period");
          return null;
        }
        double[] values = new double[v.items().size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = c.rateValue(v.items().get(i), key, lo, hi);
        }
        for (double x : values) {
          if (Double.isNaN(x)) {
            return null;
          }
        }
        return RateCurve.byPeriod(values);
      }
      double x = c.rateValue(v, key, lo, hi);
      return Double.isNaN(x) ? null : RateCurve.constant(x);
    }

    // ---- revolving ------------------------------------------------------------------------

    Revolving revolving(MapCursor c, Calendar calendar, Pool pool) {
      int before = problems.size();
      c.eitherOr("last_period", "end_date", true);
      int lastPeriod;
      if (c.has("end_date")) {
        LocalDate end = c.date("end_date");
        lastPeriod = end == null || calendar == null ? -1 : calendar.periodOf(end);
      } else {
        lastPeriod = c.has("last_period") ? c.integer("last_period", 1, 10_000) : -1;
      }
      ReinvestTiming timing = c.choiceOr("timing", ReinvestTiming.class, ReinvestTiming.COLLECTION);
      boolean excess = c.flag("reinvest_excess_interest", false);
      double price = c.rateOr("purchase_price", 1, 0.01, 2);
      double rate = c.rateOr("reinvestment_rate", 1, 0, 1);
      Optional<LocalDate> latest = c.optDate("latest_maturity");
      int bucket = c.integerOr("purchase_bucket_days", 1, 1, 31);
      List<TemplateEntry> template = new ArrayList<>();
      for (YamlNode t : c.list("template")) {
        template.add(templateEntry(MapCursor.of(t, problems), pool));
      }
      if (c.has("template") && template.isEmpty()) {
        c.problem("template", "expected at least one kind of loan to buy");
      }
      c.rejectUnknown();
      if (problems.size() > before || template.contains(null)) {
        return null;
      }
      if (calendar != null && lastPeriod >= calendar.paymentDates().size()) {
        c.problem(c.has("end_date") ? "end_date" : "last_period",
            "revolving must end before the last period (" + calendar.paymentDates().size()
                + ", the legal final date), found period " + lastPeriod);
        return null;
      }
      double shares = template.stream().mapToDouble(TemplateEntry::share).sum();
      if (Math.abs(shares - 1) > 1e-9) {
        c.problem("template", "expected the shares to add up to 1, found " + shares);
        return null;
      }
      for (TemplateEntry t : template) {
        if (t.term().shortestDays() <= bucket) {
          c.problem("purchase_bucket_days", "expected fewer days than the shortest term bought ("
              + t.term() + "), found " + bucket);
          return null;
        }
      }
      return build(c.node(), () -> new Revolving(lastPeriod, timing, excess, price, rate, latest,
          template, bucket));
    }

    TemplateEntry templateEntry(MapCursor c, Pool pool) {
      int before = problems.size();
      String name = c.text("segment");
      double share = c.rate("share", 0, 1);
      Term term = term(c, false);
      OptionalDouble rate = c.optRate("annual_rate", 0, 10);
      double dm = c.rateOr("default_multiplier", 1, 0, 1000);
      double pm = c.rateOr("prepayment_multiplier", 1, 0, 1000);
      c.rejectUnknown();
      if (problems.size() > before || pool == null) {
        return null;
      }
      Segment base = pool.kind(name);
      if (base == null) {
        c.problem("segment", unknownName("segment", name,
            pool.kinds().stream().map(Segment::name).toList()));
        return null;
      }
      Term t = term == null ? base.term() : term;
      if (base.amortisation().isInstalment() && !t.inMonths()) {
        c.problem("term_days", base.amortisation().label()
            + " loans pay monthly instalments: give term_months instead of term_days");
        return null;
      }
      return build(c.node(), () -> new TemplateEntry(name, share, t,
          rate.orElse(base.annualRate()), dm, pm));
    }

    // ---- structure ------------------------------------------------------------------------

    Structure structure(MapCursor c, Calendar calendar) {
      int before = problems.size();
      double planSize = c.amount("plan_size", 1, MAX_AMOUNT);
      double accountRate = c.rateOr("account_rate", 0, 0, 1);
      List<Tranche> tranches = new ArrayList<>();
      for (YamlNode t : c.list("tranches")) {
        tranches.add(tranche(MapCursor.of(t, problems), planSize, calendar));
      }
      if (c.has("tranches") && tranches.isEmpty()) {
        c.problem("tranches", "expected at least one tranche");
      }
      List<Fee> fees = new ArrayList<>();
      for (YamlNode f : c.optList("fees")) {
        fees.add(fee(MapCursor.of(f, problems)));
      }
      Optional<Guarantee> guarantee = c.optMap("guarantee").map(g -> guarantee(g, planSize));
      Optional<Reserve> reserve = c.optMap("reserve").map(r -> reserve(r, planSize));
      c.rejectUnknown();
      if (problems.size() > before) {
        return null;
      }
      List<String> trancheNames = tranches.stream().map(Tranche::name).toList();
      for (int i = 0; i < tranches.size(); i++) {
        if (trancheNames.indexOf(trancheNames.get(i)) != i) {
          problems.add(c.node().entries().get("tranches").items().get(i),
              "duplicate tranche name '" + trancheNames.get(i) + "'");
        }
        if (i < tranches.size() - 1 && tranches.get(i).isResidual()) {
          problems.add(c.node().entries().get("tranches").items().get(i),
              "only the last (most junior) tranche may be residual (without coupon)");
        }
      }
      double sum = tranches.stream().mapToDouble(Tranche::amount).sum();
      if (Math.abs(sum - planSize) > 0.005) {
        c.problem("plan_size", "expected the tranches to add up to the plan size "
            + Check.fmt(planSize) + ", found " + Check.fmt(sum));
      }
      if (guarantee.isPresent()) {
        YamlNode list = c.node().entries().get("guarantee").entries().get("tranches");
        for (int i = 0; i < guarantee.get().tranches().size(); i++) {
          String n = guarantee.get().tranches().get(i);
          if (!trancheNames.contains(n)) {
            problems.add(list.items().get(i), unknownName("tranche", n, trancheNames));
          }
        }
      }
      if (problems.size() > before) {
        return null;
      }
      return build(c.node(), () -> new Structure(planSize, tranches, fees, guarantee, reserve,
          accountRate));
    }

    Tranche tranche(MapCursor c, double planSize, Calendar calendar) {
      int before = problems.size();
      String name = c.text("name");
      if ("pool".equalsIgnoreCase(name)) {
        c.problem("name", "'" + name + "' names the pool's row in every output; call the tranche"
            + " something else");
      }
      c.eitherOr("amount", "share", true);
      double amount = c.has("share") ? c.rate("share", 0, 1) * planSize
          : c.has("amount") ? c.amount("amount", 0.01, MAX_AMOUNT) : Double.NaN;
      OptionalDouble coupon = c.optRate("coupon", 0, 1);
      PrincipalPayment principal = c.choiceOr("principal", PrincipalPayment.class,
          PrincipalPayment.PASS_THROUGH);
      int periods = calendar == null ? 10_000 : calendar.paymentDates().size();
      List<Integer> months = new ArrayList<>();
      for (YamlNode m : c.list("payment_months")) {
        months.add(c.integerValue(m, "payment_months", 1, periods));
      }
      Optional<LocalDate> legalFinal = c.optDate("legal_final_date");
      c.rejectUnknown();
      if (problems.size() > before) {
        return null;
      }
      for (int i = 1; i < months.size(); i++) {
        if (months.get(i) <= months.get(i - 1)) {
          c.problem("payment_months", "expected ascending months, found " + months);
          return null;
        }
      }
      if (months.isEmpty()) {
        c.problem("payment_months", "expected at least one expected payment month");
        return null;
      }
      int legalFinalMonth = periods;
      if (legalFinal.isPresent() && calendar != null) {
        List<LocalDate> dates = calendar.paymentDates();
        legalFinalMonth = dates.indexOf(legalFinal.get()) + 1;
        if (legalFinalMonth == 0) {
          c.problem("legal_final_date", "expected one of the deal's payment dates, found "
              + legalFinal.get());
          return null;
        }
        if (legalFinalMonth < months.get(months.size() - 1)) {
          c.problem("legal_final_date", "expected a date on or after the last payment month ("
              + dates.get(months.get(months.size() - 1) - 1) + "), found " + legalFinal.get());
          return null;
        }
      }
      int lf = legalFinalMonth;
      return build(c.node(), () -> new Tranche(name, amount, coupon, principal, months, lf));
    }

    Fee fee(MapCursor c) {
      int before = problems.size();
      String name = c.text("name");
      FeeBasis basis = c.choiceOr("basis", FeeBasis.class, FeeBasis.PLAN_SIZE);
      c.eitherOr("annual_rate", "annual_amount", true);
      double rate = c.rateOr("annual_rate", 0, 0, 1);
      double amount = c.optAmount("annual_amount", 0, MAX_AMOUNT).orElse(0);
      c.rejectUnknown();
      if (problems.size() > before) {
        return null;
      }
      return build(c.node(), () -> new Fee(name, basis, rate, amount));
    }

    Guarantee guarantee(MapCursor c, double planSize) {
      int before = problems.size();
      String name = c.optText("name").orElse("guarantor");
      c.eitherOr("cap", "cap_share", true);
      double cap = c.has("cap_share") ? c.rate("cap_share", 0, 10) * planSize
          : c.has("cap") ? c.amount("cap", 0, MAX_AMOUNT) : Double.NaN;
      List<String> tranches = new ArrayList<>();
      for (YamlNode t : c.list("tranches")) {
        if (t.kind() != YamlNode.Kind.STRING) {
          problems.add(t, "expected a tranche name but found " + t.describe());
        } else {
          tranches.add(t.text());
        }
      }
      boolean interest = true;
      boolean principal = true;
      if (c.has("covers")) {
        interest = false;
        principal = false;
        for (YamlNode v : c.list("covers")) {
          if (v.isScalar() && "interest".equals(v.text())) {
            interest = true;
          } else if (v.isScalar() && "principal".equals(v.text())) {
            principal = true;
          } else {
            problems.add(v, "expected 'interest' or 'principal' but found " + v.describe());
          }
        }
        if (!interest && !principal && problems.size() == before) {
          c.problem("covers", "expected interest, principal or both");
        }
      }
      GuaranteeTiming timing = c.choiceOr("timing", GuaranteeTiming.class,
          GuaranteeTiming.AT_MATURITY);
      double fee = c.rateOr("annual_fee_rate", 0, 0, 1);
      c.rejectUnknown();
      if (problems.size() > before) {
        return null;
      }
      boolean coversInterest = interest;
      boolean coversPrincipal = principal;
      return build(c.node(), () -> new Guarantee(name, cap, tranches, coversInterest,
          coversPrincipal, timing, fee));
    }

    Reserve reserve(MapCursor c, double planSize) {
      int before = problems.size();
      c.eitherOr("target", "target_share", true);
      double target = c.has("target_share") ? c.rate("target_share", 0, 1) * planSize
          : c.has("target") ? c.amount("target", 0, MAX_AMOUNT) : Double.NaN;
      double initial = c.optAmount("initial_balance", 0, MAX_AMOUNT).orElse(0);
      c.rejectUnknown();
      if (problems.size() > before) {
        return null;
      }
      return build(c.node(), () -> new Reserve(target, initial));
    }

    // ---- triggers -------------------------------------------------------------------------

    Trigger trigger(MapCursor c) {
      int before = problems.size();
      String name = c.text("name");
      TriggerMetric metric = c.choice("metric", TriggerMetric.class);
      RateCurve threshold = curve(c, "threshold", true, 0, 10);
      TriggerEffect effect = c.choice("effect", TriggerEffect.class);
      boolean curable = c.flag("curable", false);
      c.rejectUnknown();
      if (problems.size() > before) {
        return null;
      }
      return build(c.node(), () -> new Trigger(name, metric, threshold, effect, curable));
    }

    // ---- waterfall ------------------------------------------------------------------------

    Waterfall waterfall(MapCursor c, Structure structure) {
      int before = problems.size();
      Map<DealState, List<Step>> steps = new EnumMap<>(DealState.class);
      for (DealState state : DealState.values()) {
        List<YamlNode> items = state == DealState.AMORTISING ? c.list(state.label())
            : c.optList(state.label());
        if (!c.has(state.label())) {
          continue;
        }
        List<Step> list = new ArrayList<>();
        for (YamlNode item : items) {
          list.add(step(item, state, structure));
        }
        steps.put(state, list);
      }
      c.rejectUnknown();
      if (problems.size() > before || steps.values().stream().anyMatch(l -> l.contains(null))) {
        return null;
      }
      return build(c.node(), () -> new Waterfall(steps));
    }

    Step step(YamlNode item, DealState state, Structure structure) {
      int before = problems.size();
      if (item.kind() == YamlNode.Kind.STRING) {
        StepType type = MapCursor.parseChoice(item.text(), StepType.class);
        if (type == null) {
          problems.add(item, MapCursor.unknownChoice(item.text(), StepType.class));
          return null;
        }
        return stepWith(type, item, null, state, structure, before);
      }
      if (item.kind() == YamlNode.Kind.MAP && item.entries().size() == 1) {
        String key = item.entries().keySet().iterator().next();
        StepType type = MapCursor.parseChoice(key, StepType.class);
        if (type == null) {
          problems.add(item.keyLine(key), item.path(), MapCursor.unknownChoice(key, StepType.class));
          return null;
        }
        return stepWith(type, item, item.entries().get(key), state, structure, before);
      }
      problems.add(item, "expected a step such as 'pay_fees' or 'pay_interest: [senior]' but found "
          + item.describe());
      return null;
    }

    private Step stepWith(StepType type, YamlNode item, YamlNode args, DealState state,
        Structure structure, int before) {
      List<YamlNode> targetNodes = new ArrayList<>();
      Allocation allocation = Allocation.SEQUENTIAL;
      List<Account> from = defaultFrom(type, state);
      YamlNode fromNode = null;
      if (args != null && args.kind() != YamlNode.Kind.NULL) {
        if (args.kind() == YamlNode.Kind.STRING) {
          targetNodes.add(args);
        } else if (args.kind() == YamlNode.Kind.LIST) {
          targetNodes.addAll(args.items());
        } else if (args.kind() == YamlNode.Kind.MAP) {
          MapCursor o = MapCursor.of(args, problems);
          String listKey = type == StepType.PAY_FEES ? "fees" : "tranches";
          Optional<YamlNode> listNode = o.node(listKey);
          if (listNode.isPresent()) {
            if (listNode.get().kind() == YamlNode.Kind.LIST) {
              targetNodes.addAll(listNode.get().items());
            } else {
              targetNodes.add(listNode.get());
            }
          }
          allocation = o.choiceOr("allocation", Allocation.class, allocation);
          fromNode = o.node("from").orElse(null);
          if (fromNode != null) {
            from = accounts(fromNode);
          }
          o.rejectUnknown();
        } else {
          problems.add(args, "expected a name, a list of names or a map of options but found "
              + args.describe());
        }
      }
      List<String> targets = new ArrayList<>();
      for (YamlNode t : targetNodes) {
        if (t.kind() != YamlNode.Kind.STRING) {
          problems.add(t, "expected a name but found " + t.describe());
        } else {
          targets.add(t.text());
        }
      }
      if (problems.size() > before || structure == null) {
        return null;
      }
      List<String> trancheNames = structure.tranches().stream().map(Tranche::name).toList();
      List<String> feeNames = new ArrayList<>(structure.fees().stream().map(Fee::name).toList());
      structure.guarantee().filter(g -> g.annualFeeRate() > 0).ifPresent(g -> feeNames.add("guarantee"));
      List<String> valid = type == StepType.PAY_FEES ? feeNames : trancheNames;
      for (int i = 0; i < targets.size(); i++) {
        if (!valid.contains(targets.get(i))) {
          problems.add(targetNodes.get(i), unknownName(type == StepType.PAY_FEES ? "fee" : "tranche",
              targets.get(i), valid));
        }
      }
      switch (type) {
        case PAY_INTEREST, PAY_PRINCIPAL, DRAW_GUARANTEE -> {
          if (targets.isEmpty()) {
            problems.add(item, type.label() + " needs the tranches it pays, e.g. '"
                + type.label() + ": [senior]'");
          }
        }
        case PAY_RESIDUAL -> {
          if (targets.size() > 1) {
            problems.add(item, "pay_residual pays one tranche, found " + targets);
          }
          if (targets.isEmpty()) {
            targets.add(trancheNames.get(trancheNames.size() - 1));
          }
        }
        case REINVEST, FUND_RESERVE -> {
          if (!targets.isEmpty()) {
            problems.add(item, type.label() + " takes no tranche or fee names");
          }
        }
        default -> {
        }
      }
      if (type == StepType.REINVEST && state != DealState.REVOLVING) {
        problems.add(item, "reinvest is allowed only in the revolving waterfall, not in "
            + state.label());
      }
      if (type == StepType.DRAW_GUARANTEE && structure.guarantee().isEmpty()) {
        problems.add(item, "draw_guarantee needs a guarantee under structure");
      }
      if (type == StepType.DRAW_GUARANTEE && structure.guarantee().isPresent()) {
        for (int i = 0; i < targets.size(); i++) {
          if (trancheNames.contains(targets.get(i))
              && !structure.guarantee().get().tranches().contains(targets.get(i))) {
            problems.add(targetNodes.get(i), "the guarantee does not cover tranche '"
                + targets.get(i) + "' (it covers " + structure.guarantee().get().tranches() + ")");
          }
        }
      }
      if (type == StepType.FUND_RESERVE && structure.reserve().isEmpty()) {
        problems.add(item, "fund_reserve needs a reserve under structure");
      }
      if (fromNode != null && from != null) {
        if (type == StepType.REINVEST || type == StepType.DRAW_GUARANTEE) {
          problems.add(fromNode, type.label() + (type == StepType.REINVEST
              ? " spends the principal account (and the interest account with"
                  + " reinvest_excess_interest); it takes no 'from'"
              : " is paid by the guarantor; it takes no 'from'"));
        } else if (from.contains(Account.RESERVE) && type == StepType.FUND_RESERVE) {
          problems.add(fromNode, "fund_reserve cannot pay the reserve from the reserve");
        } else if (from.contains(Account.RESERVE) && structure.reserve().isEmpty()) {
          problems.add(fromNode, "draws on the reserve, but there is no reserve under structure");
        }
      }
      if (problems.size() > before || from == null) {
        return null;
      }
      Allocation a = allocation;
      List<Account> f = from;
      return build(item, () -> new Step(type, targets, a, f));
    }

    /**
     * The accounts of a step's {@code from}: {@code interest}, {@code principal}, {@code reserve},
     * {@code all} (interest, then principal) or a list of the first three; null after a problem.
     */
    private List<Account> accounts(YamlNode v) {
      if (v.isScalar() && v.text().trim().equalsIgnoreCase("all")) {
        return List.of(Account.INTEREST, Account.PRINCIPAL);
      }
      List<YamlNode> items = v.kind() == YamlNode.Kind.LIST ? v.items() : List.of(v);
      String expected = "expected interest, principal, reserve, all, or a list of accounts such as"
          + " [interest, reserve]";
      if (items.isEmpty()) {
        problems.add(v, expected + " but found an empty list");
        return null;
      }
      List<Account> out = new ArrayList<>();
      for (YamlNode item : items) {
        Account a = item.isScalar() ? MapCursor.parseChoice(item.text(), Account.class) : null;
        if (a == null) {
          problems.add(item, expected + " but found " + item.describe());
          return null;
        }
        if (out.contains(a)) {
          problems.add(item, "names the " + a.label() + " account twice");
          return null;
        }
        out.add(a);
      }
      return out;
    }

    private static List<Account> defaultFrom(StepType type, DealState state) {
      if (type == StepType.REINVEST) {
        return List.of(Account.PRINCIPAL);
      }
      if (type == StepType.FUND_RESERVE
          || (state == DealState.REVOLVING && type != StepType.PAY_PRINCIPAL)) {
        return List.of(Account.INTEREST);
      }
      return List.of(Account.INTEREST, Account.PRINCIPAL);
    }

    // ---- checks across sections -----------------------------------------------------------

    void crossCheck(YamlNode root, MapCursor c, Structure structure, Optional<Revolving> revolving,
        List<Trigger> triggers, Waterfall waterfall, int periods) {
      YamlNode waterfallNode = root.entries().get("waterfall");
      boolean revolves = revolving.isPresent();
      if (revolves && !waterfall.steps().containsKey(DealState.REVOLVING)) {
        problems.add(waterfallNode, "missing required field 'revolving' (the deal revolves)");
      }
      if (!revolves && waterfall.steps().containsKey(DealState.REVOLVING)) {
        problems.add(waterfallNode.keyLine("revolving"), "waterfall.revolving",
            "a revolving waterfall needs a revolving section");
      }
      for (int i = 0; i < triggers.size(); i++) {
        Trigger t = triggers.get(i);
        YamlNode node = root.entries().get("triggers").items().get(i);
        if (t.effect() == TriggerEffect.END_REVOLVING && !revolves) {
          problems.add(node, "effect end_revolving needs a revolving section");
        }
        if (t.effect() == TriggerEffect.TRAP_EXCESS_SPREAD && structure.reserve().isEmpty()) {
          problems.add(node, "effect trap_excess_spread needs a reserve under structure");
        }
      }
      if (revolves) {
        int last = revolving.get().lastPeriod();
        List<YamlNode> trancheNodes = root.entries().get("structure").entries().get("tranches").items();
        for (int i = 0; i < structure.tranches().size(); i++) {
          Tranche t = structure.tranches().get(i);
          if (t.paymentMonths().get(0) <= last && t.principal() != PrincipalPayment.PASS_THROUGH) {
            problems.add(trancheNodes.get(i).entries().get("payment_months"),
                "expected payment months after the revolving period (which ends in month "
                    + last + "), found " + t.paymentMonths());
          }
        }
      }
      for (int i = 0; i < structure.tranches().size(); i++) {
        Tranche t = structure.tranches().get(i);
        if (t.expectedMaturity() > periods) {
          problems.add(c.node(), "tranche '" + t.name() + "' expects payment in month "
              + t.expectedMaturity() + " but there are only " + periods + " periods");
        }
      }
    }

    private static String unknownName(String what, String name, List<String> valid) {
      String hint = io.absmc.util.Names.nearest(name, valid)
          .map(n -> " (did you mean '" + n + "'?)").orElse("");
      return "unknown " + what + " '" + name + "'" + hint + "; expected one of "
          + String.join(", ", valid);
    }
  }
}
