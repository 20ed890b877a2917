package dev.bankml.models.tribuo;

import dev.bankml.models.spi.Clustering;
import org.tribuo.Model;
import org.tribuo.clustering.ClusterID;

/** A clustering backed by a Tribuo model, which is what gets persisted with the training labels. */
sealed interface TribuoClustering extends Clustering permits KMeansClustering, HdbscanClustering {
  /** The underlying Tribuo model. */
  Model<ClusterID> model();

  /** Number of features a row must have. */
  int featureCount();
}
