package dev.bankml.models.tribuo;

import dev.bankml.data.BankmlException;
import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.spi.Centroids;
import dev.bankml.models.spi.Clustering;
import dev.bankml.models.spi.ClusteringTrainer;
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
 *
 * @param k number of clusters
 * @param restarts runs from different seeds, of which the best is kept
 * @param maxIterations Lloyd iterations of one run at most
 * @param threads threads of Tribuo's centroid update
 * @param seed seeds the restarts' k-means++ initialisations
 */
record KMeansClusterer(int k, int restarts, int maxIterations, int threads, long seed) implements ClusteringTrainer {
  private static final Logger LOG = LoggerFactory.getLogger(KMeansClusterer.class);

  /** The clusterer {@code s} describes, each value checked against its range. */
  KMeansClusterer(Settings s, long seed) {
    this(s.intAtLeast("k", 1), s.intAtLeast("restarts", 1), s.intAtLeast("max_iterations", 1), s.threads(), seed);
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
