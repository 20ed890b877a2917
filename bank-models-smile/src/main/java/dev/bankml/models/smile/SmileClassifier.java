package dev.bankml.models.smile;

import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.spi.RowClassifier;

/** A classifier of this backend: the input checks live here once; each kind scores one row. */
abstract sealed class SmileClassifier extends RowClassifier implements StoredModel
    permits LogisticModel, ForestModel, BoostingModel {
  SmileClassifier(String algorithm, int featureCount) {
    super(algorithm, featureCount);
  }

  @Override
  protected final void checkRow(double[] row) {
    SmileAlgorithms.checkRow(row, featureCount());
  }

  @Override
  protected final void checkMatrix(FeatureMatrix x, double[] values) {
    SmileAlgorithms.checkMatrix(x, featureCount());
  }
}
