/**
 * absmc as a library: load a scenario, set up a run, read its statistics, and optionally write the
 * same Parquet files as {@code absmc run}. The command line and the Spark runner run deals through
 * this package.
 *
 * <pre>{@code
 * RunResult result = Run.of(Path.of("scenarios/ali-microloan-deal-a.yaml"))
 *     .stress("defaults=x2,recovery=-20%")
 *     .paths(20_000)
 *     .call();
 * TrancheStatistics senior = result.tranche("Senior");
 * }</pre>
 *
 * <p>Its types: {@link io.absmc.api.Scenarios} (loading scenario and stress files), {@link
 * io.absmc.api.Run} (the settings of a run), {@link io.absmc.api.Plan} (a checked run, ready to
 * go, which can be shipped to other JVMs), {@link io.absmc.api.RunResult} (what a run found) and
 * {@link io.absmc.api.Batch} (a run's deal under every scenario of a stress file).
 * The results are the records of {@code io.absmc.stats}: {@link
 * io.absmc.stats.TrancheStatistics}, {@link io.absmc.stats.PoolStatistics} and {@link
 * io.absmc.stats.TriggerStatistics}, each estimate with its standard error and 95% interval.
 *
 * <p>Bad input is a {@link io.absmc.scenario.ScenarioException} whose problems name the file, line
 * and field; a bad setting is an {@link IllegalArgumentException} naming the setting.
 */
package io.absmc.api;
