package io.absmc.scenario;

import io.absmc.scenario.yaml.MapCursor;
import io.absmc.scenario.yaml.Problems;
import io.absmc.scenario.yaml.YamlNode;
import io.absmc.util.Check;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** The {@code structure} section: plan size, tranches, fees, the guarantee and the reserve. */
final class StructureReader extends SectionReader {

  StructureReader(Problems problems, Path folder) {
    super(problems, folder);
  }

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
}
