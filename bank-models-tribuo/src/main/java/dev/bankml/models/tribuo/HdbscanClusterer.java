package dev.bankml.models.tribuo;

import dev.bankml.data.BankmlException;
import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.spi.Clustering;
import dev.bankml.models.spi.ClusteringTrainer;
import org.tribuo.MutableDataset;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.hdbscan.HdbscanModel;
import org.tribuo.clustering.hdbscan.HdbscanTrainer;
import org.tribuo.math.distance.DistanceType;
import org.tribuo.math.neighbour.NeighboursQueryFactoryType;

/**
 * HDBSCAN* by Tribuo's {@link HdbscanTrainer} (Euclidean distance, k-d tree neighbour queries).
 *
 * @param minClusterSize fewest rows a cluster may have
 * @param neighbours neighbours that define a row's core distance ({@code min_samples})
 * @param threads threads of Tribuo's neighbour queries
 */
record HdbscanClusterer(int minClusterSize, int neighbours, int threads) implements ClusteringTrainer {
  /** The clusterer {@code s} describes, each value checked against its range. */
  HdbscanClusterer(Settings s) {
    this(s.intAtLeast("min_cluster_size", 2), s.intAtLeast("min_samples", 1), s.threads());
  }

  @Override
  public Clustering fit(FeatureMatrix x) {
    if (x.rows() < minClusterSize) {
      throw new BankmlException("hdbscan with min_cluster_size=" + minClusterSize + " needs at least "
          + minClusterSize + " rows, got " + x.rows());
    }
    MutableDataset<ClusterID> data = TribuoData.clustering(x);
    HdbscanTrainer trainer = new HdbscanTrainer(minClusterSize, DistanceType.L2.getDistance(),
        neighbours, threads, NeighboursQueryFactoryType.KD_TREE);
    HdbscanModel model = trainer.train(data);
    return new HdbscanClustering(model, x.cols());
  }
}
