package dev.bankml.models.spi;

import dev.bankml.features.FeatureMatrix;

/** The nearest-centroid arithmetic that every centroid-based {@link Clustering} of every backend shares. */
public final class Centroids {
  private Centroids() {}

  /**
   * The index of the centroid nearest (squared Euclidean distance) to the row {@code v[offset ..
   * offset + d)}, d being the centroids' length; the first of equally near ones.
   */
  public static int nearest(double[][] centroids, double[] v, int offset) {
    return nearest(centroids, v, offset, null);
  }

  /** As {@link #nearest(double[][], double[], int)}, also writing the squared distance to {@code distOut[0]} when given. */
  public static int nearest(double[][] centroids, double[] v, int offset, double[] distOut) {
    int best = 0;
    double bestD = Double.POSITIVE_INFINITY;
    for (int c = 0; c < centroids.length; c++) {
      double[] m = centroids[c];
      double d = 0;
      for (int j = 0; j < m.length; j++) {
        double e = v[offset + j] - m[j];
        d += e * e;
      }
      if (d < bestD) {
        bestD = d;
        best = c;
      }
    }
    if (distOut != null) {
      distOut[0] = bestD;
    }
    return best;
  }

  /**
   * The index of the nearest centroid of every row of {@code x}, as {@link #nearest(double[][], double[], int)}
   * picks it; the caller has checked that the rows have the centroids' length.
   */
  public static int[] nearest(double[][] centroids, FeatureMatrix x) {
    double[] v = x.rowMajorValues();
    int cols = x.cols();
    int[] out = new int[x.rows()];
    for (int i = 0; i < out.length; i++) {
      out[i] = nearest(centroids, v, i * cols);
    }
    return out;
  }

  /** A deep copy of {@code centroids}, for a fitted clustering to hand out without sharing its arrays. */
  public static double[][] copy(double[][] centroids) {
    double[][] copy = new double[centroids.length][];
    for (int c = 0; c < copy.length; c++) {
      copy[c] = centroids[c].clone();
    }
    return copy;
  }
}
