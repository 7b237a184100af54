package io.absmc.rating;

import io.absmc.scenario.ScenarioException;
import io.absmc.scenario.yaml.InputText;
import io.absmc.util.Decimal;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * An idealized table by rating and horizon (cumulative expected loss or default probability at 1 to
 * 10 years), and the model-indicated rating it gives: the best rating whose idealized value at the
 * tranche's WAL is at or above the tranche's measure (R5 in docs/reference-values.md). Between whole years the
 * value is interpolated linearly; below one year linearly from 0; beyond ten years the ten-year
 * value holds. Immutable and thread-safe.
 *
 * @param name what the table is, for reports
 * @param source where it came from (bundled resource, or a file and its SHA-256)
 * @param ratings rating names, best first
 * @param values values as fractions (the files hold percent), {@code values[rating][year - 1]}
 */
public record IdealizedTable(String name, String source, List<String> ratings,
    double[][] values) implements Serializable {

  /** Years in a table. */
  public static final int YEARS = 10;

  /** The bundled Moody's idealized expected-loss table. */
  public static IdealizedTable bundledExpectedLoss() {
    return bundled("moodys-idealized-el.csv", "Moody's idealized expected loss");
  }

  /** The bundled Moody's idealized default-probability table. */
  public static IdealizedTable bundledDefaultProbability() {
    return bundled("moodys-idealized-pd.csv", "Moody's idealized default probability");
  }

  private static IdealizedTable bundled(String resource, String name) {
    try (InputStream in = IdealizedTable.class.getResourceAsStream(resource)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return parse(text, name, "bundled " + resource + " (see its PROVENANCE.md)", resource);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A user's table (same layout), with the file's SHA-256 as its provenance. */
  public static IdealizedTable load(Path file, String name) {
    try {
      String text = InputText.read(file);
      String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
          Files.readAllBytes(file)));
      return parse(text, name, file + " (sha256 " + sha + ")", file.toString());
    } catch (IOException e) {
      throw new ScenarioException(List.of(file + ": cannot read: " + e.getMessage()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Parses {@code rating,y1..y10} rows of percentages; problems name the file and line. */
  static IdealizedTable parse(String text, String name, String source, String file) {
    List<String> problems = new ArrayList<>();
    List<String> ratings = new ArrayList<>();
    List<double[]> rows = new ArrayList<>();
    String[] lines = text.split("\\R");
    if (lines.length == 0 || !lines[0].trim().replace(" ", "").startsWith("rating,y1")) {
      throw new ScenarioException(List.of(file + ":1: expected the header rating,y1,...,y10"));
    }
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i].trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split(",");
      if (cells.length != YEARS + 1) {
        problems.add(file + ":" + (i + 1) + ": expected a rating and 10 values, found "
            + (cells.length - 1) + " values");
        continue;
      }
      double[] row = new double[YEARS];
      String at = file + ":" + (i + 1) + ": ";
      boolean numbers = true;
      for (int y = 0; y < YEARS; y++) {
        double pct = Decimal.parse(cells[y + 1]);
        if (!(pct >= 0 && pct <= 100)) {
          problems.add(at + "y" + (y + 1) + ": expected a percentage from 0 to 100, found '"
              + cells[y + 1].trim() + "'");
          numbers = false;
          continue;
        }
        row[y] = pct / 100;
        if (y > 0 && numbers && row[y] < row[y - 1]) {
          problems.add(at + "y" + (y + 1) + ": cumulative values must not fall with the horizon");
        }
      }
      String rating = cells[0].trim();
      if (rating.isEmpty()) {
        problems.add(at + "expected a rating name");
      } else if (ratings.contains(rating)) {
        problems.add(at + "rating '" + rating + "' given twice");
      }
      if (numbers && !rows.isEmpty()) {
        double[] better = rows.get(rows.size() - 1);
        for (int y = 0; y < YEARS; y++) {
          if (row[y] < better[y]) {
            problems.add(at + "y" + (y + 1) + ": ratings must run from best to worst (each"
                + " value at least the better rating's)");
            break;
          }
        }
      }
      ratings.add(rating);
      rows.add(row);
    }
    if (rows.isEmpty()) {
      problems.add(file + ": no ratings");
    }
    if (!problems.isEmpty()) {
      throw new ScenarioException(problems);
    }
    return new IdealizedTable(name, source, List.copyOf(ratings), rows.toArray(new double[0][]));
  }

  /** The idealized value of a rating at a horizon of {@code years} (interpolated). */
  public double value(int rating, double years) {
    double[] v = values[rating];
    if (years >= YEARS) {
      return v[YEARS - 1];
    }
    if (years <= 1) {
      return Math.max(0, years) * v[0];
    }
    int lower = (int) Math.floor(years);
    double w = years - lower;
    return v[lower - 1] + w * (v[lower] - v[lower - 1]);
  }

  /**
   * The best rating whose idealized value at {@code walYears} is at or above {@code measure}; the
   * worst rating's name prefixed by "below " when even that is exceeded. Null when the measure or
   * WAL is not a number.
   */
  public String rating(double measure, double walYears) {
    if (Double.isNaN(measure) || Double.isNaN(walYears)) {
      return null;
    }
    for (int r = 0; r < ratings.size(); r++) {
      if (value(r, walYears) >= measure) {
        return ratings.get(r);
      }
    }
    return "below " + ratings.get(ratings.size() - 1);
  }
}
