/**
 * Resolution: a {@link io.absmc.scenario.Scenario} and a {@link io.absmc.resolve.Stress} become a
 * {@link io.absmc.resolve.ResolvedDeal}, flat arrays indexed by period, segment, tranche, fee and
 * trigger, which is all the engine reads.
 */
package io.absmc.resolve;
