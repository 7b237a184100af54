package io.absmc.scenario;

import io.absmc.util.Check;
import java.io.Serializable;

/**
 * The Monte Carlo assumptions of a pool: how defaults, prepayments and recoveries vary from path to
 * path around the base case. The expected-value path ignores them.
 *
 * @param defaults the default model
 * @param assetCorrelation Vasicek rho of segments that do not give their own, in [0, 1)
 * @param annualFactorAutocorrelation phi in [0, 1]: the correlation of the default factors of two
 *     vintages (loans started on two days) a year apart is phi, d days apart phi^(d/365); 1 = one
 *     factor for the whole deal, 0 = a factor of its own for every vintage
 * @param defaultCv lognormal model: coefficient of variation of the default multiplier (> 0)
 * @param prepaymentVolatility sigma of the per-path lognormal prepayment multiplier (mean 1)
 * @param prepaymentCorrelation correlation of the prepayment multiplier's normal with the default
 *     factor; positive means prepayments rise when defaults rise
 * @param recoverySd standard deviation of the per-path Beta recovery rate (mean: the segment's
 *     recovery rate); 0 = fixed recoveries
 * @param recoveryLoading in [0, 1): how strongly recoveries fall when defaults are high (the
 *     Gaussian-copula loading of the recovery draw on the default factor)
 */
public record CreditModel(DefaultModel defaults, double assetCorrelation,
    double annualFactorAutocorrelation, double defaultCv, double prepaymentVolatility,
    double prepaymentCorrelation, double recoverySd, double recoveryLoading)
    implements Serializable {

  /** Used when a scenario gives no model: Vasicek, rho 10%, one factor for the life of the deal. */
  public static final CreditModel DEFAULT = new CreditModel(DefaultModel.VASICEK, 0.10, 1, 0, 0, 0,
      0, 0);

  public CreditModel {
    Check.notNull("defaults", defaults);
    Check.inRange("assetCorrelation", assetCorrelation, 0, 0.999);
    Check.inRange("annualFactorAutocorrelation", annualFactorAutocorrelation, 0, 1);
    Check.isTrue(defaults != DefaultModel.LOGNORMAL || defaultCv > 0,
        "the lognormal default model needs a default_cv above 0");
    Check.inRange("defaultCv", defaultCv, 0, 10);
    Check.inRange("prepaymentVolatility", prepaymentVolatility, 0, 5);
    Check.inRange("prepaymentCorrelation", prepaymentCorrelation, -1, 1);
    Check.inRange("recoverySd", recoverySd, 0, 0.5);
    Check.inRange("recoveryLoading", recoveryLoading, 0, 0.999);
  }
}
