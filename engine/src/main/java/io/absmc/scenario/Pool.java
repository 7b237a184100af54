package io.absmc.scenario;

import io.absmc.util.Check;
import java.util.List;

/**
 * The initial pool bought at closing, as segments.
 *
 * @param segments at least one; names unique
 */
public record Pool(List<Segment> segments) {

  public Pool {
    segments = List.copyOf(segments);
    Check.isTrue(!segments.isEmpty(), "a pool needs at least one segment");
    Check.isTrue(segments.stream().map(Segment::name).distinct().count() == segments.size(),
        "segment names must be unique");
  }

  /** Total outstanding principal at closing in RMB. */
  public double balance() {
    return segments.stream().mapToDouble(Segment::balance).sum();
  }

  /** The segment of that name, or null. */
  public Segment segment(String name) {
    return segments.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
  }
}
