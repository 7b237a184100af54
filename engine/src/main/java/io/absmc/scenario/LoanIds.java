package io.absmc.scenario;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The loan ids of a tape seen so far, as 64-bit fingerprints in an open-addressing table: 16 bytes
 * a loan instead of a hundred for a set of strings. Two ids with one fingerprint are only
 * suspected duplicates ({@link #suspects}); the tape is read again to confirm them by their text,
 * so a fingerprint collision (about one chance in a million for five million distinct ids) never
 * reports a duplicate that is not one.
 */
final class LoanIds {

  private static final long EMPTY = 0;

  private long[] table = new long[1 << 16];
  private int size;
  /** Fingerprints seen twice; null until one is. */
  private LoanIds suspects;

  /** The fingerprint of an id's UTF-8 bytes (never 0: 0 marks an empty slot). */
  static long fingerprint(String id) {
    return fingerprint(ByteBuffer.wrap(id.getBytes(StandardCharsets.UTF_8)));
  }

  /** The fingerprint of the bytes between a buffer's position and limit. */
  static long fingerprint(ByteBuffer bytes) {
    long h = 0x9E3779B97F4A7C15L ^ bytes.remaining();
    for (int i = bytes.position(); i < bytes.limit(); i++) {
      h = (h ^ (bytes.get(i) & 0xFF)) * 0xBF58476D1CE4E5B9L;
      h ^= h >>> 29;
    }
    h ^= h >>> 32;
    h *= 0x94D049BB133111EBL;
    h ^= h >>> 29;
    return h == EMPTY ? 1 : h;
  }

  /** Records a fingerprint; false when it was seen before (then it is a suspect). */
  boolean add(long fp) {
    if (contains(fp)) {
      if (suspects == null) {
        suspects = new LoanIds();
      }
      suspects.insert(fp);
      return false;
    }
    insert(fp);
    return true;
  }

  boolean contains(long fp) {
    int mask = table.length - 1;
    for (int i = (int) (fp ^ (fp >>> 32)) & mask; ; i = (i + 1) & mask) {
      long v = table[i];
      if (v == EMPTY) {
        return false;
      }
      if (v == fp) {
        return true;
      }
    }
  }

  private void insert(long fp) {
    if (2 * (size + 1) > table.length) {
      long[] old = table;
      table = new long[old.length * 2];
      size = 0;
      for (long v : old) {
        if (v != EMPTY) {
          insert(v);
        }
      }
    }
    int mask = table.length - 1;
    int i = (int) (fp ^ (fp >>> 32)) & mask;
    while (table[i] != EMPTY) {
      if (table[i] == fp) {
        return;
      }
      i = (i + 1) & mask;
    }
    table[i] = fp;
    size++;
  }

  /** Fingerprints seen more than once, or null when none was. */
  LoanIds suspects() {
    return suspects;
  }
}
