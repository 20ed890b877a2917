package dev.bankml.models.tribuo;

import dev.bankml.data.BankmlException;
import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.spi.Clustering;
import dev.bankml.models.spi.ClusteringTrainer;
import dev.bankml.models.spi.Hyperparameters;
import org.tribuo.MutableDataset;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.hdbscan.HdbscanModel;
import org.tribuo.clustering.hdbscan.HdbscanTrainer;
import org.tribuo.math.distance.DistanceType;
import org.tribuo.math.neighbour.NeighboursQueryFactoryType;

/** HDBSCAN* by Tribuo's {@link HdbscanTrainer} (Euclidean distance, k-d tree neighbour queries). */
final class HdbscanClusterer implements ClusteringTrainer {
  private final int minClusterSize;
  private final int neighbours;
  private final int threads;

  HdbscanClusterer(Hyperparameters h) {
    this.minClusterSize = Check.intAtLeast(h, "hdbscan", "min_cluster_size", 2);
    this.neighbours = Check.intAtLeast(h, "hdbscan", "min_samples", 1);
    this.threads = Threads.budget(h);
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
