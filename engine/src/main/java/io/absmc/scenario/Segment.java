package io.absmc.scenario;

import io.absmc.util.Check;

/**
 * A homogeneous part of the initial pool: loans of one kind, size and age.
 *
 * @param name e.g. {@code credit_loan}, {@code order_loan}
 * @param balance outstanding principal in RMB at closing (0 for a kind of loan only bought later)
 * @param averageBalance average outstanding principal per loan in RMB (sets the loan count)
 * @param term contractual term
 * @param seasoningDays days since origination at closing (less than the term)
 * @param amortisation how principal is repaid
 * @param annualRate the loans' annual interest rate
 * @param prepaymentInterest what a loan repaid early pays besides its principal
 * @param performance base-case defaults, prepayments and recoveries
 */
public record Segment(String name, double balance, double averageBalance, Term term,
    int seasoningDays, Amortisation amortisation, double annualRate,
    PrepaymentInterest prepaymentInterest, Performance performance) {

  public Segment {
    Check.notBlank("name", name);
    Check.nonNegative("balance", balance);
    Check.positive("averageBalance", averageBalance);
    Check.notNull("term", term);
    Check.notNull("amortisation", amortisation);
    Check.notNull("prepaymentInterest", prepaymentInterest);
    Check.notNull("performance", performance);
    Check.inRange("annualRate", annualRate, 0, 10);
    Check.isTrue(seasoningDays >= 0 && seasoningDays < term.longestDays(),
        "seasoning of " + seasoningDays + " days must be below the term of " + term);
    Check.isTrue(!amortisation.isInstalment() || term.inMonths(),
        amortisation.label() + " loans pay monthly instalments, so their term must be given in months");
  }

  /** Number of loans (may be fractional where balance is not a multiple of the average). */
  public double loanCount() {
    return balance / averageBalance;
  }
}
