package io.absmc.scenario;

import io.absmc.util.Check;
import java.util.Arrays;
import java.util.List;

/**
 * A segment's roll rates: at each due date, the probabilities that a loan moves from its payment
 * state to another. States 0-4 are live (current, then 1-30, 31-60, 61-90 and 91+ days past due);
 * state 5, charged off, is absorbing. A row's probabilities to other states sum to at most 1 and
 * the rest stays where it is. Full prepayment (paid) comes from the segment's prepayment rate, for
 * current loans only.
 *
 * @param matrix row-major, {@link #LIVE} rows of {@link #STATES} columns, each row summing to 1
 */
public record RollRates(double[] matrix) {

  /** Live states: current and the four past-due buckets. */
  public static final int LIVE = 5;
  /** All states: the live ones and charged off. */
  public static final int STATES = 6;
  public static final int CURRENT = 0;
  public static final int CHARGED_OFF = 5;
  /** The states' names in scenario files, in order. */
  public static final List<String> LABELS = List.of("current", "dpd_1_30", "dpd_31_60",
      "dpd_61_90", "dpd_91_plus", "charged_off");

  public RollRates {
    Check.notNull("matrix", matrix);
    Check.isTrue(matrix.length == LIVE * STATES, "a roll-rate matrix has " + LIVE * STATES
        + " entries");
    matrix = matrix.clone();
    for (int r = 0; r < LIVE; r++) {
      double sum = 0;
      for (int c = 0; c < STATES; c++) {
        Check.inRange(LABELS.get(r) + " to " + LABELS.get(c), matrix[r * STATES + c], 0, 1);
        sum += matrix[r * STATES + c];
      }
      Check.isTrue(Math.abs(sum - 1) < 1e-9, "the roll rates from " + LABELS.get(r)
          + " sum to " + sum + ", not 1");
    }
  }

  /**
   * Roll rates from the probabilities of leaving each live state; what is not given stays.
   *
   * @param leaving by live state, the probabilities to the other states (the own entry ignored)
   */
  public static RollRates leaving(double[][] leaving) {
    double[] m = new double[LIVE * STATES];
    for (int r = 0; r < LIVE; r++) {
      double out = 0;
      for (int c = 0; c < STATES; c++) {
        if (c != r) {
          m[r * STATES + c] = leaving[r][c];
          out += leaving[r][c];
        }
      }
      Check.isTrue(out <= 1 + 1e-12, "the roll rates from " + LABELS.get(r) + " sum to " + out
          + ", more than 1");
      m[r * STATES + r] = Math.max(0, 1 - out);
    }
    return new RollRates(m);
  }

  /**
   * These roll rates with the rates from current into delinquency multiplied by {@code factor}
   * (a default stress or multiplier), in proportion, their sum capped at 1; the other rows as
   * they are.
   */
  public RollRates entryScaled(double factor) {
    Check.nonNegative("factor", factor);
    double[] m = matrix.clone();
    double entry = 1 - m[CURRENT * STATES + CURRENT];
    if (entry <= 0 || factor == 1) {
      return this;
    }
    double scale = Math.min(factor, 1 / entry);
    for (int c = 1; c < STATES; c++) {
      m[CURRENT * STATES + c] = Math.min(1, m[CURRENT * STATES + c] * scale);
    }
    m[CURRENT * STATES + CURRENT] = Math.max(0, 1 - entry * scale);
    return new RollRates(m);
  }

  /**
   * The probability that a current loan falls past due at a due date and is charged off before it
   * is current again: the rates from current times the probabilities of absorption in charged off
   * from each past-due state, a = (I - Q)^-1 r over the past-due states (Q among them, r into
   * charged off; Commons Math's LU decomposition). A comparable default rate per due date.
   */
  public double chargeOffPerDueDate() {
    int n = LIVE - 1;
    org.apache.commons.math3.linear.RealMatrix a =
        org.apache.commons.math3.linear.MatrixUtils.createRealIdentityMatrix(n);
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        a.addToEntry(i, j, -probability(i + 1, j + 1));
      }
      r[i] = probability(i + 1, CHARGED_OFF);
    }
    org.apache.commons.math3.linear.DecompositionSolver solver =
        new org.apache.commons.math3.linear.LUDecomposition(a).getSolver();
    if (!solver.isNonSingular()) {
      // a past-due state that is never left: nothing comes out of it
      return probability(CURRENT, CHARGED_OFF);
    }
    double[] absorbed = solver.solve(new org.apache.commons.math3.linear.ArrayRealVector(r))
        .toArray();
    double p = probability(CURRENT, CHARGED_OFF);
    for (int j = 0; j < n; j++) {
      p += probability(CURRENT, j + 1) * absorbed[j];
    }
    return p;
  }

  /** The probability of moving from live state {@code from} to state {@code to} at a due date. */
  public double probability(int from, int to) {
    return matrix[from * STATES + to];
  }

  /** The matrix, row-major (a copy). */
  @Override
  public double[] matrix() {
    return matrix.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RollRates r && Arrays.equals(matrix, r.matrix);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(matrix);
  }

  @Override
  public String toString() {
    return "RollRates" + Arrays.toString(matrix);
  }
}
