/**
 * The path engine: the pool as cohorts in flat arrays ({@code CohortPool}), the deal's accounts and
 * tranches ({@code DealBook}) and the data-driven waterfall ({@code WaterfallRunner}), stepped
 * together one period at a time by {@link io.absmc.engine.PathEngine}. How many loans default or
 * prepay is supplied by a {@link io.absmc.engine.PerformanceDriver}; the engine does not know
 * whether it is drawn or expected.
 */
package io.absmc.engine;
