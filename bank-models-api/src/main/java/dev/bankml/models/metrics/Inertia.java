package dev.bankml.models.metrics;

import dev.bankml.features.FeatureMatrix;

/** Within-cluster sum of squared distances to each cluster's mean (k-means' objective); noise rows ignored. */
public final class Inertia {
  private Inertia() {}

  /** The inertia of {@code labels} on {@code x}. */
  public static double of(FeatureMatrix x, int[] labels) {
    ClusterInputs.check("inertia", x, labels);
    int[] c = ClusterInputs.compact(labels);
    int k = ClusterInputs.clusterCount(c);
    double[][] means = ClusterInputs.means(x, c, k);
    double s = 0;
    for (int i = 0; i < c.length; i++) {
      if (c[i] >= 0) {
        s += ClusterInputs.squaredDistance(x, i, means[c[i]]);
      }
    }
    return s;
  }
}
