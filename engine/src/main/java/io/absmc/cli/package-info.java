/**
 * The {@code absmc} command line (picocli): one {@code Callable} per command; only
 * {@link io.absmc.cli.Main#main} exits the JVM.
 */
package io.absmc.cli;
