package io.absmc.calibrate;

import io.absmc.scenario.Amortisation;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Synthetic static-pool data from stated parameters, for the calibration's tests and the example
 * data set: monthly vintages of level-pay loans, each vintage's monthly default probabilities the
 * base ones by month on book times a lognormal multiplier of mean 1 (its systematic draw), a
 * constant monthly prepayment probability, recoveries of a fixed share a fixed number of months
 * after the default. Large pools: a vintage's amounts are the expected amounts given its
 * multiplier. Observed as a triangle: vintage i (of n, oldest first) is seen for
 * {@code min(termMonths + lag, n - i)} months.
 *
 * @param vintages number of monthly vintages
 * @param firstVintage the first origination month, {@code yyyy-MM}
 * @param termMonths the loans' term
 * @param annualRate the loans' interest rate (monthly instalments at rate / 12)
 * @param annualDefault base annual default rate by month on book (the last holds after)
 * @param annualPrepayment constant annual full-prepayment rate
 * @param defaultCv coefficient of variation of the vintages' default multiplier
 * @param recoveryRate share of defaulted principal recovered
 * @param recoveryLag months from default to recovery
 * @param balance principal originated per vintage
 */
public record VintageSimulator(int vintages, String firstVintage, int termMonths,
    double annualRate, double[] annualDefault, double annualPrepayment, double defaultCv,
    double recoveryRate, int recoveryLag, double balance) {

  /** The vintages, oldest first, drawn with {@code seed}. */
  public List<Vintage> simulate(long seed) {
    UniformRandomProvider rng = new XoRoShiRo128PlusPlus(new long[] {seed, 0x632BE59BD9B4E019L});
    ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
    double sigma = Math.sqrt(Math.log1p(defaultCv * defaultCv));
    double prepay = 1 - Math.pow(1 - annualPrepayment, 1.0 / 12);
    double i = annualRate / 12;
    java.time.YearMonth first = java.time.YearMonth.parse(firstVintage);
    List<Vintage> out = new ArrayList<>();
    for (int v = 0; v < vintages; v++) {
      double multiplier = Math.exp(sigma * normal.sample() - 0.5 * sigma * sigma);
      int seen = Math.min(termMonths + recoveryLag, vintages - v);
      double[] outstanding = new double[seen];
      double[] defaults = new double[seen];
      double[] prepayments = new double[seen];
      double[] recoveries = new double[seen];
      double[] defaultedIn = new double[termMonths + recoveryLag + 1];
      double b = balance;
      double cumD = 0;
      double cumP = 0;
      double cumR = 0;
      for (int m = 1; m <= seen; m++) {
        if (m <= termMonths && b > 0) {
          double q = Math.min(1, multiplier * monthly(annualDefault[Math.min(m,
              annualDefault.length) - 1]));
          double d = b * q;
          b -= d;
          double p = b * prepay;
          b -= p;
          b -= Amortisation.LEVEL_PAYMENT.principalDue(b, i, termMonths - m + 1);
          cumD += d;
          cumP += p;
          defaultedIn[m] = d;
        }
        if (m - recoveryLag >= 1) {
          cumR += recoveryRate * defaultedIn[m - recoveryLag];
        }
        outstanding[m - 1] = Math.max(0, b);
        defaults[m - 1] = cumD;
        prepayments[m - 1] = cumP;
        recoveries[m - 1] = cumR;
      }
      out.add(new Vintage(first.plusMonths(v).toString(), balance, outstanding, defaults,
          prepayments, recoveries));
    }
    return out;
  }

  /**
   * Vintages on the roll-rate model instead, with past-due buckets: at each monthly due date a
   * current loan falls 1-30 days past due with probability {@code flows[0]} times the vintage's
   * lognormal multiplier (mean 1, cv {@code defaultCv}), a loan 1-30, 31-60 or 61-90 days past due
   * rolls to the next bucket with {@code flows[1..3]} and otherwise cures (paying what it missed),
   * a loan 91+ days past due is charged off with {@code flows[4]} and otherwise stays; current
   * loans prepay in full with the monthly prepayment probability first. A past-due loan owes the
   * principal it had when it first missed a payment; after the term, current loans are repaid and
   * past-due ones go on rolling. The base annual default rate is not used. Observed for
   * {@code min(termMonths + 12 + recoveryLag, n - i)} months.
   */
  public List<Vintage> simulateRollRates(long seed, double[] flows) {
    UniformRandomProvider rng = new XoRoShiRo128PlusPlus(new long[] {seed, 0x632BE59BD9B4E019L});
    ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
    double sigma = Math.sqrt(Math.log1p(defaultCv * defaultCv));
    double prepay = 1 - Math.pow(1 - annualPrepayment, 1.0 / 12);
    double[] scheduled = schedule();
    java.time.YearMonth first = java.time.YearMonth.parse(firstVintage);
    List<Vintage> out = new ArrayList<>();
    for (int v = 0; v < vintages; v++) {
      double entry = Math.min(1, flows[0] * Math.exp(sigma * normal.sample() - 0.5 * sigma * sigma));
      int seen = Math.min(termMonths + 12 + recoveryLag, vintages - v);
      double[] outstanding = new double[seen];
      double[] defaults = new double[seen];
      double[] prepayments = new double[seen];
      double[] recoveries = new double[seen];
      double[][] pastDue = new double[4][seen];
      double[] defaultedIn = new double[seen + 1];
      double current = 1;
      double[] count = new double[4];
      double[] owed = new double[4];
      double cumD = 0;
      double cumP = 0;
      double cumR = 0;
      for (int m = 1; m <= seen; m++) {
        double per = scheduled[Math.min(m - 1, termMonths)];
        double[] nextCount = new double[4];
        double[] nextOwed = new double[4];
        double cured = 0;
        if (m <= termMonths) {
          double p = current * prepay;
          cumP += p * per * balance;
          current -= p;
          double fall = current * entry;
          current -= fall;
          nextCount[0] = fall;
          nextOwed[0] = fall * per;
        }
        for (int k = 0; k < 3; k++) {
          nextCount[k + 1] += count[k] * flows[k + 1];
          nextOwed[k + 1] += owed[k] * flows[k + 1];
          cured += count[k] * (1 - flows[k + 1]);
        }
        double chargedOff = owed[3] * flows[4];
        nextCount[3] += count[3] * (1 - flows[4]);
        nextOwed[3] += owed[3] * (1 - flows[4]);
        current = m < termMonths ? current + cured : 0;
        count = nextCount;
        owed = nextOwed;
        cumD += chargedOff * balance;
        defaultedIn[m] = chargedOff * balance;
        if (m - recoveryLag >= 1) {
          cumR += recoveryRate * defaultedIn[m - recoveryLag];
        }
        double due = 0;
        for (int k = 0; k < 4; k++) {
          pastDue[k][m - 1] = owed[k] * balance;
          due += owed[k];
        }
        double after = m < termMonths ? scheduled[m] : 0;
        outstanding[m - 1] = (current * after + due) * balance;
        defaults[m - 1] = cumD;
        prepayments[m - 1] = cumP;
        recoveries[m - 1] = cumR;
      }
      out.add(new Vintage(first.plusMonths(v).toString(), balance, outstanding, defaults,
          prepayments, recoveries, pastDue));
    }
    return out;
  }

  /** A level-pay loan's scheduled principal per unit originated at the end of months 0..term. */
  private double[] schedule() {
    double[] b = new double[termMonths + 1];
    b[0] = 1;
    for (int m = 1; m <= termMonths; m++) {
      b[m] = b[m - 1] - Amortisation.LEVEL_PAYMENT.principalDue(b[m - 1], annualRate / 12,
          termMonths - m + 1);
    }
    return b;
  }


  /** The monthly probability of an annual rate: 1 - (1 - r)^(1/12). */
  static double monthly(double annualRate) {
    return 1 - Math.pow(1 - annualRate, 1.0 / 12);
  }
}
