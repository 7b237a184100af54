package io.absmc.rating;

import io.absmc.random.Normal;
import io.absmc.scenario.ScenarioException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Ratings from a tranche's break-even default rate (REFERENCE-VALUES R5): each rating has a target
 * default rate (TDR), and the tranche gets the best rating whose TDR is at or below its minimum
 * critical default rate over the stress scenarios. Two ways to set the TDRs: the stress-multiplier
 * method (TDR = multiplier x base cumulative default rate) and the lognormal method (ln CDR ~
 * N(mu, sigma), TDR = exp(mu + sigma Phi^-1(1 - p)) for the rating's target probability p).
 * Immutable.
 *
 * @param method what the targets are, for reports
 * @param ratings rating names, best first
 * @param targets target default rates, best first (falling)
 */
public record TargetDefaultRates(String method, List<String> ratings, double[] targets) {

  /** Stress-multiplier targets from the bundled consumer-loan table. */
  public static TargetDefaultRates multipliers(double baseDefaultRate) {
    return multipliers(baseDefaultRate, read(resource("cn-stress-multipliers.csv"),
        "cn-stress-multipliers.csv"));
  }

  /** Lognormal targets from the bundled target probabilities, given mu and sigma of ln CDR. */
  public static TargetDefaultRates lognormal(double mu, double sigma) {
    return lognormal(mu, sigma, read(resource("lognormal-target-probabilities.csv"),
        "lognormal-target-probabilities.csv"));
  }

  /** The lognormal parameters matching a mean and standard deviation of the default rate. */
  public static double[] lognormalParameters(double mean, double sd) {
    double sigma2 = Math.log1p(sd * sd / (mean * mean));
    return new double[] {Math.log(mean) - sigma2 / 2, Math.sqrt(sigma2)};
  }

  /** A user's table of {@code rating,value} rows. */
  public static Table load(Path file) {
    try {
      return read(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new ScenarioException(List.of(file + ": cannot read: " + e.getMessage()));
    }
  }

  /** Ratings and values of a two-column table. */
  public record Table(List<String> ratings, double[] values) {
  }

  /** Stress-multiplier targets from a given table of multipliers. */
  public static TargetDefaultRates multipliers(double baseDefaultRate, Table t) {
    double[] tdr = new double[t.values().length];
    for (int i = 0; i < tdr.length; i++) {
      tdr[i] = t.values()[i] * baseDefaultRate;
    }
    return new TargetDefaultRates("stress multipliers x base default rate "
        + String.format(java.util.Locale.ROOT, "%.4f%%", baseDefaultRate * 100), t.ratings(), tdr);
  }

  /** Lognormal targets from a given table of target probabilities. */
  public static TargetDefaultRates lognormal(double mu, double sigma, Table t) {
    double[] tdr = new double[t.values().length];
    for (int i = 0; i < tdr.length; i++) {
      tdr[i] = Math.exp(mu + sigma * Normal.quantile(1 - t.values()[i]));
    }
    return new TargetDefaultRates(String.format(java.util.Locale.ROOT,
        "lognormal, mu %.4f, sigma %.4f", mu, sigma), t.ratings(), tdr);
  }

  /** The best rating whose target is at or below the critical default rate; "below X" otherwise. */
  public String rating(double criticalDefaultRate) {
    for (int i = 0; i < targets.length; i++) {
      if (targets[i] <= criticalDefaultRate) {
        return ratings.get(i);
      }
    }
    return "below " + ratings.get(ratings.size() - 1);
  }

  private static String resource(String name) {
    try (InputStream in = TargetDefaultRates.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Table read(String text, String file) {
    List<String> problems = new ArrayList<>();
    List<String> ratings = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    String[] lines = text.split("\\R");
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i].trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split(",");
      if (cells.length != 2) {
        problems.add(file + ":" + (i + 1) + ": expected rating,value");
        continue;
      }
      double x = io.absmc.util.Decimal.parse(cells[1]);
      if (!(x >= 0)) {
        problems.add(file + ":" + (i + 1) + ": expected a number of at least 0, found '"
            + cells[1].trim() + "'");
      } else if (ratings.contains(cells[0].trim())) {
        problems.add(file + ":" + (i + 1) + ": rating '" + cells[0].trim() + "' given twice");
      } else {
        values.add(x);
        ratings.add(cells[0].trim());
      }
    }
    if (ratings.isEmpty() && problems.isEmpty()) {
      problems.add(file + ": no ratings");
    }
    if (!problems.isEmpty()) {
      throw new ScenarioException(problems);
    }
    return new Table(List.copyOf(ratings), values.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
