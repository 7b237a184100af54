package io.absmc.cli;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A cancel flag raised when the JVM begins to exit (Ctrl-C), so that a run stops between blocks and
 * its temporary output is removed; closing it removes the shutdown hook.
 */
final class CancelOnExit implements AutoCloseable {

  private final AtomicBoolean flag = new AtomicBoolean();
  private final Thread hook = new Thread(() -> flag.set(true));

  CancelOnExit() {
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** The flag the runner polls. */
  AtomicBoolean flag() {
    return flag;
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the JVM is exiting (Ctrl-C): nothing to remove
    }
  }
}
