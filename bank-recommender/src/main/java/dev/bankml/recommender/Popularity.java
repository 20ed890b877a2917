package dev.bankml.recommender;

import java.util.Arrays;

/**
 * Share of customers holding each item, globally and per segment; the cold-start answer and the
 * baseline every recommender is compared with. Immutable.
 */
public final class Popularity {
  private final double[] global;
  private final double[][] bySegment;
  private final int[] globalOrder;
  private final int[][] segmentOrder;

  Popularity(double[] global, double[][] bySegment) {
    this.global = global;
    this.bySegment = bySegment;
    this.globalOrder = order(global);
    this.segmentOrder = new int[bySegment.length][];
    for (int s = 0; s < bySegment.length; s++) {
      segmentOrder[s] = order(bySegment[s]);
    }
  }

  /**
   * Popularity in {@code m}; per segment too when {@code segments} gives each customer's segment
   * (0-based), or global only when it is empty.
   */
  public static Popularity of(InteractionMatrix m, int[] segments) {
    int n = m.items();
    double[] global = new double[n];
    for (int i = 0; i < n; i++) {
      global[i] = m.customers() == 0 ? 0 : (double) m.itemSupport(i) / m.customers();
    }
    if (segments.length == 0) {
      return new Popularity(global, new double[0][]);
    }
    if (segments.length != m.customers()) {
      throw new RecommenderInputException(
          "got " + segments.length + " segment labels for " + m.customers()
              + " customers; give one per customer, or none");
    }
    int count = 0;
    for (int c = 0; c < segments.length; c++) {
      if (segments[c] < 0) {
        throw new RecommenderInputException(
            "segment of customer " + c + " is " + segments[c] + "; segments are numbered from 0");
      }
      count = Math.max(count, segments[c] + 1);
    }
    double[][] seg = new double[count][n];
    int[] size = new int[count];
    int[] rowPtr = m.rowPtr();
    int[] rowItems = m.rowItems();
    for (int c = 0; c < segments.length; c++) {
      size[segments[c]]++;
      for (int p = rowPtr[c]; p < rowPtr[c + 1]; p++) {
        seg[segments[c]][rowItems[p]]++;
      }
    }
    for (int s = 0; s < count; s++) {
      for (int i = 0; i < n; i++) {
        seg[s][i] = size[s] == 0 ? global[i] : seg[s][i] / size[s];
      }
    }
    return new Popularity(global, seg);
  }

  private static int[] order(double[] pop) {
    long[] keys = new long[pop.length];
    for (int i = 0; i < pop.length; i++) {
      long bits = Double.doubleToLongBits(pop[i]) >>> 31; // non-negative: order-preserving, fits 33 bits
      keys[i] = ((Long.MAX_VALUE >>> 31) - bits) << 30 | i;
    }
    Arrays.sort(keys);
    int[] out = new int[pop.length];
    for (int p = 0; p < out.length; p++) {
      out[p] = (int) (keys[p] & ((1 << 30) - 1));
    }
    return out;
  }

  /** Number of segments with their own popularity (0 when only global). */
  public int segments() {
    return bySegment.length;
  }

  /** Share of all customers holding each item (a copy). */
  public double[] global() {
    return global.clone();
  }

  /** Share of segment {@code s}'s customers holding each item (a copy). */
  public double[] ofSegment(int s) {
    checkSegment(s);
    return bySegment[s].clone();
  }

  private void checkSegment(int s) {
    if (s < 0 || s >= bySegment.length) {
      throw new RecommenderInputException(
          "segment " + s + " is unknown; this popularity has segments 0.." + (bySegment.length - 1));
    }
  }

  /** Popularity values seen by a customer of segment {@code s}; global when {@code s} is negative or unknown. */
  double[] valuesFor(int s) {
    return s >= 0 && s < bySegment.length ? bySegment[s] : global;
  }

  /** Items by popularity for segment {@code s} (most popular first); global when unknown. */
  int[] orderFor(int s) {
    return s >= 0 && s < segmentOrder.length ? segmentOrder[s] : globalOrder;
  }

  double[][] bySegmentArray() {
    return bySegment;
  }

  double[] globalArray() {
    return global;
  }
}
