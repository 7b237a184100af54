package io.absmc.cli;

import io.absmc.calibrate.Vintage;
import io.absmc.io.AtomicOutput;
import io.absmc.io.OutputRefusedException;
import io.absmc.calibrate.VintageSimulator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code absmc generate-vintages OUT}: a synthetic static-pool table from stated parameters (the
 * project ships no real performance data): monthly vintages of 6-month level-pay credit loans at
 * 18%, defaulting at 0.5%, 2%, 3%, 3%, 2.5% and 2% a year in months 1 to 6 on book, each vintage's
 * rates times a lognormal multiplier of mean 1 and cv {@code --cv}, prepaying at 20% a year,
 * recovering 10% of defaults 6 months later: Deal A's credit-loan assumptions, given a shape.
 */
@Command(name = "generate-vintages", mixinStandardHelpOptions = true,
    description = "Write a synthetic static-pool table (CSV) from stated parameters.")
final class GenerateVintagesCommand implements Callable<Integer> {

  static final double[] DEFAULTS = {0.005, 0.02, 0.03, 0.03, 0.025, 0.02};

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "OUT", description = "The table to write (.csv).")
  Path out;

  @Option(names = "--vintages", defaultValue = "60", paramLabel = "N",
      description = "Monthly vintages (default: ${DEFAULT-VALUE}).")
  int vintages;

  @Option(names = "--cv", defaultValue = "0.5", paramLabel = "CV",
      description = "Coefficient of variation of the vintages' default multiplier"
          + " (default: ${DEFAULT-VALUE}).")
  double cv;

  @Option(names = "--seed", defaultValue = "2013", paramLabel = "S",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--roll-rates", split = ",", paramLabel = "FALL,R1,R2,R3,CO",
      description = "Simulate the roll-rate model instead and write past-due buckets: the monthly"
          + " rate of falling 1-30 days past due (its vintage multiplier has cv --cv), the rates"
          + " of rolling on from 1-30, 31-60 and 61-90 (the rest cures) and of charge-off from"
          + " 91+ (the rest stays), as decimals.")
  double[] rollRates;

  @Override
  public Integer call() throws IOException {
    if (vintages < 2 || !(cv >= 0 && cv <= 5)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "expected --vintages of at least 2 and 0 <= --cv <= 5");
    }
    if (rollRates != null && (rollRates.length != 5
        || java.util.Arrays.stream(rollRates).anyMatch(r -> !(r >= 0 && r <= 1)))) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "expected --roll-rates as five rates between 0 and 1, found "
              + java.util.Arrays.toString(rollRates));
    }
    VintageSimulator simulator = new VintageSimulator(vintages, "2013-01", 6, 0.18, DEFAULTS, 0.2,
        cv, 0.1, 6, 50_000_000);
    try {
      AtomicOutput.writeNewFile(out, part -> write(rollRates == null ? simulator.simulate(seed)
          : simulator.simulateRollRates(seed, rollRates), part));
    } catch (OutputRefusedException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s: %d vintages (seed %d, cv %s)%n",
        out, vintages, seed, cv);
    return 0;
  }

  private static void write(List<Vintage> data, Path part) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
      boolean buckets = data.get(0).pastDue() != null;
      w.write("vintage,months_on_book,original_balance,outstanding_balance,cumulative_defaults,"
          + "cumulative_prepayments,cumulative_recoveries"
          + (buckets ? ",dpd_1_30,dpd_31_60,dpd_61_90,dpd_91_plus" : "") + "\n");
      for (Vintage v : data) {
        for (int m = 1; m <= v.months(); m++) {
          w.write(String.format(Locale.ROOT, "%s,%d,%.2f,%.2f,%.2f,%.2f,%.2f", v.name(), m,
              v.originalBalance(), v.outstanding()[m - 1], v.defaults()[m - 1],
              v.prepayments()[m - 1], v.recoveries()[m - 1]));
          if (buckets) {
            for (double[] bucket : v.pastDue()) {
              w.write(String.format(Locale.ROOT, ",%.2f", bucket[m - 1]));
            }
          }
          w.write("\n");
        }
      }
    }
  }
}
