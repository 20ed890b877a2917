package dev.bankml.models.metrics;

import dev.bankml.data.BankmlException;
import dev.bankml.features.FeatureMatrix;

/**
 * Calinski–Harabasz index (variance ratio): between-cluster dispersion over within-cluster
 * dispersion, each divided by its degrees of freedom. Higher is better. Noise rows ignored.
 */
public final class CalinskiHarabasz {
  private CalinskiHarabasz() {}

  /** The Calinski–Harabasz index of {@code labels} on {@code x}. */
  public static double of(FeatureMatrix x, int[] labels) {
    ClusterInputs.check("Calinski-Harabasz", x, labels);
    int[] c = ClusterInputs.compact(labels);
    int k = ClusterInputs.clusterCount(c);
    int d = x.cols();
    double[] overall = new double[d];
    long n = 0;
    for (int i = 0; i < c.length; i++) {
      if (c[i] >= 0) {
        n++;
        for (int j = 0; j < d; j++) {
          overall[j] += x.get(i, j);
        }
      }
    }
    if (k < 2 || n <= k) {
      throw new BankmlException(
          "Calinski-Harabasz needs at least 2 clusters and more rows than clusters, found " + k + " clusters in " + n + " rows");
    }
    for (int j = 0; j < d; j++) {
      overall[j] /= n;
    }
    double[][] means = ClusterInputs.means(x, c, k);
    long[] size = new long[k];
    double within = 0;
    for (int i = 0; i < c.length; i++) {
      if (c[i] >= 0) {
        size[c[i]]++;
        within += ClusterInputs.squaredDistance(x, i, means[c[i]]);
      }
    }
    double between = 0;
    for (int a = 0; a < k; a++) {
      between += size[a] * ClusterInputs.squaredDistance(means[a], overall);
    }
    return within == 0 ? Double.POSITIVE_INFINITY : (between / (k - 1)) / (within / (n - k));
  }
}
