package io.absmc.cli;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A cancel flag raised when the JVM begins to exit (Ctrl-C, SIGTERM), so that a run stops between
 * blocks and removes its temporary output: the shutdown hook raises the flag, then waits (up to
 * {@link #GRACE_SECONDS}) until the command closes this, its clean-up done, before letting the JVM
 * end. Closing it removes the hook.
 */
final class CancelOnExit implements AutoCloseable {

  /** How long an exiting JVM waits for the run to clean up. */
  static final int GRACE_SECONDS = 30;

  private final AtomicBoolean flag = new AtomicBoolean();
  private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
  private final Thread hook = new Thread(() -> {
    flag.set(true);
    try {
      closed.await(GRACE_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }, "absmc-cancel");

  CancelOnExit() {
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** The flag the runner polls. */
  AtomicBoolean flag() {
    return flag;
  }

  @Override
  public void close() {
    closed.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the JVM is exiting (Ctrl-C): nothing to remove
    }
  }
}
