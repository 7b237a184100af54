package io.absmc.sizing;

import io.absmc.cashflow.BreakEven;
import io.absmc.engine.PathEngine;
import io.absmc.montecarlo.TraceSet;
import io.absmc.montecarlo.MonteCarloRunner;
import io.absmc.montecarlo.RunSettings;
import io.absmc.rating.IdealizedTable;
import io.absmc.rating.TargetDefaultRates;
import io.absmc.resolve.ResolvedDeal;
import io.absmc.resolve.Stress;
import io.absmc.resolve.StressSet;
import io.absmc.scenario.Scenario;
import io.absmc.scenario.Structure;
import io.absmc.scenario.Tranche;
import io.absmc.stats.RunStatistics;
import io.absmc.stats.TrancheStatistics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Sizes a tranche the way rating agencies do: the largest share of the plan it can have and still
 * meet a target rating, another tranche absorbing the difference, found by bisection over the
 * share. Every candidate is run with the same seed (common random numbers), so the curve of share
 * against EL or PD is monotone but for Monte Carlo noise that is the same at every point, and the
 * answer is stable. The share is bracketed to {@link #TOLERANCE} of the plan size.
 *
 * <p>When the deal's pool cannot depend on its tranches ({@code PathEngine.poolIndependentOfTranches})
 * the collateral is simulated once ({@link TraceSet}) and each candidate only replays the
 * waterfall, with exactly the results of a full run; otherwise each candidate is a full run.
 */
public final class Sizer {

  /** Width of the final bracket of the share, as a share of the plan size. */
  public static final double TOLERANCE = 0.001;

  /** How a candidate is judged. */
  public enum Method {
    /** EL at or below the target rating's idealized expected loss at the tranche's WAL. */
    EL,
    /** PD at or below the target rating's idealized default probability at the tranche's WAL. */
    PD,
    /** Minimum break-even default rate over the stress scenarios at or above the target's TDR. */
    BREAKEVEN
  }

  /**
   * A candidate size and how it fared.
   *
   * @param share share of the plan size
   * @param el expected loss (EL and PD methods; NaN for break-even)
   * @param elSe its standard error
   * @param pd probability of default
   * @param walYears mean WAL
   * @param criticalDefaultRate minimum break-even default rate (break-even method; else NaN)
   * @param threshold what the measure must not exceed (EL, PD) or must reach (break-even)
   * @param meets whether it meets the target
   */
  public record Point(double share, double el, double elSe, double pd, double walYears,
      double criticalDefaultRate, double threshold, boolean meets) {
  }

  /**
   * The answer and the curve.
   *
   * @param share the largest share that meets the target (0 when none does)
   * @param creditEnhancement share of the plan junior to the sized tranche at that size
   * @param at the point at the answer (null when none meets the target)
   * @param curve every candidate tried, by share
   */
  public record Result(double share, double creditEnhancement, Point at, List<Point> curve) {
  }

  /** What to size and how. */
  public record Job(Scenario scenario, String tranche, String absorber, String target,
      Method method, RunSettings settings, IdealizedTable elTable, IdealizedTable pdTable,
      List<StressSet.Named> stresses) {
  }

  private Sizer() {
  }

  /** Sizes the tranche. */
  public static Result size(Job job) {
    Structure s = job.scenario().structure();
    int t = index(s, job.tranche());
    int a = index(s, job.absorber());
    if (t == a) {
      throw new IllegalArgumentException("the tranche sized and the one absorbing the difference"
          + " must differ, both are '" + job.tranche() + "'");
    }
    double plan = s.planSize();
    double pooled = (s.tranches().get(t).amount() + s.tranches().get(a).amount()) / plan;
    double baseRate = job.method() == Method.BREAKEVEN
        ? BreakEven.defaultRate(job.scenario(), Stress.NONE) : Double.NaN;
    ResolvedDeal asWritten = ResolvedDeal.resolve(job.scenario());
    TraceSet traces = job.method() != Method.BREAKEVEN
        && PathEngine.poolIndependentOfTranches(asWritten)
        ? TraceSet.simulate(asWritten, job.settings()) : null;
    List<Point> curve = new ArrayList<>();
    double lo = 0;
    double hi = pooled - TOLERANCE;
    Point best = null;
    Point top = evaluate(job, t, a, hi, baseRate, traces);
    curve.add(top);
    if (top.meets()) {
      best = top;
      lo = hi;
    } else {
      while (hi - lo > TOLERANCE) {
        double mid = 0.5 * (lo + hi);
        Point p = evaluate(job, t, a, mid, baseRate, traces);
        curve.add(p);
        if (p.meets()) {
          best = p;
          lo = mid;
        } else {
          hi = mid;
        }
      }
    }
    curve.sort(Comparator.comparingDouble(Point::share));
    double junior = 0;
    for (int k = t + 1; k < s.tranches().size(); k++) {
      junior += s.tranches().get(k).amount() / plan;
    }
    double share = best == null ? 0 : best.share();
    // the sized tranche's juniors keep their amounts, but the absorber's changes
    double enhancement = junior + (a > t ? (s.tranches().get(t).amount() / plan - share) : 0);
    return new Result(share, best == null ? Double.NaN : enhancement, best, List.copyOf(curve));
  }

  /** The scenario with tranche t at {@code share} of the plan, tranche a taking the difference. */
  static Scenario resized(Scenario scenario, int t, int a, double share) {
    Structure s = scenario.structure();
    double amount = share * s.planSize();
    double delta = s.tranches().get(t).amount() - amount;
    List<Tranche> tranches = new ArrayList<>(s.tranches());
    tranches.set(t, with(tranches.get(t), amount));
    tranches.set(a, with(tranches.get(a), tranches.get(a).amount() + delta));
    Structure structure = new Structure(s.planSize(), tranches, s.fees(), s.guarantee(),
        s.reserve(), s.accountRate());
    return new Scenario(scenario.name(), scenario.description(), scenario.calendar(),
        scenario.pool(), scenario.revolving(), structure, scenario.triggers(), scenario.waterfall());
  }

  private static Tranche with(Tranche t, double amount) {
    return new Tranche(t.name(), amount, t.annualCoupon(), t.principal(), t.paymentMonths(),
        t.legalFinalMonth());
  }

  private static Point evaluate(Job job, int t, int a, double share, double baseRate,
      TraceSet traces) {
    Scenario scenario = resized(job.scenario(), t, a, share);
    if (job.method() == Method.BREAKEVEN) {
      double min = Double.POSITIVE_INFINITY;
      for (StressSet.Named n : job.stresses()) {
        min = Math.min(min, BreakEven.of(scenario, n.stress(), t).criticalDefaultRate());
      }
      TargetDefaultRates targets = TargetDefaultRates.multipliers(baseRate);
      double tdr = targets.targets()[ratingIndex(targets.ratings(), job.target())];
      return new Point(share, Double.NaN, Double.NaN, Double.NaN, Double.NaN, min, tdr, min >= tdr);
    }
    ResolvedDeal deal = ResolvedDeal.resolve(scenario);
    RunStatistics stats = new RunStatistics(deal, job.settings().paths(), job.elTable(),
        job.pdTable());
    if (traces != null) {
      try {
        traces.replay(deal, stats);
      } catch (Exception e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    } else {
      MonteCarloRunner.run(deal, job.settings(), stats, null, null);
    }
    TrancheStatistics ts = stats.tranche(t);
    IdealizedTable table = job.method() == Method.EL ? job.elTable() : job.pdTable();
    double threshold = table.value(ratingIndex(table.ratings(), job.target()), ts.walYears());
    double measure = job.method() == Method.EL ? ts.el() : ts.pd();
    return new Point(share, ts.el(), ts.elSe(), ts.pd(), ts.walYears(), Double.NaN, threshold,
        measure <= threshold);
  }

  /** Index of a rating in a scale, ignoring case ("AAA" finds "Aaa"). */
  public static int ratingIndex(List<String> ratings, String target) {
    for (int i = 0; i < ratings.size(); i++) {
      if (ratings.get(i).equalsIgnoreCase(target)) {
        return i;
      }
    }
    throw new IllegalArgumentException("unknown rating '" + target + "'; the scale is "
        + String.join(", ", ratings));
  }

  private static int index(Structure s, String name) {
    int i = s.trancheIndex(name);
    if (i < 0) {
      throw new IllegalArgumentException("unknown tranche '" + name + "'; the deal has "
          + String.join(", ", s.tranches().stream().map(Tranche::name).toList()));
    }
    return i;
  }
}
