package io.absmc.engine;

/**
 * The deterministic driver: every cohort loses exactly its expected number of loans,
 * {@code loans * probability}. Runs the expected-value path that {@code absmc cashflows} prints, the
 * limit a Monte Carlo mean approaches as correlation goes to zero. Stateless and thread-safe.
 */
public final class ExpectedValueDriver implements PerformanceDriver {

  public static final ExpectedValueDriver INSTANCE = new ExpectedValueDriver();

  private ExpectedValueDriver() {
  }

  @Override
  public double defaults(int segment, double loans, double probability) {
    return loans * probability;
  }

  @Override
  public double prepayments(int segment, double loans, double probability) {
    return loans * probability;
  }
}
