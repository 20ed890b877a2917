package dev.bankml.models.tribuo;

import dev.bankml.data.BankmlException;
import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.spi.Centroids;
import dev.bankml.models.spi.Clustering;
import dev.bankml.models.spi.ClusteringTrainer;
import dev.bankml.models.spi.Hyperparameters;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribuo.MutableDataset;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.kmeans.KMeansModel;
import org.tribuo.clustering.kmeans.KMeansTrainer;
import org.tribuo.math.distance.DistanceType;

/**
 * k-means with k-means++ initialisation by Tribuo's {@link KMeansTrainer}, restarted with
 * different seeds; the run with the lowest inertia (sum of squared distances to the nearest
 * centroid) is kept. The Tribuo dataset is built once and shared by the restarts.
 */
final class KMeansClusterer implements ClusteringTrainer {
  private static final Logger LOG = LoggerFactory.getLogger(KMeansClusterer.class);
  private final int k;
  private final int restarts;
  private final int maxIterations;
  private final int threads;
  private final long seed;

  KMeansClusterer(Hyperparameters h, long seed) {
    this.k = Check.intAtLeast(h, "kmeans", "k", 1);
    this.restarts = Check.intAtLeast(h, "kmeans", "restarts", 1);
    this.maxIterations = Check.intAtLeast(h, "kmeans", "max_iterations", 1);
    this.threads = Threads.budget(h);
    this.seed = seed;
  }

  @Override
  public Clustering fit(FeatureMatrix x) {
    if (x.rows() < k) {
      throw new BankmlException("kmeans with k=" + k + " needs at least " + k + " rows, got " + x.rows());
    }
    MutableDataset<ClusterID> data = TribuoData.clustering(x);
    SplittableRandom seeds = new SplittableRandom(seed);
    KMeansClustering best = null;
    for (int r = 0; r < restarts; r++) {
      KMeansTrainer trainer = new KMeansTrainer(k, maxIterations, DistanceType.L2.getDistance(),
          KMeansTrainer.Initialisation.PLUSPLUS, threads, seeds.nextLong());
      KMeansModel model = trainer.train(data);
      KMeansClustering run = evaluate(model, x);
      LOG.debug("kmeans restart {} of {}: inertia {}", r + 1, restarts, run.inertia());
      // Tribuo's multi-threaded centroid update sums in no fixed order, so two restarts that find the
      // same partition differ in inertia by rounding only; such a near-tie keeps the earlier restart,
      // or the same seed could return the same segments under other label numbers.
      if (best == null || run.inertia() < best.inertia() - 1e-9 * Math.abs(best.inertia())) {
        best = run;
      }
    }
    return best;
  }

  /** Labels and inertia of the training rows under {@code model}'s centroids. */
  static KMeansClustering evaluate(KMeansModel model, FeatureMatrix x) {
    int cols = x.cols();
    double[][] centroids = KMeansClustering.centroids(model, cols);
    double[] v = x.rowMajorValues();
    int[] labels = new int[x.rows()];
    double[] d = new double[1];
    double inertia = 0;
    for (int i = 0; i < labels.length; i++) {
      labels[i] = Centroids.nearest(centroids, v, i * cols, d);
      inertia += d[0];
    }
    return new KMeansClustering(model, cols, labels, inertia);
  }
}
