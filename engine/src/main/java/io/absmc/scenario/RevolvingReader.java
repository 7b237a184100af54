package io.absmc.scenario;

import io.absmc.scenario.yaml.MapCursor;
import io.absmc.scenario.yaml.Problems;
import io.absmc.scenario.yaml.YamlNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** The {@code revolving} section: how long and how the pool is topped up, and the loans bought. */
final class RevolvingReader extends SectionReader {

  RevolvingReader(Problems problems, Path folder) {
    super(problems, folder);
  }

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
}
