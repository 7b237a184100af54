/**
 * File plumbing: outputs that appear complete or not at all, and the Parquet files users bring.
 */
package io.absmc.io;
