/**
 * The deal as the user wrote it: immutable, validated records (calendar, pool segments, revolving
 * purchase, structure, triggers and waterfall) and the loader that reads them from a YAML scenario
 * file, reporting every problem with file, line and field path. The next stage,
 * {@code io.absmc.resolve}, turns a {@link io.absmc.scenario.Scenario} into flat arrays.
 */
package io.absmc.scenario;
