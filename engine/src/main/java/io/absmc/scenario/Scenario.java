package io.absmc.scenario;

import io.absmc.util.Check;
import java.util.List;
import java.util.Optional;

/**
 * A deal as the user wrote it: dates, pool, revolving purchase, structure, triggers and waterfall,
 * with the base-case assumptions. Immutable; {@code io.absmc.resolve.Resolver} turns it into flat
 * period-indexed arrays for the engine.
 *
 * @param name short name for reports
 * @param description free text
 * @param calendar dates
 * @param pool the initial pool
 * @param revolving revolving purchase, if the deal revolves
 * @param structure securities, fees, guarantee and reserve
 * @param triggers early-warning triggers
 * @param waterfall priority of payments by deal state
 */
public record Scenario(String name, String description, Calendar calendar, Pool pool,
    Optional<Revolving> revolving, Structure structure, List<Trigger> triggers,
    Waterfall waterfall) {

  public Scenario {
    Check.notBlank("name", name);
    Check.notNull("description", description);
    Check.notNull("calendar", calendar);
    Check.notNull("pool", pool);
    Check.notNull("revolving", revolving);
    Check.notNull("structure", structure);
    triggers = List.copyOf(triggers);
    Check.notNull("waterfall", waterfall);
  }

  /** Number of payment periods from closing to legal final. */
  public int periods() {
    return calendar.paymentDates().size();
  }
}
