package dev.bankml.models.tribuo;

import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.spi.Clustering;
import org.tribuo.Model;
import org.tribuo.clustering.ClusterID;

/**
 * A clustering backed by a Tribuo model of type {@code M}, which is what gets persisted with the
 * training labels. The model and the input checks live here once; each kind labels checked rows.
 */
abstract sealed class TribuoClustering<M extends Model<ClusterID>> implements Clustering
    permits KMeansClustering, HdbscanClustering {
  private final M model;
  private final String algorithm;
  /** Number of features a row must have. */
  final int cols;

  TribuoClustering(M model, String algorithm, int cols) {
    this.model = model;
    this.algorithm = algorithm;
    this.cols = cols;
  }

  /** The underlying Tribuo model. */
  final M model() {
    return model;
  }

  @Override
  public final String algorithm() {
    return algorithm;
  }

  /** Number of features a row must have. */
  final int featureCount() {
    return cols;
  }

  /** The label of one row of {@link #featureCount()} values (checked by the caller). */
  abstract int label(double[] row);

  /** The label of every row of {@code x} (checked by the caller). */
  abstract int[] labels(FeatureMatrix x);

  @Override
  public final int assign(double[] row) {
    TribuoData.checkRow(row, cols);
    return label(row);
  }

  @Override
  public final int[] assign(FeatureMatrix x) {
    TribuoData.checkMatrix(x, cols);
    return labels(x);
  }
}
