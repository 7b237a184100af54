/**
 * Result files: Parquet tables of documented columns with provenance metadata, written with
 * Parquet-MR, complete or not at all.
 */
package io.absmc.output;
