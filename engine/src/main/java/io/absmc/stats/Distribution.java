package io.absmc.stats;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The distribution of one variable over a run's paths (a tranche's loss, a WAL, the pool's loss
 * rate), read as exact empirical quantiles, expected shortfall, quantile intervals and exceedance
 * probabilities, in memory that does not grow with the number of paths.
 *
 * <p>Values are held as floats, and a float's 32 bits, flipped so that they sort as the floats do,
 * split into a 16-bit key and a 16-bit rest. The first pass counts the paths (and sums their
 * weights exactly, with {@link ExactSum}) by key: 65,536 bins, each a 1/128 relative slice of
 * the values. The bins locate every value asked for: the alpha-quantile lies in the first bin
 * whose cumulative weight reaches alpha. The second pass ({@link Detail}) runs the same paths
 * again and counts, in just those bins, every distinct float by its rest: the bins' exact
 * contents, in at most 512 KB a bin however many paths fall in it. The answers are then exactly
 * those of sorting every path's value: nothing is approximated.
 *
 * <p>A run small enough to keep its values ({@link #Distribution(boolean) keep}) replays them into
 * the second pass instead of running the paths again; the answers are the same bits either way,
 * since the second pass sees the same values.
 *
 * <p>Definitions (those of sorting the values): the alpha-quantile is the smallest value whose
 * cumulative weight reaches alpha of the total (without weights, the value of rank ceil(alpha N));
 * expected shortfall at alpha the weighted mean of the values beyond it, with the part of the
 * quantile's own weight that lies beyond alpha (Acerbi and Tasche, "On the coherence of expected
 * shortfall", Journal of Banking and Finance 26(7), 2002); NaN values are left out. Sums are exact,
 * so the answers do not depend on how a run was split: counts of consecutive block ranges computed
 * apart {@link #merge merge} into the whole run's, bit for bit. Not thread-safe.
 */
public final class Distribution implements Values, Serializable {

  private static final long serialVersionUID = 1L;

  /** Bins of the first pass (the top 16 bits of a value's sortable bits). */
  static final int KEYS = 1 << 16;
  /** Distinct floats in a bin (the low 16 bits). */
  static final int RESTS = 1 << 16;

  /** Paths by bin (serialised sparsely). */
  private transient long[] count = new long[KEYS];
  /** Weights and squared weights by bin; null while every weight is 1. */
  private transient ExactSum[] weight;
  private transient ExactSum[] weight2;
  private long paths;
  private float min = Float.POSITIVE_INFINITY;
  private float max = Float.NEGATIVE_INFINITY;

  /** Whether the values are kept (a one-pass run). */
  private final boolean keep;
  private float[] values;
  /** Kept weights, or null while every weight is 1. */
  private float[] weights;
  private int size;

  /** What was asked for, and what was found (after {@link #resolve}). */
  private Targets plan;
  private Answers answers;

  /**
   * @param keep whether to keep every value (4 bytes a path, twice with weights) so that the
   *     second pass needs no second run
   */
  public Distribution(boolean keep) {
    this.keep = keep;
    this.values = keep ? new float[16] : null;
  }

  /** A distribution that keeps its values, resolved for {@code wanted}: for tests and tools. */
  public static Distribution of(double[] x, Wanted wanted) {
    Distribution d = new Distribution(true);
    for (double v : x) {
      d.add(v, 1);
    }
    d.resolve(wanted, null);
    return d;
  }

  // ---- sortable bits ------------------------------------------------------------------------

  /** The float's bits, flipped so that they sort as unsigned ints in the float's order. */
  static int sortable(float v) {
    int bits = Float.floatToRawIntBits(v + 0.0f);
    return bits ^ ((bits >> 31) | 0x80000000);
  }

  static float fromSortable(int s) {
    return Float.intBitsToFloat(s < 0 ? s ^ 0x80000000 : ~s);
  }

  // ---- first pass ---------------------------------------------------------------------------

  @Override
  public void add(double x, double w) {
    if (Double.isNaN(x)) {
      return;
    }
    float v = (float) x;
    float fw = (float) w;
    int k = sortable(v) >>> 16;
    if (fw != 1f && weight == null) {
      weigh();
    }
    count[k]++;
    paths++;
    if (weight != null) {
      sum(weight, k).add(fw);
      sum(weight2, k).add((double) fw * fw);
    }
    min = Math.min(min, v);
    max = Math.max(max, v);
    if (keep) {
      keep(v, fw);
    }
  }

  private static ExactSum sum(ExactSum[] sums, int k) {
    ExactSum s = sums[k];
    if (s == null) {
      s = new ExactSum();
      sums[k] = s;
    }
    return s;
  }

  /** Turns the counts into weights (the first weight other than 1). */
  private void weigh() {
    weight = new ExactSum[KEYS];
    weight2 = new ExactSum[KEYS];
    for (int k = 0; k < KEYS; k++) {
      if (count[k] > 0) {
        sum(weight, k).add(count[k]);
        sum(weight2, k).add(count[k]);
      }
    }
  }

  private void keep(float v, float w) {
    if (size == values.length) {
      int grown = (int) Math.min((long) values.length * 2, Integer.MAX_VALUE - 8);
      values = Arrays.copyOf(values, grown);
      if (weights != null) {
        weights = Arrays.copyOf(weights, grown);
      }
    }
    if (w != 1f && weights == null) {
      weights = new float[values.length];
      Arrays.fill(weights, 0, size, 1f);
    }
    if (weights != null) {
      weights[size] = w;
    }
    values[size++] = v;
  }

  /**
   * Adds the paths of another distribution (the next block range of the same run): afterwards
   * this holds what adding them here would have. Neither may have been resolved.
   */
  public void merge(Distribution later) {
    if (answers != null || later.answers != null) {
      throw new IllegalStateException("a distribution that has been read cannot be merged");
    }
    if (keep && !later.keep) {
      throw new IllegalArgumentException("a distribution that keeps its values cannot take one"
          + " that does not");
    }
    if (later.weight != null && weight == null) {
      weigh();
    }
    for (int k = 0; k < KEYS; k++) {
      if (later.count[k] > 0) {
        count[k] += later.count[k];
        if (weight != null) {
          if (later.weight == null) {
            sum(weight, k).add(later.count[k]);
            sum(weight2, k).add(later.count[k]);
          } else {
            sum(weight, k).add(later.weight[k]);
            sum(weight2, k).add(later.weight2[k]);
          }
        }
      }
    }
    paths += later.paths;
    min = Math.min(min, later.min);
    max = Math.max(max, later.max);
    if (keep) {
      for (int i = 0; i < later.size; i++) {
        keep(later.values[i], later.weights == null ? 1f : later.weights[i]);
      }
    }
  }

  /** Paths with a value (NaN left out). */
  public long paths() {
    return paths;
  }

  /** The largest value (NaN when empty). */
  public double max() {
    return paths == 0 ? Double.NaN : max;
  }

  // ---- serialisation: the bins in use -----------------------------------------------------

  private void writeObject(ObjectOutputStream out) throws IOException {
    if (keep) {
      values = Arrays.copyOf(values, Math.max(size, 16));
      if (weights != null) {
        weights = Arrays.copyOf(weights, values.length);
      }
    }
    out.defaultWriteObject();
    int used = 0;
    for (long c : count) {
      used += c > 0 ? 1 : 0;
    }
    out.writeInt(used);
    out.writeBoolean(weight != null);
    for (int k = 0; k < KEYS; k++) {
      if (count[k] > 0) {
        out.writeChar(k);
        out.writeLong(count[k]);
        if (weight != null) {
          out.writeObject(weight[k]);
          out.writeObject(weight2[k]);
        }
      }
    }
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    count = new long[KEYS];
    int used = in.readInt();
    boolean weighted = in.readBoolean();
    if (weighted) {
      weight = new ExactSum[KEYS];
      weight2 = new ExactSum[KEYS];
    }
    for (int i = 0; i < used; i++) {
      int k = in.readChar();
      count[k] = in.readLong();
      if (weighted) {
        weight[k] = (ExactSum) in.readObject();
        weight2[k] = (ExactSum) in.readObject();
      }
    }
  }

  // ---- what is wanted -------------------------------------------------------------------------

  /**
   * What a run reads of a distribution.
   *
   * @param quantiles levels of the quantiles
   * @param shortfalls levels of the expected shortfalls
   * @param intervals levels of the quantiles with a 95% interval
   */
  public record Wanted(double[] quantiles, double[] shortfalls, double[] intervals)
      implements Serializable {

    /** Quantiles only. */
    public static Wanted quantiles(double... levels) {
      return new Wanted(levels, new double[0], new double[0]);
    }
  }

  /**
   * Where the second pass must look: the bins of every level (the intervals' ends included), the
   * bins at or below which expected shortfall's tail ends, and the ladder of exceedance edges.
   */
  private record Targets(double[] levels, int[] keys, double[] shortfalls, int[] shortfallKeys,
      double[] intervals, double[] lows, double[] highs, Ladder ladder) implements Serializable {
  }

  /**
   * Equal bins from 0 to {@code top} for a histogram: edge k is {@code top * k / bins}; bucket 0
   * holds the values at or below 0, bucket j (1..bins) those in (edge j-1, edge j], bucket bins+1
   * those above {@code top}.
   */
  public record Ladder(double top, int bins) implements Serializable {

    public double edge(int k) {
      return top * k / bins;
    }

    int bucket(float v) {
      if (v > top) {
        return bins + 1;
      }
      int j = (int) Math.max(0, Math.min(bins, Math.ceil(v * (double) bins / top)));
      while (j > 0 && v <= edge(j - 1)) {
        j--;
      }
      while (j < bins && v > edge(j)) {
        j++;
      }
      return j;
    }
  }

  /**
   * The weight of paths counted {@code count} times, exactly: their weights' sum, or the count
   * itself where every weight is 1 ({@code sum} null).
   */
  private static ExactSum weightOf(long count, ExactSum sum) {
    ExactSum w = new ExactSum();
    if (sum != null) {
      w.add(sum);
    } else {
      w.add(count);
    }
    return w;
  }

  /** Bin k's weight, and the sum of its squared weights. */
  private ExactSum binWeight(int k) {
    return weightOf(count[k], weight == null ? null : weight[k]);
  }

  private ExactSum binWeight2(int k) {
    return weightOf(count[k], weight2 == null ? null : weight2[k]);
  }

  /** The total weight (the paths without weights). */
  private ExactSum total() {
    ExactSum t = new ExactSum();
    for (int k = 0; k < KEYS; k++) {
      if (count[k] > 0) {
        t.add(binWeight(k));
      }
    }
    return t;
  }

  /** Position of a level: the bin it falls in and the weight of the bins before. */
  private record Located(int key, ExactSum before) {
  }

  /**
   * The bin of the alpha-quantile: the first whose cumulative weight reaches alpha of the total
   * (without weights, the bin of the value of rank ceil(alpha N)).
   */
  private Located locate(double alpha, double totalValue) {
    double target = alpha * totalValue;
    ExactSum before = new ExactSum();
    Located last = null;
    for (int k = 0; k < KEYS; k++) {
      if (count[k] == 0) {
        continue;
      }
      ExactSum after = binWeight(k);
      after.add(before);
      if (reaches(after, target)) {
        return new Located(k, before);
      }
      last = new Located(k, before);
      before = after;
    }
    // rounding left the target unreached: the largest value, as sorting would give
    return last;
  }

  /** Whether an exact cumulative weight is at least the target, compared exactly. */
  private static boolean reaches(ExactSum cumulative, double target) {
    ExactSum difference = new ExactSum();
    difference.add(cumulative);
    difference.add(-target);
    return difference.value() >= 0;
  }

  /**
   * The standard error of the empirical distribution function at the alpha-quantile, sqrt(sum w^2
   * (1{x <= q} - alpha)^2) / sum w (Glynn, "Importance sampling for Monte Carlo estimation of
   * quantiles", 1996; without weights sqrt(F (1 - alpha)^2 + (1 - F) alpha^2) / sqrt(N)), taken
   * at whichever end of the quantile's bin makes it larger, so that it is known after the first
   * pass: never smaller than at the quantile itself.
   */
  private double sigma(double alpha, Located at, double totalValue) {
    ExactSum below2 = new ExactSum();
    ExactSum all2 = new ExactSum();
    for (int k = 0; k < KEYS; k++) {
      if (count[k] > 0) {
        ExactSum w2 = binWeight2(k);
        all2.add(w2);
        if (k < at.key()) {
          below2.add(w2);
        }
      }
    }
    double s2 = all2.value();
    double low = below2.value();
    double high = low + binWeight2(at.key()).value();
    double spread = Math.max(spread(low, s2, alpha), spread(Math.min(high, s2), s2, alpha));
    return Math.sqrt(spread) / totalValue;
  }

  private static double spread(double below, double all, double alpha) {
    return below * (1 - alpha) * (1 - alpha) + (all - below) * alpha * alpha;
  }

  /**
   * Reads what is wanted. A distribution that keeps its values replays them; one that does not
   * returns the {@link Detail} its second pass must fill, and is read once {@link #resolve(Detail)}
   * has it.
   *
   * @param ladder the edges to read exceedance probabilities at, or null
   * @return null when resolved, else the second pass to run
   */
  public Detail resolve(Wanted wanted, Ladder ladder) {
    Detail detail = new Detail(plan(wanted, ladder), weight != null);
    if (!keep) {
      return detail;
    }
    for (int i = 0; i < size; i++) {
      detail.add(values[i], weights == null ? 1f : weights[i]);
    }
    resolve(detail);
    return null;
  }

  private Targets plan(Wanted wanted, Ladder ladder) {
    TreeSet<Double> levels = new TreeSet<>();
    if (paths == 0) {
      // nothing to find: every level asked for reads NaN
      for (double[] group : List.of(wanted.quantiles(), wanted.shortfalls(), wanted.intervals())) {
        for (double a : group) {
          levels.add(a);
        }
      }
      int[] none = new int[wanted.shortfalls().length];
      double[] nan = nans(wanted.intervals().length);
      return new Targets(levels.stream().mapToDouble(Double::doubleValue).toArray(), new int[0],
          wanted.shortfalls().clone(), none, wanted.intervals().clone(), nan, nan, ladder);
    }
    double totalValue = total().value();
    for (double a : wanted.quantiles()) {
      levels.add(a);
    }
    for (double a : wanted.shortfalls()) {
      levels.add(a);
    }
    double[] lows = new double[wanted.intervals().length];
    double[] highs = new double[lows.length];
    for (int i = 0; i < lows.length; i++) {
      double a = wanted.intervals()[i];
      levels.add(a);
      double s = sigma(a, locate(a, totalValue), totalValue);
      lows[i] = a - Interval95.Z * s;
      highs[i] = a + Interval95.Z * s;
      if (lows[i] > 0) {
        levels.add(lows[i]);
      }
      if (highs[i] < 1) {
        levels.add(highs[i]);
      }
    }
    double[] all = levels.stream().mapToDouble(Double::doubleValue).toArray();
    TreeSet<Integer> keys = new TreeSet<>();
    for (double a : all) {
      keys.add(locate(a, totalValue).key());
    }
    int[] shortfallKeys = new int[wanted.shortfalls().length];
    for (int i = 0; i < shortfallKeys.length; i++) {
      shortfallKeys[i] = locate(wanted.shortfalls()[i], totalValue).key();
    }
    return new Targets(all, keys.stream().mapToInt(Integer::intValue).toArray(),
        wanted.shortfalls().clone(), shortfallKeys, wanted.intervals().clone(), lows, highs,
        ladder);
  }

  // ---- second pass ----------------------------------------------------------------------------

  /**
   * The second pass over a distribution's paths: in the bins its plan names, the weight of every
   * distinct value; the weighted sum of the values above each expected shortfall's bin; the
   * weights of a ladder's buckets. Filled by {@link #add} in any order and {@link #merge}d in any
   * order with the same result. Not thread-safe.
   */
  public static final class Detail implements Values, Serializable {

    private static final long serialVersionUID = 1L;

    private final Targets plan;
    private final boolean weighted;
    /** Paths by bin of the plan and rest; a bin's row is made at its first path. */
    private transient long[][] count;
    /** Weights likewise (weighted only), by bin of the plan and rest. */
    private transient ExactSum[][] weight;
    /** Weighted sum of the values in the bins above each expected shortfall's bin. */
    private final ExactSum[] above;
    private final long[] ladderCount;
    private final ExactSum[] ladderWeight;

    Detail(Targets plan, boolean weighted) {
      this.plan = plan;
      this.weighted = weighted;
      count = new long[plan.keys().length][];
      weight = weighted ? new ExactSum[plan.keys().length][] : null;
      above = new ExactSum[plan.shortfalls().length];
      for (int i = 0; i < above.length; i++) {
        above[i] = new ExactSum();
      }
      int buckets = plan.ladder() == null ? 0 : plan.ladder().bins() + 2;
      ladderCount = new long[buckets];
      ladderWeight = weighted ? new ExactSum[buckets] : null;
    }

    /** A fresh pass of the same plan (for another block range). */
    public Detail empty() {
      return new Detail(plan, weighted);
    }

    @Override
    public void add(double x, double w) {
      if (Double.isNaN(x)) {
        return;
      }
      add((float) x, (float) w);
    }

    void add(float v, float w) {
      int s = sortable(v);
      int k = s >>> 16;
      int slot = Arrays.binarySearch(plan.keys(), k);
      if (slot >= 0) {
        if (count[slot] == null) {
          count[slot] = new long[RESTS];
          if (weighted) {
            weight[slot] = new ExactSum[RESTS];
          }
        }
        int rest = s & 0xffff;
        count[slot][rest]++;
        if (weighted) {
          sum(weight[slot], rest).add(w);
        }
      }
      for (int i = 0; i < above.length; i++) {
        if (k > plan.shortfallKeys()[i]) {
          above[i].add((double) w * v);
        }
      }
      if (plan.ladder() != null) {
        int b = plan.ladder().bucket(v);
        ladderCount[b]++;
        if (weighted) {
          sum(ladderWeight, b).add(w);
        }
      }
    }

    /** Adds another pass over other paths of the same plan. */
    public void merge(Detail other) {
      for (int slot = 0; slot < count.length; slot++) {
        if (other.count[slot] == null) {
          continue;
        }
        if (count[slot] == null) {
          count[slot] = new long[RESTS];
          if (weighted) {
            weight[slot] = new ExactSum[RESTS];
          }
        }
        for (int r = 0; r < RESTS; r++) {
          if (other.count[slot][r] > 0) {
            count[slot][r] += other.count[slot][r];
            if (weighted) {
              sum(weight[slot], r).add(other.weight[slot][r]);
            }
          }
        }
      }
      for (int i = 0; i < above.length; i++) {
        above[i].add(other.above[i]);
      }
      for (int b = 0; b < ladderCount.length; b++) {
        ladderCount[b] += other.ladderCount[b];
        if (weighted && other.ladderWeight[b] != null) {
          sum(ladderWeight, b).add(other.ladderWeight[b]);
        }
      }
    }

    /** Serialised as the distinct values seen only (a task's pass travels to the driver). */
    private void writeObject(ObjectOutputStream out) throws IOException {
      out.defaultWriteObject();
      for (int slot = 0; slot < count.length; slot++) {
        int used = 0;
        for (int r = 0; count[slot] != null && r < RESTS; r++) {
          used += count[slot][r] > 0 ? 1 : 0;
        }
        out.writeInt(count[slot] == null ? -1 : used);
        for (int r = 0; count[slot] != null && r < RESTS; r++) {
          if (count[slot][r] > 0) {
            out.writeChar(r);
            out.writeLong(count[slot][r]);
            if (weighted) {
              out.writeObject(weight[slot][r]);
            }
          }
        }
      }
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
      in.defaultReadObject();
      count = new long[plan.keys().length][];
      weight = weighted ? new ExactSum[plan.keys().length][] : null;
      for (int slot = 0; slot < count.length; slot++) {
        int used = in.readInt();
        if (used < 0) {
          continue;
        }
        count[slot] = new long[RESTS];
        if (weighted) {
          weight[slot] = new ExactSum[RESTS];
        }
        for (int i = 0; i < used; i++) {
          int r = in.readChar();
          count[slot][r] = in.readLong();
          if (weighted) {
            weight[slot][r] = (ExactSum) in.readObject();
          }
        }
      }
    }

    /** The weight of a distinct value of the plan's bin {@code slot}. */
    ExactSum mass(int slot, int rest) {
      return weightOf(count[slot][rest], weighted ? weight[slot][rest] : null);
    }

    /** The weight of a ladder's bucket. */
    ExactSum ladderMass(int b) {
      return weightOf(ladderCount[b], weighted ? ladderWeight[b] : null);
    }
  }

  // ---- answers ------------------------------------------------------------------------------

  /** The values read, by level. */
  private record Answers(double[] levels, double[] quantiles, double[] shortfalls,
      double[] exceedance) implements Serializable {
  }

  /** Reads the plan's answers from the second pass over every path. */
  public void resolve(Detail detail) {
    Targets plan = detail.plan;
    if (paths == 0) {
      answers = new Answers(plan.levels(), nans(plan.levels().length),
          nans(plan.shortfalls().length), nans(plan.ladder() == null ? 0 : plan.ladder().bins()
              + 1));
      this.plan = plan;
      return;
    }
    ExactSum total = total();
    double totalValue = total.value();
    double[] quantiles = new double[plan.levels().length];
    for (int i = 0; i < quantiles.length; i++) {
      quantiles[i] = within(plan, detail, plan.levels()[i], totalValue, null);
    }
    double[] shortfalls = new double[plan.shortfalls().length];
    for (int i = 0; i < shortfalls.length; i++) {
      double[] out = new double[1];
      within(plan, detail, plan.shortfalls()[i], totalValue, new Shortfall(total,
          detail.above[i], out));
      shortfalls[i] = out[0];
    }
    double[] exceedance = new double[plan.ladder() == null ? 0 : plan.ladder().bins() + 1];
    ExactSum atOrBelow = new ExactSum();
    for (int k = 0; k < exceedance.length; k++) {
      atOrBelow.add(detail.ladderMass(k));
      ExactSum beyond = new ExactSum();
      beyond.add(total);
      beyond.add(-atOrBelow.value());
      exceedance[k] = Math.max(0, beyond.value()) / totalValue;
    }
    answers = new Answers(plan.levels(), quantiles, shortfalls, exceedance);
    this.plan = plan;
  }

  private static double[] nans(int n) {
    double[] x = new double[n];
    Arrays.fill(x, Double.NaN);
    return x;
  }

  /** What expected shortfall needs at its quantile, and where it writes its value. */
  private record Shortfall(ExactSum total, ExactSum aboveBin, double[] out) {
  }

  /**
   * The alpha-quantile, found among the distinct values of its bin; with {@code shortfall}, also
   * the expected shortfall at alpha.
   */
  private double within(Targets plan, Detail detail, double alpha, double totalValue,
      Shortfall shortfall) {
    Located at = locate(alpha, totalValue);
    int slot = Arrays.binarySearch(plan.keys(), at.key());
    long[] rests = detail.count[slot];
    ExactSum cumulative = new ExactSum();
    cumulative.add(at.before());
    double target = alpha * totalValue;
    int found = -1;
    int last = -1;
    for (int rest = 0; rest < RESTS && found < 0; rest++) {
      if (rests[rest] == 0) {
        continue;
      }
      cumulative.add(detail.mass(slot, rest));
      last = rest;
      if (reaches(cumulative, target)) {
        found = rest;
      }
    }
    if (found < 0) {
      found = last;
    }
    float q = fromSortable((at.key() << 16) | found);
    if (shortfall != null) {
      // the values above q: those of the bins above, and of q's bin above q
      ExactSum sum = new ExactSum();
      sum.add(shortfall.aboveBin());
      for (int rest = found + 1; rest < RESTS; rest++) {
        if (rests[rest] > 0) {
          addProduct(sum, detail.mass(slot, rest), fromSortable((at.key() << 16) | rest));
        }
      }
      // the weight above q
      ExactSum aboveQ = new ExactSum();
      aboveQ.add(shortfall.total());
      aboveQ.add(-cumulative.value());
      // the part of q's weight beyond alpha: cumulative weight through q less alpha's share
      ExactSum boundary = new ExactSum();
      boundary.add(cumulative);
      boundary.add(-target);
      double part = Math.max(0, boundary.value());
      addProduct(sum, part, q);
      ExactSum mass = new ExactSum();
      mass.add(aboveQ.value());
      mass.add(part);
      double m = mass.value();
      shortfall.out()[0] = m > 0 ? sum.value() / m : q;
    }
    return q;
  }

  /** Adds the weight {@code s} (rounded once) times {@code v}, the product exactly. */
  private static void addProduct(ExactSum into, ExactSum s, float v) {
    addProduct(into, s.value(), v);
  }

  private static void addProduct(ExactSum into, double a, float v) {
    double p = a * v;
    into.add(p);
    into.add(Math.fma(a, v, -p));
  }

  private int level(double alpha) {
    if (answers == null) {
      throw new IllegalStateException("the distribution has not been resolved");
    }
    int i = Arrays.binarySearch(answers.levels(), alpha);
    if (i < 0) {
      throw new IllegalArgumentException("level " + alpha + " was not asked for");
    }
    return i;
  }

  /** The alpha-quantile (NaN when empty). */
  public double quantile(double alpha) {
    int i = level(alpha);
    return answers.quantiles()[i];
  }

  /** Expected shortfall at alpha (NaN when empty). */
  public double expectedShortfall(double alpha) {
    level(alpha);
    for (int i = 0; i < plan.shortfalls().length; i++) {
      if (plan.shortfalls()[i] == alpha) {
        return answers.shortfalls()[i];
      }
    }
    throw new IllegalArgumentException("expected shortfall at " + alpha + " was not asked for");
  }

  /**
   * The 95% interval of the alpha-quantile: the quantiles at alpha -/+ 1.96 sigma ({@link
   * #sigma}), the smallest or largest value where those leave [0, 1].
   */
  public Interval95.Interval quantileInterval(double alpha) {
    level(alpha);
    if (paths == 0) {
      return new Interval95.Interval(Double.NaN, Double.NaN);
    }
    for (int i = 0; i < plan.intervals().length; i++) {
      if (plan.intervals()[i] == alpha) {
        double low = plan.lows()[i] <= 0 ? min : quantile(plan.lows()[i]);
        double high = plan.highs()[i] >= 1 ? max : quantile(plan.highs()[i]);
        return new Interval95.Interval(low, high);
      }
    }
    throw new IllegalArgumentException("no interval at " + alpha + " was asked for");
  }

  /** The ladder read, or null. */
  public Ladder ladder() {
    return plan == null ? null : plan.ladder();
  }

  /** Share of the weight strictly above the ladder's edge k (0..bins). */
  public double exceedance(int k) {
    if (answers == null) {
      throw new IllegalStateException("the distribution has not been resolved");
    }
    return answers.exceedance()[k];
  }
}
