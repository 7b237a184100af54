package io.absmc.sizing;

import io.absmc.cashflow.BreakEven;
import io.absmc.montecarlo.RunSettings;
import io.absmc.montecarlo.Structures;
import io.absmc.rating.IdealizedTable;
import io.absmc.rating.TargetDefaultRates;
import io.absmc.resolve.ResolvedDeal;
import io.absmc.resolve.Stress;
import io.absmc.resolve.StressSet;
import io.absmc.scenario.Scenario;
import io.absmc.scenario.Structure;
import io.absmc.scenario.Tranche;
import io.absmc.stats.Interval95;
import io.absmc.stats.TrancheLosses;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Sizes a tranche the way rating agencies do: the largest share of the plan it can have and still
 * meet a target rating, another tranche absorbing the difference, on a grid of {@link #TOLERANCE}
 * of the plan size.
 *
 * <p>By EL or PD a size <em>meets</em> the target when the upper end of the measure's 95% interval
 * ({@link Interval95}) is at or below the target's idealized value at the tranche's WAL, and
 * <em>fails</em> it when the lower end is above; otherwise the paths cannot tell. Every size is
 * evaluated on the same paths (common random numbers; the pool is simulated once per path and each
 * size replays the waterfall when the pool cannot depend on the tranches). The search narrows the
 * bracket between the largest size that meets and the smallest that fails on a grid, and when the
 * sizes between are undecided, adds paths (the next blocks of the same run, so the answer is
 * reproducible) up to a budget. The answer is resolved when it meets the target and a size one
 * grid step larger fails it, or two steps larger when the size between is too close to the
 * threshold for any number of paths to tell. Otherwise the result says how far the paths got.
 *
 * <p>By break-even the measure is deterministic (the expected-value path) and the answer is found
 * by bisection.
 */
public final class Sizer {

  /** The grid of sizes, as a share of the plan size. */
  public static final double TOLERANCE = 0.001;

  /** Sizes tried in each bracket when each size replays the waterfall over a simulated pool. */
  private static final int GRID_REPLAYED = 8;

  /** Sizes tried in each bracket when each size is a full run. */
  private static final int GRID_FULL = 2;

  /** How a candidate is judged. */
  public enum Method {
    /** EL at or below the target rating's idealized expected loss at the tranche's WAL. */
    EL,
    /** PD at or below the target rating's idealized default probability at the tranche's WAL. */
    PD,
    /** Minimum break-even default rate over the stress scenarios at or above the target's TDR. */
    BREAKEVEN
  }

  /** What the paths say of a size. */
  public enum Decision {
    /** Meets the target at 95%: the measure's interval is at or below the threshold. */
    MEETS,
    /** Fails it at 95%: the interval is above the threshold. */
    FAILS,
    /** The interval straddles the threshold. */
    UNDECIDED
  }

  /**
   * A candidate size and how it fared.
   *
   * @param share share of the plan size
   * @param paths paths it was evaluated on (0 for break-even)
   * @param el expected loss (EL and PD methods; NaN for break-even)
   * @param elSe its standard error
   * @param elLow lower end of its 95% interval
   * @param elHigh upper end
   * @param pd probability of default
   * @param pdLow lower end of its 95% interval
   * @param pdHigh upper end
   * @param walYears mean WAL
   * @param criticalDefaultRate minimum break-even default rate (break-even method; else NaN)
   * @param threshold what the measure must not exceed (EL, PD) or must reach (break-even)
   * @param decision whether it meets the target
   */
  public record Point(double share, long paths, double el, double elSe, double elLow,
      double elHigh, double pd, double pdLow, double pdHigh, double walYears,
      double criticalDefaultRate, double threshold, Decision decision) {

    /** Whether it meets the target at 95%. */
    public boolean meets() {
      return decision == Decision.MEETS;
    }
  }

  /**
   * The answer and the curve.
   *
   * @param resolved whether the answer is decided at 95%: it meets the target and the size one
   *     grid step larger fails it (or it is the largest size possible, or none meets)
   * @param share the answer when resolved: the largest share that meets the target (0 when none
   *     does); NaN when not resolved
   * @param meetsUpTo the largest share that meets the target at 95% (NaN: none found)
   * @param failsFrom the smallest share that fails it at 95% (NaN: none found)
   * @param estimate the largest share whose point estimate meets the target (NaN: none)
   * @param creditEnhancement share of the plan junior to the sized tranche at the answer (or at
   *     {@code meetsUpTo} when not resolved)
   * @param at the point at the answer (or at {@code meetsUpTo}; null when none meets)
   * @param curve every candidate tried, by share
   * @param paths the paths the decision rests on
   */
  public record Result(boolean resolved, double share, double meetsUpTo, double failsFrom,
      double estimate, double creditEnhancement, Point at, List<Point> curve, long paths) {
  }

  /**
   * What to size and how.
   *
   * @param settings the first round's paths, seed, threads, granularity and importance sampling
   * @param maxPaths the most paths the search may use (at least the settings' paths)
   */
  public record Job(Scenario scenario, String tranche, String absorber, String target,
      Method method, RunSettings settings, long maxPaths, IdealizedTable elTable,
      IdealizedTable pdTable, List<StressSet.Named> stresses) {
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
    int top = (int) Math.floor(pooled / TOLERANCE + 1e-9) - 1;
    Search search = job.method() == Method.BREAKEVEN ? new BreakEvenSearch(job, t, a, top)
        : new PathSearch(job, t, a, top);
    Result r = search.run();
    double junior = 0;
    for (int k = t + 1; k < s.tranches().size(); k++) {
      junior += s.tranches().get(k).amount() / plan;
    }
    double share = r.at() == null ? 0 : r.at().share();
    // the sized tranche's juniors keep their amounts, but the absorber's changes
    double enhancement = r.at() == null ? Double.NaN
        : junior + (a > t ? (s.tranches().get(t).amount() / plan - share) : 0);
    return new Result(r.resolved(), r.share(), r.meetsUpTo(), r.failsFrom(), r.estimate(),
        enhancement, r.at(), r.curve(), r.paths());
  }

  /** A search over sizes in grid units of {@link #TOLERANCE}. */
  private abstract static class Search {
    final Job job;
    final int t;
    final int a;
    /** The largest size tried, in grid units. */
    final int top;

    Search(Job job, int t, int a, int top) {
      this.job = job;
      this.t = t;
      this.a = a;
      this.top = top;
    }

    abstract Result run();

    static double share(int units) {
      return units * TOLERANCE;
    }
  }

  /** Break-even: deterministic, by bisection. */
  private static final class BreakEvenSearch extends Search {

    BreakEvenSearch(Job job, int t, int a, int top) {
      super(job, t, a, top);
    }

    @Override
    Result run() {
      double baseRate = BreakEven.defaultRate(job.scenario(), Stress.NONE);
      List<Point> curve = new ArrayList<>();
      Point best = null;
      Point first = evaluate(top, baseRate);
      curve.add(first);
      if (first.meets()) {
        best = first;
      } else {
        int lo = 0;
        int hi = top;
        while (hi - lo > 1) {
          int mid = (lo + hi) / 2;
          Point p = evaluate(mid, baseRate);
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
      double answer = best == null ? 0 : best.share();
      return new Result(true, answer, best == null ? Double.NaN : answer, Double.NaN,
          best == null ? Double.NaN : answer, Double.NaN, best, List.copyOf(curve), 0);
    }

    private Point evaluate(int units, double baseRate) {
      Scenario scenario = resized(job.scenario(), t, a, share(units));
      double min = Double.POSITIVE_INFINITY;
      for (StressSet.Named n : job.stresses()) {
        min = Math.min(min, BreakEven.of(scenario, n.stress(), t).criticalDefaultRate());
      }
      TargetDefaultRates targets = TargetDefaultRates.multipliers(baseRate);
      double tdr = targets.targets()[ratingIndex(targets.ratings(), job.target())];
      return new Point(share(units), 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
          Double.NaN, Double.NaN, Double.NaN, Double.NaN, min, tdr,
          min >= tdr ? Decision.MEETS : Decision.FAILS);
    }
  }

  /** EL or PD: sizes evaluated on common paths, with paths added until the answer is decided. */
  private static final class PathSearch extends Search {
    private final ResolvedDeal pool;
    private final IdealizedTable table;
    private final int targetIndex;
    private final int grid;
    /** Every size evaluated, by grid units. */
    private final TreeMap<Integer, Candidate> candidates = new TreeMap<>();
    private long paths;

    PathSearch(Job job, int t, int a, int top) {
      super(job, t, a, top);
      this.pool = ResolvedDeal.resolve(job.scenario());
      this.table = job.method() == Method.EL ? job.elTable() : job.pdTable();
      this.targetIndex = ratingIndex(table.ratings(), job.target());
      this.grid = io.absmc.engine.PathEngine.poolIndependentOfTranches(pool) ? GRID_REPLAYED
          : GRID_FULL;
      // whole blocks, so that more paths extend a run exactly
      this.paths = blocks(job.settings().paths()) * RunSettings.BLOCK_SIZE;
    }

    private static long blocks(long n) {
      return (n + RunSettings.BLOCK_SIZE - 1) / RunSettings.BLOCK_SIZE;
    }

    /** A size and the losses of the sized tranche on the paths run so far. */
    private final class Candidate {
      final int units;
      final ResolvedDeal deal;
      TrancheLosses losses;
      long blocks;

      Candidate(int units) {
        this.units = units;
        this.deal = ResolvedDeal.resolve(resized(job.scenario(), t, a, share(units)));
        this.losses = new TrancheLosses(TrancheLosses.maxLoss(deal, t));
      }

      Point point() {
        double wal = losses.walYears();
        double threshold = table.value(targetIndex, wal);
        Interval95.Interval el = losses.elInterval();
        Interval95.Interval pd = losses.pdInterval();
        Interval95.Interval measure = job.method() == Method.EL ? el : pd;
        Decision d = measure.high() <= threshold ? Decision.MEETS
            : measure.low() > threshold ? Decision.FAILS : Decision.UNDECIDED;
        return new Point(share(units), losses.paths(), losses.el(), losses.elSe(), el.low(),
            el.high(), losses.pd(), pd.low(), pd.high(), wal, Double.NaN, threshold, d);
      }

      boolean estimateMeets() {
        double estimate = job.method() == Method.EL ? losses.el() : losses.pd();
        return estimate <= table.value(targetIndex, losses.walYears());
      }
    }

    @Override
    Result run() {
      List<Integer> first = new ArrayList<>();
      int step = Math.max(1, (top + grid - 1) / grid);
      for (int u = top; u > 0; u -= step) {
        first.add(u);
      }
      evaluate(first);
      while (true) {
        Bracket b = bracket();
        if (b.resolved()) {
          return result(true, b);
        }
        List<Integer> inside = new ArrayList<>();
        int spacing = Math.max(1, (b.upper - b.lower) / grid);
        long current = blocks(paths);
        for (int u = b.lower + spacing; u < b.upper; u += spacing) {
          Candidate c = candidates.get(u);
          if (c == null || c.blocks < current) {
            inside.add(u);
          }
        }
        if (!inside.isEmpty()) {
          evaluate(inside);
          continue;
        }
        if (b.upper - b.lower <= 2) {
          // one size between them is too close to the threshold to tell: decided to two steps
          return result(true, b);
        }
        if (paths >= job.maxPaths()) {
          return result(false, b);
        }
        paths = Math.min(2 * paths, blocks(job.maxPaths()) * RunSettings.BLOCK_SIZE);
        List<Integer> keep = new ArrayList<>(candidates.subMap(b.lower, true, b.upper, true)
            .keySet());
        evaluate(keep);
      }
    }

    /**
     * The bracket of the answer: the largest size that meets the target below the smallest that
     * fails it, among the sizes evaluated on the current paths.
     */
    private record Bracket(int lower, int upper, boolean resolved) {
    }

    private Bracket bracket() {
      int fails = top + 1;
      for (Candidate c : current()) {
        if (c.point().decision() == Decision.FAILS) {
          fails = Math.min(fails, c.units);
        }
      }
      int meets = 0;
      for (Candidate c : current()) {
        if (c.units < fails && c.point().decision() == Decision.MEETS) {
          meets = Math.max(meets, c.units);
        }
      }
      return new Bracket(meets, fails, fails - meets <= 1);
    }

    /** The candidates evaluated on all the current paths. */
    private List<Candidate> current() {
      long blocks = blocks(paths);
      return candidates.values().stream().filter(c -> c.blocks == blocks).toList();
    }

    /** Brings these sizes to the current number of paths. */
    private void evaluate(List<Integer> sizes) {
      long to = blocks(paths);
      List<Candidate> todo = new ArrayList<>();
      for (int u : sizes) {
        Candidate c = candidates.computeIfAbsent(u, Candidate::new);
        if (c.blocks < to) {
          todo.add(c);
        }
      }
      // one pass per starting block, so that candidates evaluated before only add blocks
      TreeMap<Long, List<Candidate>> byStart = new TreeMap<>();
      for (Candidate c : todo) {
        byStart.computeIfAbsent(c.blocks, k -> new ArrayList<>()).add(c);
      }
      RunSettings settings = job.settings().withPaths(paths);
      for (var e : byStart.entrySet()) {
        List<Candidate> group = e.getValue();
        ResolvedDeal[] deals = group.stream().map(c -> c.deal).toArray(ResolvedDeal[]::new);
        Structures.run(pool, deals, t, settings, e.getKey(), to, outcomes -> {
          for (int k = 0; k < outcomes.length; k++) {
            TrancheLosses l = new TrancheLosses(0);
            Structures.Outcomes o = outcomes[k];
            for (int i = 0; i < o.weight().length; i++) {
              l.add(o.lossFraction()[i], o.pvLossFraction()[i], o.walYears()[i], o.weight()[i]);
            }
            l.endBlock(o.defensiveShare());
            group.get(k).losses.merge(l);
          }
        }, null);
        for (Candidate c : group) {
          c.blocks = to;
        }
      }
    }

    private Result result(boolean resolved, Bracket b) {
      List<Point> curve = new ArrayList<>();
      for (Candidate c : candidates.values()) {
        curve.add(c.point());
      }
      Candidate at = b.lower > 0 ? candidates.get(b.lower) : null;
      double estimate = Double.NaN;
      for (Candidate c : current()) {
        if (c.estimateMeets()) {
          estimate = Double.isNaN(estimate) ? share(c.units) : Math.max(estimate, share(c.units));
        }
      }
      double meetsUpTo = at == null ? Double.NaN : share(b.lower);
      double failsFrom = b.upper > top ? Double.NaN : share(b.upper);
      return new Result(resolved, resolved ? (at == null ? 0 : share(b.lower)) : Double.NaN,
          meetsUpTo, failsFrom, estimate, Double.NaN, at == null ? null : at.point(),
          List.copyOf(curve), paths);
    }
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
