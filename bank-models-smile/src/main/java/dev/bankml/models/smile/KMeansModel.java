package dev.bankml.models.smile;

import dev.bankml.data.BankmlException;
import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.spi.Clustering;
import dev.bankml.models.spi.Hyperparameters;
import java.io.Serializable;
import java.util.Optional;
import smile.clustering.BBDTree;
import smile.clustering.KMeans;

/**
 * k-means with k-means++ seeding (Smile's {@code KMeans.fit}, which runs Lloyd iterations through
 * a BBD-tree filter). Several restarts share one BBD tree (Smile would rebuild it per call); the
 * restart with the lowest distortion is kept.
 */
final class KMeansModel implements Clustering, Serializable {
  private static final long serialVersionUID = 1L;

  private final KMeans smile;
  private final double[][] centroids;

  private KMeansModel(KMeans smile) {
    this.smile = smile;
    this.centroids = smile.centroids;
  }

  /** Trains on the calling thread, whose Smile generator the caller has seeded. */
  static KMeansModel train(FeatureMatrix x, Hyperparameters hp) {
    int k = hp.getInt("k", 6);
    int restarts = hp.getInt("restarts", 3);
    int maxIter = hp.getInt("max_iterations", 100);
    double tol = hp.getDouble("tolerance", 1e-4);
    SmileAlgorithms.requireRange("k", k, 2, Math.max(2, x.rows() - 1));
    SmileAlgorithms.requireRange("restarts", restarts, 1, 1000);
    SmileAlgorithms.requireRange("max_iterations", maxIter, 1, 100_000);
    SmileAlgorithms.requireRange("tolerance", tol, 0, 1);
    SmileAlgorithms.checkClusterable(x, k);
    double[][] data = SmileInputs.rows(x);
    BBDTree tree = new BBDTree(data);
    KMeans best = null;
    for (int r = 0; r < restarts; r++) {
      KMeans run;
      try {
        run = KMeans.fit(tree, data, k, maxIter, tol);
      } catch (IllegalArgumentException e) {
        throw new BankmlException("Smile k-means refused the data: " + e.getMessage(), e);
      }
      if (best == null || run.distortion < best.distortion) {
        best = run;
      }
    }
    return new KMeansModel(best);
  }

  @Override
  public String algorithm() {
    return "kmeans";
  }

  @Override
  public int k() {
    return centroids.length;
  }

  @Override
  public int[] trainingLabels() {
    return smile.y.clone();
  }

  @Override
  public int assign(double[] row) {
    SmileAlgorithms.checkRow(row, centroids[0].length);
    return nearest(row, 0);
  }

  @Override
  public int[] assign(FeatureMatrix x) {
    SmileAlgorithms.checkMatrix(x, centroids[0].length);
    double[] v = x.rowMajorValues();
    int p = x.cols();
    int[] out = new int[x.rows()];
    for (int i = 0; i < out.length; i++) {
      out[i] = nearest(v, i * p);
    }
    return out;
  }

  private int nearest(double[] v, int offset) {
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
    return best;
  }

  @Override
  public Optional<double[][]> centroids() {
    double[][] copy = new double[centroids.length][];
    for (int c = 0; c < copy.length; c++) {
      copy[c] = centroids[c].clone();
    }
    return Optional.of(copy);
  }

  /** Sum of squared distances of the training rows to their centroids. */
  double inertia() {
    return smile.distortion;
  }
}
