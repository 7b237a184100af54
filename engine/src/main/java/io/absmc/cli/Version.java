package io.absmc.cli;

import picocli.CommandLine.IVersionProvider;

/** The absmc version, from the properties file Maven writes at build time. */
public final class Version implements IVersionProvider {

  /** The project version, e.g. {@code 0.1.0-SNAPSHOT}. */
  public static String version() {
    return io.absmc.output.Provenance.build().getProperty("version", "unknown");
  }

  @Override
  public String[] getVersion() {
    return new String[] {"absmc " + version(), "Java " + System.getProperty("java.version")};
  }
}
