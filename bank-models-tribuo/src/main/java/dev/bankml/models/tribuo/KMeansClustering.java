package dev.bankml.models.tribuo;

import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.spi.Centroids;
import java.util.List;
import java.util.Optional;
import org.tribuo.Feature;
import org.tribuo.clustering.kmeans.KMeansModel;

/**
 * k-means centroids learned by Tribuo's {@link KMeansModel}. Centroids are copied once into plain
 * arrays; a row goes to the nearest centroid in Euclidean distance (lowest index on ties), which is
 * what Tribuo's model predicts, without building a Tribuo example.
 */
final class KMeansClustering extends TribuoClustering<KMeansModel> {
  private final double[][] centroids;
  private final int[] trainingLabels;
  private final double inertia;

  KMeansClustering(KMeansModel model, int cols, int[] trainingLabels, double inertia) {
    super(model, "kmeans", cols);
    this.centroids = centroids(model, cols);
    this.trainingLabels = trainingLabels.clone();
    this.inertia = inertia;
  }

  /** The centroids of {@code model} as {@code k} rows of {@code cols} values. */
  static double[][] centroids(KMeansModel model, int cols) {
    String[] names = TribuoData.featureNames(cols);
    java.util.Map<String, Integer> column = new java.util.HashMap<>();
    for (int j = 0; j < cols; j++) {
      column.put(names[j], j);
    }
    List<List<Feature>> list = model.getCentroids();
    double[][] out = new double[list.size()][cols];
    for (int c = 0; c < list.size(); c++) {
      for (Feature f : list.get(c)) {
        Integer j = column.get(f.getName());
        if (j != null) {
          out[c][j] = f.getValue();
        }
      }
    }
    return out;
  }


  @Override
  public int k() {
    return centroids.length;
  }

  /** Sum of squared distances of the training rows to their centroids. */
  double inertia() {
    return inertia;
  }

  @Override
  public int[] trainingLabels() {
    return trainingLabels.clone();
  }

  @Override
  int label(double[] row) {
    return Centroids.nearest(centroids, row, 0);
  }

  @Override
  int[] labels(FeatureMatrix x) {
    return Centroids.nearest(centroids, x);
  }

  @Override
  public Optional<double[][]> centroids() {
    return Optional.of(Centroids.copy(centroids));
  }
}
