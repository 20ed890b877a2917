package dev.bankml.models.metrics;

import dev.bankml.data.BankmlException;
import dev.bankml.features.FeatureMatrix;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Mean silhouette coefficient (Euclidean), in [−1, 1]: for each row, (b − a) / max(a, b) where a
 * is its mean distance to its own cluster and b to the nearest other cluster. A row alone in its
 * cluster scores 0. Noise rows are left out. Exact is O(n²); {@link #sampled} scores a seeded
 * random subset for large data.
 */
public final class Silhouette {
  /** Row count up to which {@link #auto} computes the exact value. */
  public static final int EXACT_LIMIT = 5_000;

  private Silhouette() {}

  /** The exact mean silhouette over every non-noise row. */
  public static double exact(FeatureMatrix x, int[] labels) {
    ClusterInputs.check("silhouette", x, labels);
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] >= 0) {
        rows.add(i);
      }
    }
    return onRows(x, labels, rows);
  }

  /** The silhouette of a seeded random sample of {@code sampleSize} non-noise rows. */
  public static double sampled(FeatureMatrix x, int[] labels, int sampleSize, long seed) {
    ClusterInputs.check("silhouette", x, labels);
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] >= 0) {
        rows.add(i);
      }
    }
    Collections.shuffle(rows, new Random(seed));
    return onRows(x, labels, rows.subList(0, Math.min(sampleSize, rows.size())));
  }

  /** Exact up to {@link #EXACT_LIMIT} rows, otherwise a sample of that many rows. */
  public static double auto(FeatureMatrix x, int[] labels, long seed) {
    return x.rows() <= EXACT_LIMIT ? exact(x, labels) : sampled(x, labels, EXACT_LIMIT, seed);
  }

  private static double onRows(FeatureMatrix x, int[] labels, List<Integer> rows) {
    int[] c = new int[rows.size()];
    int[] all = new int[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      all[i] = labels[rows.get(i)];
    }
    int[] compact = ClusterInputs.compact(all);
    System.arraycopy(compact, 0, c, 0, c.length);
    int k = ClusterInputs.clusterCount(c);
    if (k < 2) {
      throw new BankmlException("silhouette needs at least 2 clusters, found " + k);
    }
    int[] size = new int[k];
    for (int l : c) {
      size[l]++;
    }
    int d = x.cols();
    double total = 0;
    double[] sums = new double[k];
    for (int i = 0; i < c.length; i++) {
      java.util.Arrays.fill(sums, 0);
      int ri = rows.get(i);
      for (int j = 0; j < c.length; j++) {
        if (i == j) {
          continue;
        }
        int rj = rows.get(j);
        double s = 0;
        for (int f = 0; f < d; f++) {
          double diff = x.get(ri, f) - x.get(rj, f);
          s += diff * diff;
        }
        sums[c[j]] += Math.sqrt(s);
      }
      if (size[c[i]] == 1) {
        continue; // silhouette 0 by convention
      }
      double a = sums[c[i]] / (size[c[i]] - 1);
      double b = Double.POSITIVE_INFINITY;
      for (int other = 0; other < k; other++) {
        if (other != c[i] && size[other] > 0) {
          b = Math.min(b, sums[other] / size[other]);
        }
      }
      double m = Math.max(a, b);
      total += m == 0 ? 0 : (b - a) / m;
    }
    return total / c.length;
  }
}
