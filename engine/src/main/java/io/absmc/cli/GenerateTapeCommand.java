package io.absmc.cli;

import io.absmc.io.AtomicOutput;
import io.absmc.io.OutputRefusedException;
import io.absmc.output.Column;
import io.absmc.output.ParquetTable;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code absmc generate-tape OUT}: a synthetic loan tape of Deal A's two kinds, for trying the tape
 * readers at scale (the project ships no real loan data). Credit loans (60%): 3, 6, 9 or 12 months
 * of equal principal, lognormal balances around 9,000, rates 14-20%; order loans: 57 days, around
 * 3,000, 18.25%. Each loan has an age below its shortest possible term, a score band A-E and a base
 * default rate of its band's (0.8%, 1.5%, 2.5%, 4%, 7%) times a lognormal jitter. The same seed
 * gives the same tape; written to a temporary file and moved into place when complete.
 */
@Command(name = "generate-tape", mixinStandardHelpOptions = true,
    description = "Write a synthetic loan tape (CSV or Parquet, by the file's extension).")
final class GenerateTapeCommand implements Callable<Integer> {

  private static final String[] BANDS = {"A", "B", "C", "D", "E"};
  private static final double[] BAND_SHARE = {0.2, 0.3, 0.25, 0.15, 0.1};
  private static final double[] BAND_DEFAULT = {0.008, 0.015, 0.025, 0.04, 0.07};

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "OUT", description = "The tape to write (.csv or .parquet).")
  Path out;

  @Option(names = "--loans", defaultValue = "100000", paramLabel = "N",
      description = "Number of loans (default: ${DEFAULT-VALUE}).")
  int loans;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  /** The tape's columns, generated into arrays. */
  private static final class Tape {
    final String[] segment;
    final double[] balance;
    final double[] rate;
    final int[] termDays;
    final int[] termMonths;
    final int[] age;
    final double[] defaultRate;
    final String[] key;

    Tape(int n, long seed) {
      segment = new String[n];
      balance = new double[n];
      rate = new double[n];
      termDays = new int[n];
      termMonths = new int[n];
      age = new int[n];
      defaultRate = new double[n];
      key = new String[n];
      UniformRandomProvider rng = new XoRoShiRo128PlusPlus(new long[] {seed, 0x9E3779B97F4A7C15L});
      ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
      for (int i = 0; i < n; i++) {
        boolean credit = rng.nextDouble() < 0.6;
        segment[i] = credit ? "credit_loan" : "order_loan";
        if (credit) {
          termMonths[i] = 3 * (1 + rng.nextInt(4));
          balance[i] = round2(9000 * Math.exp(0.5 * normal.sample() - 0.125));
          rate[i] = 0.14 + 0.0025 * rng.nextInt(25);
          age[i] = rng.nextInt(28 * termMonths[i]);
        } else {
          termDays[i] = 57;
          balance[i] = round2(3000 * Math.exp(0.4 * normal.sample() - 0.08));
          rate[i] = 0.1825;
          age[i] = rng.nextInt(57);
        }
        balance[i] = Math.max(100, balance[i]);
        double u = rng.nextDouble();
        int b = 0;
        while (b < BANDS.length - 1 && u >= BAND_SHARE[b]) {
          u -= BAND_SHARE[b];
          b++;
        }
        key[i] = BANDS[b];
        defaultRate[i] = Math.min(1, Math.round(1e6 * BAND_DEFAULT[b]
            * Math.exp(0.3 * normal.sample() - 0.045)) / 1e6);
      }
    }

    private static double round2(double x) {
      return Math.round(x * 100) / 100.0;
    }
  }

  @Override
  public Integer call() throws IOException {
    if (loans < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--loans must be at least 1");
    }
    try {
      AtomicOutput.writeNewFile(out, part -> write(new Tape(loans, seed), part));
    } catch (OutputRefusedException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s: %,d loans (seed %d)%n", out, loans,
        seed);
    return 0;
  }

  /** Writes the tape to {@code part}: Parquet when OUT's name ends in .parquet, else CSV. */
  private void write(Tape t, Path part) throws IOException {
    if (out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet")) {
      ParquetTable.write(part, List.of(
          Column.ofString("loan_id", "loan id", i -> String.format(Locale.ROOT, "L%09d", i + 1)),
          Column.ofString("segment", "kind of loan", i -> t.segment[i]),
          Column.ofDouble("balance", "RMB", "outstanding principal", i -> t.balance[i]),
          Column.ofDouble("annual_rate", "1/year", "interest rate", i -> t.rate[i]),
          Column.ofDouble("term_days", "days", "term in days (null: in months)",
              i -> t.termDays[i] > 0 ? t.termDays[i] : Double.NaN),
          Column.ofDouble("term_months", "months", "term in months (null: in days)",
              i -> t.termMonths[i] > 0 ? t.termMonths[i] : Double.NaN),
          Column.ofInt("age_days", "days", "age at the cut-off date", i -> t.age[i]),
          Column.ofDouble("annual_default_rate", "1/year", "the loan's base default rate",
              i -> t.defaultRate[i]),
          Column.ofString("performance_key", "score band", i -> t.key[i])),
          Map.of("absmc.tape.seed", Long.toString(seed)), loans);
    } else {
      try (BufferedWriter w = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
        w.write("loan_id,segment,balance,annual_rate,term_days,term_months,age_days,"
            + "annual_default_rate,performance_key\n");
        for (int i = 0; i < loans; i++) {
          w.write(String.format(Locale.ROOT, "L%09d,%s,%.2f,%s,%s,%s,%d,%s,%s\n", i + 1,
              t.segment[i], t.balance[i], Double.toString(t.rate[i]),
              t.termDays[i] > 0 ? Integer.toString(t.termDays[i]) : "",
              t.termMonths[i] > 0 ? Integer.toString(t.termMonths[i]) : "", t.age[i],
              Double.toString(t.defaultRate[i]), t.key[i]));
        }
      }
    }
  }
}
