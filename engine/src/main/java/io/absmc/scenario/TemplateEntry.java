package io.absmc.scenario;

import io.absmc.util.Check;

/**
 * One kind of loan bought while revolving: a pool segment's loans, with optional changes to their
 * terms and multipliers on their base performance (the asset quality of reinvested loans).
 *
 * @param segment name of the pool segment whose loans are bought
 * @param share share of each purchase spent on this kind (the template's shares add up to 1)
 * @param term the new loans' term
 * @param annualRate the new loans' annual interest rate
 * @param defaultMultiplier multiplies the segment's annual default rate for the new loans
 * @param prepaymentMultiplier multiplies the segment's annual prepayment rate for the new loans
 */
public record TemplateEntry(String segment, double share, Term term, double annualRate,
    double defaultMultiplier, double prepaymentMultiplier) {

  public TemplateEntry {
    Check.notBlank("segment", segment);
    Check.inRange("share", share, 0, 1);
    Check.notNull("term", term);
    Check.inRange("annualRate", annualRate, 0, 10);
    Check.nonNegative("defaultMultiplier", defaultMultiplier);
    Check.nonNegative("prepaymentMultiplier", prepaymentMultiplier);
  }
}
