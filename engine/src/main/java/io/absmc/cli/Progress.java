package io.absmc.cli;

import java.io.PrintWriter;

/**
 * Progress of a long run on stderr (paths done, paths/s, time left), only when stderr is a
 * terminal; at most a few updates a second. Thread-safe.
 */
final class Progress {

  private final PrintWriter err;
  private final long total;
  private final boolean enabled;
  private final long start = System.nanoTime();
  private long lastPrint;
  private boolean printed;

  Progress(PrintWriter err, long total) {
    this.err = err;
    this.total = total;
    this.enabled = System.console() != null;
  }

  synchronized void update(long done) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastPrint < 250_000_000L && done < total) {
      return;
    }
    lastPrint = now;
    double seconds = (now - start) / 1e9;
    double rate = done / Math.max(seconds, 1e-9);
    double left = (total - done) / Math.max(rate, 1e-9);
    err.printf("\r%,d / %,d paths  %,.0f paths/s  %.0f s left   ", done, total, rate, left);
    err.flush();
    printed = true;
  }

  synchronized void finish() {
    if (printed) {
      err.print("\r" + " ".repeat(70) + "\r");
      err.flush();
    }
  }
}
