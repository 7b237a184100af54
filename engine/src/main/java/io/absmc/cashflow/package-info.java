/**
 * Deterministic (expected-value) runs: the path's per-tranche summary (received, gain against the
 * amount paid in, shortfall against the amount promised, WAL, IRR), the tables printed by
 * {@code absmc cashflows} and the CSV files it writes.
 */
package io.absmc.cashflow;
