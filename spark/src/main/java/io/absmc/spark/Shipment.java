package io.absmc.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import org.apache.spark.broadcast.Broadcast;

/**
 * The job's definitions as one broadcast byte array, Java-serialised by absmc itself: a cluster set
 * to broadcast with Kryo ({@code spark.serializer}) could not build absmc's records, but ships
 * bytes as they are (so do the second pass's results). Each executor JVM unpacks a broadcast once and keeps the last one.
 */
final class Shipment {

  private static long unpackedId = -1;
  private static SparkRunner.Shipped unpacked;

  private Shipment() {
  }

  /** The definitions (or any of absmc's objects) as bytes. */
  static byte[] pack(Serializable shipped) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(shipped);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** An object {@link #pack}ed. */
  @SuppressWarnings("unchecked")
  static <T> T read(byte[] bytes) {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return (T) in.readObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The definitions of a broadcast, on an executor: unpacked once per JVM. */
  static synchronized SparkRunner.Shipped unpack(Broadcast<byte[]> broadcast) {
    if (unpackedId != broadcast.id()) {
      unpacked = read(broadcast.value());
      unpackedId = broadcast.id();
    }
    return unpacked;
  }
}
