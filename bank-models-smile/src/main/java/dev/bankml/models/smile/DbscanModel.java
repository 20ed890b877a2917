package dev.bankml.models.smile;

import dev.bankml.data.BankmlException;
import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.spi.Clustering;
import dev.bankml.models.spi.Hyperparameters;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Function;
import smile.clustering.DBSCAN;
import smile.clustering.PartitionClustering;
import smile.neighbor.KDTree;
import smile.neighbor.Neighbor;

/**
 * Density-based clustering (Smile's {@code DBSCAN} over a KD-tree). Rows in no dense region get
 * {@link Clustering#NOISE}.
 *
 * <p>The model is plain data: the radius {@code eps}, the core points (in training order) and every
 * training row's label. A new row takes the cluster of the nearest core point within {@code eps}
 * (ties to the earlier training row), else noise: exactly Smile's {@code DBSCAN.predict}, which
 * searches all training points within {@code eps}, sorts them by distance and index and takes the
 * first core point's cluster. The search is a scan of the core points with Smile's Euclidean
 * distance, stopping a point's sum early once it exceeds the best distance so far.
 *
 * <p>Defaults: {@code min_points} (0 = automatic) is {@code max(4, 2 * features)} (Sander et al., 1998); {@code eps} (0 =
 * automatic) is the knee of the sorted {@code min_points}-nearest-neighbour distances of a sample
 * of up to 1,000 rows searched against all rows: the point of that rising curve farthest below the
 * chord from its first to its last point (Ester et al.'s k-distance plot, read automatically).
 */
final class DbscanModel implements Clustering, StoredModel {
  private final int p;
  private final int minPoints;
  private final double eps;
  private final int k;
  /** Every training row's cluster, {@link Clustering#NOISE} for noise. */
  private final int[] labels;
  /** The training rows that are core points, increasing. */
  private final int[] coreRows;
  /** Their values, {@code p} per core point. */
  private final double[] core;

  private DbscanModel(int p, int minPoints, double eps, int k, int[] labels, int[] coreRows, double[] core) {
    this.p = p;
    this.minPoints = minPoints;
    this.eps = eps;
    this.k = k;
    this.labels = labels;
    this.coreRows = coreRows;
    this.core = core;
  }

  /**
   * The clustering Smile fitted over {@code points} (its training rows): its radius, clusters and
   * labels, and its core points (read from Smile's private flags, {@link SmileInternals}).
   */
  static DbscanModel of(DBSCAN<double[]> smile, double[][] points, Function<String, ? extends RuntimeException> refuse) {
    boolean[] isCore = SmileInternals.core(smile);
    int[] y = smile.y;
    if (points.length == 0 || points[0] == null || isCore.length != points.length || y.length != points.length) {
      throw refuse.apply("its training points, core flags and labels do not have the same length");
    }
    int p = points[0].length;
    if (p < 1 || p > PayloadFormat.MAX_FEATURES) {
      throw refuse.apply("its points have " + p + " features; valid are 1 to " + PayloadFormat.MAX_FEATURES);
    }
    int m = 0;
    for (boolean c : isCore) {
      m += c ? 1 : 0;
    }
    int[] coreRows = new int[m];
    double[] core = new double[Math.multiplyExact(m, p)];
    int[] labels = new int[y.length];
    for (int i = 0, c = 0; i < y.length; i++) {
      labels[i] = y[i] == PartitionClustering.OUTLIER ? NOISE : y[i];
      if (isCore[i]) {
        if (points[i] == null || points[i].length != p) {
          throw refuse.apply("training point " + i + " does not have " + p + " values");
        }
        coreRows[c] = i;
        System.arraycopy(points[i], 0, core, c * p, p);
        c++;
      }
    }
    return of(p, (int) smile.minPts, smile.radius, smile.k, labels, coreRows, core, refuse);
  }

  private static DbscanModel of(int p, int minPoints, double eps, int k, int[] labels, int[] coreRows, double[] core,
      Function<String, ? extends RuntimeException> refuse) {
    if (!(eps > 0) || Double.isInfinite(eps)) {
      throw refuse.apply("eps is " + eps + "; it must be finite and positive");
    }
    if (minPoints < 1) {
      throw refuse.apply("min_points is " + minPoints + "; it must be at least 1");
    }
    if (k < 0 || k > labels.length) {
      throw refuse.apply("it has " + k + " clusters for " + labels.length + " training rows");
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < NOISE || labels[i] >= k) {
        throw refuse.apply("training row " + i + " has the cluster " + labels[i] + "; valid are " + NOISE
            + " (noise) to " + (k - 1));
      }
    }
    for (int c = 0; c < coreRows.length; c++) {
      int row = coreRows[c];
      if (row < 0 || row >= labels.length || (c > 0 && row <= coreRows[c - 1])) {
        throw refuse.apply("core point " + c + " is training row " + row + "; core rows must increase and lie"
            + " below " + labels.length);
      }
      if (labels[row] == NOISE) {
        throw refuse.apply("core point " + c + " (training row " + row + ") is labelled noise");
      }
    }
    for (int i = 0; i < core.length; i++) {
      if (!Double.isFinite(core[i])) {
        throw refuse.apply("core point " + i / p + ", feature " + i % p + " is " + core[i] + "; it must be finite");
      }
    }
    return new DbscanModel(p, minPoints, eps, k, labels, coreRows, core);
  }

  static DbscanModel read(PayloadReader in) {
    int p = in.count("number of features", 1, PayloadFormat.MAX_FEATURES);
    int minPoints = in.count("min_points", 1, Integer.MAX_VALUE);
    double eps = in.finite("eps");
    int n = in.count("number of training rows", 1, Integer.MAX_VALUE - 8);
    int k = in.count("number of clusters", 0, n);
    int[] labels = in.ints("training labels", n);
    int m = in.count("number of core points", 0, n);
    int[] coreRows = in.ints("core rows", m);
    double[] core = in.reals("core point values", (long) m * p);
    return of(p, minPoints, eps, k, labels, coreRows, core, in::corrupt);
  }

  @Override
  public void write(PayloadWriter out) {
    out.integer(p).integer(minPoints).real(eps).integer(labels.length).integer(k).ints(labels)
        .integer(coreRows.length).ints(coreRows).reals(core);
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
      return of(DBSCAN.fit(data, minPts, eps), data, BankmlException::new);
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
    return k;
  }

  @Override
  public int[] trainingLabels() {
    return labels.clone();
  }

  @Override
  public int assign(double[] row) {
    SmileAlgorithms.checkRow(row, p);
    return nearestCore(row, 0);
  }

  @Override
  public int[] assign(FeatureMatrix x) {
    SmileAlgorithms.checkMatrix(x, p);
    double[] v = x.rowMajorValues();
    int[] out = new int[x.rows()];
    for (int i = 0; i < out.length; i++) {
      out[i] = nearestCore(v, i * p);
    }
    return out;
  }

  /** The cluster of the nearest core point within eps (the earlier on ties), or noise. */
  private int nearestCore(double[] v, int offset) {
    int best = -1;
    double bestSquared = Double.POSITIVE_INFINITY;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int c = 0, co = 0; c < coreRows.length; c++, co += p) {
      double sum = 0;
      int j = 0;
      // Partial sums only grow: once above the best so far, this point cannot come first.
      for (; j < p && sum <= bestSquared; j++) {
        double d = v[offset + j] - core[co + j];
        sum += d * d;
      }
      if (j < p) {
        continue;
      }
      double distance = Math.sqrt(sum);
      if (distance <= eps && distance < bestDistance) {
        best = c;
        bestSquared = sum;
        bestDistance = distance;
      }
    }
    return best < 0 ? NOISE : labels[coreRows[best]];
  }

  int featureCount() {
    return p;
  }

  /** The neighbourhood radius used. */
  double eps() {
    return eps;
  }
}
