import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The peer model of {@code peer_numpy.py} as a plain single-class Java program: the same loans
 * (read from the tape {@code make_tape.py} writes), months, factor, default, prepayment, maturity
 * and one-for-one replacement, loop by loop. Prints milliseconds per path of one core.
 * Usage: {@code java Peer.java TAPE.csv [PATHS]} (default 200).
 */
public class Peer {

  static final int MONTHS = 24;
  static final int DAYS = 30;
  static final int REVOLVING = 12;
  static final int TERM_DAYS = 57;
  static final double PD = 0.002;
  static final double PREPAY = 0.02;
  static final double RHO = 0.10;

  public static void main(String[] args) throws IOException {
    Path tape = Path.of(args[0]);
    int paths = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    double[] balance0;
    int[] age0;
    try (BufferedReader r = Files.newBufferedReader(tape)) {
      java.util.List<String> lines = r.lines().skip(1).toList();
      balance0 = new double[lines.size()];
      age0 = new int[lines.size()];
      for (int i = 0; i < lines.size(); i++) {
        String[] f = lines.get(i).split(",", -1);
        balance0[i] = Double.parseDouble(f[2]);
        age0[i] = Integer.parseInt(f[6]);
      }
    }
    double total = 0;
    for (double b : balance0) {
      total += b;
    }
    double q = phiInverse(PD);
    SplittableRandom rng = new SplittableRandom(1);
    double[] balance = new double[balance0.length];
    int[] age = new int[age0.length];
    boolean[] live = new boolean[age0.length];
    for (int warm = 0; warm < 20; warm++) {
      path(rng, balance0, age0, balance, age, live, q, total);
    }
    long t0 = System.nanoTime();
    double senior = 0;
    for (int i = 0; i < paths; i++) {
      senior += path(rng, balance0, age0, balance, age, live, q, total);
    }
    double ms = (System.nanoTime() - t0) / 1e6 / paths;
    System.out.printf("plain Java %s, %d paths: %.2f ms a path (mean senior loss %.0f)%n",
        System.getProperty("java.version"), paths, ms, senior / paths);
  }

  /** One path; returns the senior class's loss. */
  static double path(SplittableRandom rng, double[] balance0, int[] age0, double[] balance,
      int[] age, boolean[] live, double q, double total) {
    int n = balance0.length;
    System.arraycopy(balance0, 0, balance, 0, n);
    System.arraycopy(age0, 0, age, 0, n);
    java.util.Arrays.fill(live, true);
    double loss = 0;
    for (int month = 1; month <= MONTHS; month++) {
      double z = normal(rng);
      double p = phi((q + Math.sqrt(RHO) * z) / Math.sqrt(1 - RHO));
      double prepay = p + (1 - p) * PREPAY;
      boolean revolving = month <= REVOLVING;
      for (int i = 0; i < n; i++) {
        if (!live[i]) {
          continue;
        }
        double u = rng.nextDouble();
        age[i] += DAYS;
        if (u < p) {
          loss += balance[i];
          live[i] = false;
        } else if (u < prepay || age[i] >= TERM_DAYS) {
          if (revolving) {
            age[i] = 0;
          } else {
            live[i] = false;
          }
        }
      }
    }
    return Math.max(0, loss - 0.1 * total);
  }

  static double normal(SplittableRandom rng) {
    // Box-Muller: one factor a month, not worth a faster sampler
    return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
  }

  /** Phi by W. J. Cody's erfc is overkill here; Zelen and Severo (A&S 26.2.17), |error| < 7.5e-8. */
  static double phi(double x) {
    double t = 1 / (1 + 0.2316419 * Math.abs(x));
    double d = 0.3989422804014327 * Math.exp(-x * x / 2);
    double tail = d * t * (0.319381530 + t * (-0.356563782 + t * (1.781477937
        + t * (-1.821255978 + t * 1.330274429))));
    return x >= 0 ? 1 - tail : tail;
  }

  static double phiInverse(double p) {
    double lo = -10;
    double hi = 10;
    for (int i = 0; i < 200; i++) {
      double mid = 0.5 * (lo + hi);
      if (phi(mid) < p) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return 0.5 * (lo + hi);
  }
}
