package io.absmc.report;

/**
 * A folder or file a report cannot be made from: not an absmc output folder, a missing or
 * unreadable file, a column it needs is absent. The message names the file.
 */
public final class ReportException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ReportException(String message) {
    super(message);
  }
}
