package io.absmc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The absmc version, from the properties file Maven writes at build time. */
public final class Version implements IVersionProvider {

  /** The project version, e.g. {@code 0.1.0-SNAPSHOT}. */
  public static String version() {
    return build().getProperty("version", "unknown");
  }

  /** What the build recorded: version, git commit, library versions. */
  public static Properties build() {
    Properties p = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("/io/absmc/version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // an unreadable resource leaves the properties empty: "unknown" below
    }
    return p;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"absmc " + version(), "Java " + System.getProperty("java.version")};
  }
}
