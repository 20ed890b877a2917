package dev.bankml.models.metrics;

import dev.bankml.data.BankmlException;
import dev.bankml.features.FeatureMatrix;

/**
 * Davies–Bouldin index: the mean over clusters of the worst ratio (Sᵢ + Sⱼ) / d(cᵢ, cⱼ), with S the
 * mean distance of a cluster's rows to its centroid. Lower is better, 0 is the minimum. Noise ignored.
 */
public final class DaviesBouldin {
  private DaviesBouldin() {}

  /** The Davies–Bouldin index of {@code labels} on {@code x}. */
  public static double of(FeatureMatrix x, int[] labels) {
    ClusterInputs.check("Davies-Bouldin", x, labels);
    int[] c = ClusterInputs.compact(labels);
    int k = ClusterInputs.clusterCount(c);
    if (k < 2) {
      throw new BankmlException("Davies-Bouldin needs at least 2 clusters, found " + k);
    }
    double[][] means = ClusterInputs.means(x, c, k);
    double[] scatter = new double[k];
    long[] n = new long[k];
    for (int i = 0; i < c.length; i++) {
      if (c[i] >= 0) {
        scatter[c[i]] += Math.sqrt(ClusterInputs.squaredDistance(x, i, means[c[i]]));
        n[c[i]]++;
      }
    }
    for (int a = 0; a < k; a++) {
      scatter[a] /= n[a];
    }
    double sum = 0;
    for (int a = 0; a < k; a++) {
      double worst = 0;
      for (int b = 0; b < k; b++) {
        if (a != b) {
          double dist = Math.sqrt(ClusterInputs.squaredDistance(means[a], means[b]));
          worst = Math.max(worst, dist == 0 ? Double.POSITIVE_INFINITY : (scatter[a] + scatter[b]) / dist);
        }
      }
      sum += worst;
    }
    return sum / k;
  }
}
