package dev.bankml.web;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** What the segments page needs from a fitted customer segmentation. */
public interface SegmentsSource {
  /** The behaviour features segments are profiled on, in the order of {@link Segment#profile()}. */
  List<String> profileFeatures();

  /** Every segment with its size, profile and outcomes. */
  List<Segment> segments();

  /** A sample of customers projected to two dimensions (e.g. PCA), coloured by segment. */
  List<Point> scatter();

  /** The segment of the customer with this id, or empty when no such customer is known. */
  Optional<Segment> segmentOf(String customerId);

  /** How the number of segments was chosen; empty when it was given. */
  default Optional<KEvidence> kEvidence() {
    return Optional.empty();
  }

  /** The same customers segmented into {@code k} segments; empty when this source cannot refit. */
  default Optional<SegmentsSource> refit(int k) {
    return Optional.empty();
  }

  /**
   * One customer segment.
   *
   * @param id segment number
   * @param name a readable name ("young digital spenders")
   * @param size number of customers in it
   * @param profile standardised mean of each profile feature (z-scores: segment mean against all
   *     customers, in population standard deviations)
   * @param description what sets it apart, in a sentence; empty when unknown
   * @param defaultRate share of its borrowers who defaulted on a loan; empty when unknown
   * @param income median annual income; NaN when unknown
   * @param topProducts the products most of its customers hold, with that share
   * @param topSpending the spending categories taking most of its money, with their share of spending
   */
  record Segment(int id, String name, long size, double[] profile, String description, OptionalDouble defaultRate,
      double income, List<Share> topProducts, List<Share> topSpending) {
    /** Copies the lists. */
    public Segment {
      topProducts = List.copyOf(topProducts);
      topSpending = List.copyOf(topSpending);
    }

    /** A segment with only a name, size and profile. */
    public Segment(int id, String name, long size, double[] profile) {
      this(id, name, size, profile, "", OptionalDouble.empty(), Double.NaN, List.of(), List.of());
    }
  }

  /** Something a segment has with its share of customers or of spending, 0 to 1. */
  record Share(String label, double share) {}

  /** One customer in the 2-D projection; {@code customerId} empty when the sample does not say. */
  record Point(double x, double y, int segment, String customerId) {
    /** A point without a customer id. */
    public Point(double x, double y, int segment) {
      this(x, y, segment, "");
    }
  }

  /**
   * The evidence behind the number of segments.
   *
   * @param chosen the k chosen
   * @param rule the rule in words
   * @param candidates every k tried with its criteria
   * @param votes what each criterion picked
   */
  record KEvidence(int chosen, String rule, List<KCandidate> candidates, List<Vote> votes) {
    /** Copies the lists. */
    public KEvidence {
      candidates = List.copyOf(candidates);
      votes = List.copyOf(votes);
    }
  }

  /**
   * One k tried: inertia (elbow), silhouette, Davies–Bouldin, Calinski–Harabasz and prediction
   * strength (0 to 1; at least 0.8 means every segment is reproducible); NaN when not computed.
   */
  record KCandidate(int k, double inertia, double silhouette, double daviesBouldin, double calinskiHarabasz,
      double predictionStrength) {
    /** A candidate without a prediction strength. */
    public KCandidate(int k, double inertia, double silhouette, double daviesBouldin, double calinskiHarabasz) {
      this(k, inertia, silhouette, daviesBouldin, calinskiHarabasz, Double.NaN);
    }
  }

  /** One criterion's pick. */
  record Vote(String criterion, int k) {}
}
