package dev.bankml.web;

import dev.bankml.report.ChartImage;
import java.util.List;
import java.util.Optional;

/** What the segments page needs from a fitted customer segmentation. */
public interface SegmentsSource {
  /** The behaviour features segments are profiled on, in the order of {@link Segment#profile()}. */
  List<String> profileFeatures();

  /** Every segment with its size and profile. */
  List<Segment> segments();

  /** A sample of customers projected to two dimensions (e.g. PCA), coloured by segment. */
  List<Point> scatter();

  /** The segment of the customer with this id, or empty when no such customer is known. */
  Optional<Segment> segmentOf(String customerId);

  /**
   * The page's charts; by default the scatter, profile heat map and sizes drawn from this source's
   * data. A real segmentation overrides it with its own (elbow and silhouette curves included).
   */
  default List<ChartImage> charts() {
    return PageCharts.segments(this);
  }

  /**
   * One customer segment.
   *
   * @param id segment number
   * @param name a readable name ("young digital spenders")
   * @param size number of customers in it
   * @param profile standardised mean of each profile feature (z-scores)
   */
  record Segment(int id, String name, long size, double[] profile) {}

  /** One customer in the 2-D projection. */
  record Point(double x, double y, int segment) {}
}
