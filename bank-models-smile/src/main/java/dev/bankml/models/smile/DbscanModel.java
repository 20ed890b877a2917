package dev.bankml.models.smile;

import dev.bankml.data.BankmlException;
import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.spi.Clustering;
import dev.bankml.models.spi.Hyperparameters;
import java.io.Serializable;
import java.util.Arrays;
import java.util.SplittableRandom;
import smile.clustering.DBSCAN;
import smile.clustering.PartitionClustering;
import smile.neighbor.KDTree;
import smile.neighbor.Neighbor;

/**
 * Density-based clustering (Smile's {@code DBSCAN} over a KD-tree). Rows in no dense region get
 * {@link Clustering#NOISE}.
 *
 * <p>Defaults: {@code min_points} (0 = automatic) is {@code max(4, 2 * features)} (Sander et al., 1998); {@code eps} (0 =
 * automatic) is the knee of the sorted {@code min_points}-nearest-neighbour distances of a sample
 * of up to 1,000 rows searched against all rows: the point of that rising curve farthest below the
 * chord from its first to its last point (Ester et al.'s k-distance plot, read automatically).
 */
final class DbscanModel implements Clustering, Serializable {
  private static final long serialVersionUID = 1L;

  private final DBSCAN<double[]> smile;
  private final int p;

  private DbscanModel(DBSCAN<double[]> smile, int p) {
    this.smile = smile;
    this.p = p;
  }

  /** Trains on the calling thread, whose Smile generator the caller has seeded. */
  static DbscanModel train(FeatureMatrix x, Hyperparameters hp, long seed) {
    int p = x.cols();
    int minPts = hp.getInt("min_points", 0);
    if (minPts == 0) {
      minPts = Math.max(4, 2 * p);
    }
    double eps = hp.getDouble("eps", 0);
    SmileAlgorithms.requireRange("min_points", minPts, 1, Math.max(1, x.rows() - 1));
    SmileAlgorithms.requireRange("eps", eps, 0, Double.MAX_VALUE);
    SmileAlgorithms.checkClusterable(x, 1);
    double[][] data = SmileInputs.rows(x);
    if (eps == 0) {
      eps = kneeOfKDistance(data, minPts, seed);
    }
    try {
      return new DbscanModel(DBSCAN.fit(data, minPts, eps), p);
    } catch (IllegalArgumentException e) {
      throw new BankmlException("Smile DBSCAN refused the data: " + e.getMessage(), e);
    }
  }

  /** The automatic eps described on the class. */
  static double kneeOfKDistance(double[][] data, int k, long seed) {
    KDTree<double[]> tree = KDTree.of(data);
    int m = Math.min(1000, data.length);
    int[] sample = new SplittableRandom(seed).ints(0, data.length).distinct().limit(m).toArray();
    int kk = Math.min(k, data.length - 1);
    double[] d = new double[m];
    for (int i = 0; i < m; i++) {
      // The query row is itself in the tree; Smile's search skips the identical object.
      Neighbor<double[], double[]>[] nn = tree.search(data[sample[i]], kk);
      double max = 0;
      for (Neighbor<double[], double[]> n : nn) {
        max = Math.max(max, n.distance);
      }
      d[i] = max;
    }
    Arrays.sort(d);
    double lo = d[0];
    double hi = d[m - 1];
    if (hi - lo <= 0) {
      return hi > 0 ? hi : 1e-9;
    }
    int knee = m - 1;
    double best = -1;
    for (int i = 0; i < m; i++) {
      double gap = (double) i / (m - 1) - (d[i] - lo) / (hi - lo);
      if (gap > best) {
        best = gap;
        knee = i;
      }
    }
    return Math.max(d[knee], 1e-9);
  }

  @Override
  public String algorithm() {
    return "dbscan";
  }

  @Override
  public int k() {
    return smile.k;
  }

  @Override
  public int[] trainingLabels() {
    int[] y = smile.y.clone();
    for (int i = 0; i < y.length; i++) {
      if (y[i] == PartitionClustering.OUTLIER) {
        y[i] = NOISE;
      }
    }
    return y;
  }

  @Override
  public int assign(double[] row) {
    SmileAlgorithms.checkRow(row, p);
    int c = smile.predict(row);
    return c == PartitionClustering.OUTLIER ? NOISE : c;
  }

  @Override
  public int[] assign(FeatureMatrix x) {
    SmileAlgorithms.checkMatrix(x, p);
    int[] out = new int[x.rows()];
    for (int i = 0; i < out.length; i++) {
      out[i] = assign(x.row(i));
    }
    return out;
  }

  /** The neighbourhood radius used. */
  double eps() {
    return smile.radius;
  }
}
