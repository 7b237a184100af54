package io.absmc.scenario;

import io.absmc.util.Check;
import java.util.List;

/**
 * The initial pool bought at closing.
 *
 * <p>{@code kinds} are the kinds of loan as the scenario names them ({@code credit_loan},
 * {@code order_loan}): terms, rate and performance, which the revolving template refers to by name.
 * {@code segments} are the homogeneous parts of the pool at closing. Written inline, each kind is
 * one segment; from a loan tape, each kind is split into strata of equal term and similar age
 * (named {@code kind#n}) that carry the kind's performance.
 *
 * @param kinds at least one; names unique
 * @param segments at least one; names unique
 * @param model the Monte Carlo assumptions
 * @param tape the loan tape's stratification, when the pool comes from one
 */
public record Pool(List<Segment> kinds, List<Segment> segments, CreditModel model,
    java.util.Optional<TapeStratification> tape) {

  /** A pool without a loan tape. */
  public Pool(List<Segment> kinds, List<Segment> segments, CreditModel model) {
    this(kinds, segments, model, java.util.Optional.empty());
  }

  public Pool {
    Check.notNull("model", model);
    Check.notNull("tape", tape);
    kinds = List.copyOf(kinds);
    segments = List.copyOf(segments);
    Check.isTrue(!kinds.isEmpty() && !segments.isEmpty(), "a pool needs at least one segment");
    Check.isTrue(kinds.stream().map(Segment::name).distinct().count() == kinds.size(),
        "segment names must be unique");
    Check.isTrue(segments.stream().map(Segment::name).distinct().count() == segments.size(),
        "segment names must be unique");
  }

  /** A pool written inline, with the default Monte Carlo model: each kind of loan is one segment. */
  public static Pool of(List<Segment> segments) {
    return new Pool(segments, segments, CreditModel.DEFAULT);
  }

  /** Total outstanding principal at closing in RMB. */
  public double balance() {
    return segments.stream().mapToDouble(Segment::balance).sum();
  }

  /** The kind of loan of that name, or null. */
  public Segment kind(String name) {
    return kinds.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
  }
}
