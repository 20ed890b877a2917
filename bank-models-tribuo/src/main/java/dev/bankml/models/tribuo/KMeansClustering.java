package dev.bankml.models.tribuo;

import dev.bankml.features.FeatureMatrix;
import java.util.List;
import java.util.Optional;
import org.tribuo.Feature;
import org.tribuo.clustering.kmeans.KMeansModel;

/**
 * k-means centroids learned by Tribuo's {@link KMeansModel}. Centroids are copied once into plain
 * arrays; a row goes to the nearest centroid in Euclidean distance (lowest index on ties), which is
 * what Tribuo's model predicts, without building a Tribuo example.
 */
final class KMeansClustering implements TribuoClustering {
  private final KMeansModel model;
  private final int cols;
  private final double[][] centroids;
  private final int[] trainingLabels;
  private final double inertia;

  KMeansClustering(KMeansModel model, int cols, int[] trainingLabels, double inertia) {
    this.model = model;
    this.cols = cols;
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

  /** Index of the centroid nearest to {@code v[offset .. offset+cols)}, and its squared distance. */
  static int nearest(double[][] centroids, double[] v, int offset, int cols, double[] distOut) {
    int best = 0;
    double bestD = Double.POSITIVE_INFINITY;
    for (int c = 0; c < centroids.length; c++) {
      double[] m = centroids[c];
      double d = 0;
      for (int j = 0; j < cols; j++) {
        double diff = v[offset + j] - m[j];
        d += diff * diff;
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

  @Override
  public KMeansModel model() {
    return model;
  }

  @Override
  public int featureCount() {
    return cols;
  }

  @Override
  public String algorithm() {
    return "kmeans";
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
  public int assign(double[] row) {
    TribuoData.checkRow(row, cols);
    return nearest(centroids, row, 0, cols, null);
  }

  @Override
  public int[] assign(FeatureMatrix x) {
    TribuoData.checkMatrix(x, cols);
    double[] v = x.rowMajorValues();
    int[] out = new int[x.rows()];
    for (int i = 0; i < out.length; i++) {
      out[i] = nearest(centroids, v, i * cols, cols, null);
    }
    return out;
  }

  @Override
  public Optional<double[][]> centroids() {
    double[][] copy = new double[centroids.length][];
    for (int c = 0; c < copy.length; c++) {
      copy[c] = centroids[c].clone();
    }
    return Optional.of(copy);
  }
}
