package io.absmc.io;

import java.io.IOException;

/**
 * An output folder that cannot be written: another run is writing it (or a folder it is in, or
 * one in it), it is a file or inside one, or it is the file system's root. The message says which,
 * for the user; nothing has been written.
 */
public final class OutputRefusedException extends IOException {

  private static final long serialVersionUID = 1L;

  public OutputRefusedException(String message) {
    super(message);
  }
}
