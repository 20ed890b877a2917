package dev.bankml.models.smile;

import dev.bankml.data.BankmlException;
import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.spi.Centroids;
import dev.bankml.models.spi.Clustering;
import dev.bankml.models.spi.Hyperparameters;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import smile.clustering.BBDTree;
import smile.clustering.KMeans;
import smile.clustering.PartitionClustering;
import smile.math.MathEx;

/**
 * k-means with k-means++ seeding; the restart with the lowest distortion is kept.
 *
 * <p>Up to {@link #BBD_LIMIT} rows this is Smile's {@code KMeans.fit} (Lloyd iterations filtered
 * through a BBD tree), with one tree shared by all restarts (Smile would rebuild it per call).
 * Above it, building Smile's BBD tree dominates the run (on 1,000,000 x 12 the build alone took
 * longer than all iterations; see the README), so each restart uses Smile's k-means++ seeding
 * ({@code PartitionClustering.seed}) followed by plain Lloyd iterations over the row-major matrix,
 * with Smile's stopping rule (relative change of distortion below {@code tolerance}).
 *
 * <p>The model is its centroids, the training rows' labels and the inertia; the payload holds
 * exactly these.
 */
final class KMeansModel implements Clustering, StoredModel {
  private final double[][] centroids;
  private final int[] labels;
  private final double inertia;

  private KMeansModel(double[][] centroids, int[] labels, double inertia) {
    this.centroids = centroids;
    this.labels = labels;
    this.inertia = inertia;
  }

  /** The clustering Smile fitted, as its centroids, training labels and distortion. */
  static KMeansModel of(KMeans smile, Function<String, ? extends RuntimeException> refuse) {
    double[][] c = smile.centroids;
    if (c == null || c.length == 0 || c[0] == null) {
      throw refuse.apply("it has no centroids");
    }
    int p = c[0].length;
    double[] flat = new double[Math.multiplyExact(c.length, p)];
    for (int i = 0; i < c.length; i++) {
      if (c[i] == null || c[i].length != p) {
        throw refuse.apply("centroid " + i + " does not have " + p + " values like centroid 0");
      }
      System.arraycopy(c[i], 0, flat, i * p, p);
    }
    return of(c.length, p, flat, smile.y.clone(), smile.distortion, refuse);
  }

  /** {@code k} centroids of {@code p} values (row after row in {@code flat}), after checking them. */
  private static KMeansModel of(int k, int p, double[] flat, int[] labels, double inertia,
      Function<String, ? extends RuntimeException> refuse) {
    if (k < 1 || k > PayloadFormat.MAX_CLUSTERS || p < 1 || p > PayloadFormat.MAX_FEATURES) {
      throw refuse.apply("it has " + k + " centroids of " + p + " features; valid are 1 to "
          + PayloadFormat.MAX_CLUSTERS + " centroids of 1 to " + PayloadFormat.MAX_FEATURES + " features");
    }
    double[][] centroids = new double[k][];
    for (int c = 0; c < k; c++) {
      centroids[c] = Arrays.copyOfRange(flat, c * p, (c + 1) * p);
      for (int j = 0; j < p; j++) {
        if (!Double.isFinite(centroids[c][j])) {
          throw refuse.apply("centroid " + c + ", feature " + j + " is " + centroids[c][j] + "; it must be finite");
        }
      }
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= k) {
        throw refuse.apply("training row " + i + " has the cluster " + labels[i] + "; valid clusters are 0 to "
            + (k - 1));
      }
    }
    if (!(inertia >= 0) || Double.isInfinite(inertia)) {
      throw refuse.apply("the inertia is " + inertia + "; it must be finite and >= 0");
    }
    return new KMeansModel(centroids, labels, inertia);
  }

  static KMeansModel read(PayloadReader in) {
    int k = in.count("number of clusters", 1, PayloadFormat.MAX_CLUSTERS);
    int p = in.count("number of features", 1, PayloadFormat.MAX_FEATURES);
    double[] flat = in.finiteReals("centroid values", (long) k * p);
    double inertia = in.finite("inertia");
    int n = in.count("number of training rows", 0, Integer.MAX_VALUE - 8);
    int[] labels = in.ints("training labels", n);
    return of(k, p, flat, labels, inertia, in::corrupt);
  }

  @Override
  public void write(PayloadWriter out) {
    out.integer(centroids.length).integer(centroids[0].length);
    for (double[] c : centroids) {
      out.reals(c);
    }
    out.real(inertia).integer(labels.length).ints(labels);
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
    BBDTree tree = x.rows() <= BBD_LIMIT ? new BBDTree(data) : null;
    KMeans best = null;
    for (int r = 0; r < restarts; r++) {
      KMeans run;
      try {
        run = tree != null ? KMeans.fit(tree, data, k, maxIter, tol) : lloyd(x, data, k, maxIter, tol);
      } catch (IllegalArgumentException e) {
        throw new BankmlException("Smile k-means refused the data: " + e.getMessage(), e);
      }
      if (best == null || run.distortion < best.distortion) {
        best = run;
      }
    }
    return of(best, BankmlException::new);
  }

  /** Above this many rows, Lloyd iterations run over the flat matrix instead of Smile's BBD tree. */
  static final int BBD_LIMIT = 200_000;

  /** One restart: Smile's k-means++ seeding, then Lloyd iterations over the row-major values. */
  static KMeans lloyd(FeatureMatrix x, double[][] data, int k, int maxIter, double tol) {
    int n = x.rows();
    int p = x.cols();
    double[] v = x.rowMajorValues();
    double[][] medoids = new double[k][];
    int[] y = new int[n];
    PartitionClustering.seed(data, medoids, y, MathEx::squaredDistance);
    double[][] centroids = new double[k][];
    for (int c = 0; c < k; c++) {
      centroids[c] = medoids[c].clone();
    }
    double distortion = Double.MAX_VALUE;
    double[] flat = new double[k * p];
    for (int iter = 0; iter < maxIter; iter++) {
      for (int c = 0; c < k; c++) {
        System.arraycopy(centroids[c], 0, flat, c * p, p);
      }
      double[] sums = new double[k * p];
      int[] sizes = new int[k];
      double total = 0;
      for (int i = 0, off = 0; i < n; i++, off += p) {
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int c = 0, co = 0; c < k; c++, co += p) {
          double d = 0;
          for (int j = 0; j < p; j++) {
            double e = v[off + j] - flat[co + j];
            d += e * e;
          }
          if (d < bestD) {
            bestD = d;
            best = c;
          }
        }
        y[i] = best;
        sizes[best]++;
        total += bestD;
        int so = best * p;
        for (int j = 0; j < p; j++) {
          sums[so + j] += v[off + j];
        }
      }
      for (int c = 0; c < k; c++) {
        if (sizes[c] > 0) {
          for (int j = 0; j < p; j++) {
            centroids[c][j] = sums[c * p + j] / sizes[c];
          }
        }
      }
      boolean converged = distortion - total <= tol * total;
      distortion = total;
      if (converged) {
        break;
      }
    }
    return new KMeans(distortion, centroids, y);
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
    return labels.clone();
  }

  @Override
  public int assign(double[] row) {
    SmileAlgorithms.checkRow(row, centroids[0].length);
    return Centroids.nearest(centroids, row, 0);
  }

  @Override
  public int[] assign(FeatureMatrix x) {
    SmileAlgorithms.checkMatrix(x, centroids[0].length);
    return Centroids.nearest(centroids, x);
  }

  @Override
  public Optional<double[][]> centroids() {
    return Optional.of(Centroids.copy(centroids));
  }

  /** Sum of squared distances of the training rows to their centroids. */
  double inertia() {
    return inertia;
  }
}
