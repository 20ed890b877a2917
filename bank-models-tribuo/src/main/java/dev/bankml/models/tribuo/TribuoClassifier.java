package dev.bankml.models.tribuo;

import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.spi.RowClassifier;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * A classifier backed by a Tribuo model of type {@code M}, which is what gets persisted. Each kind
 * scores rows from its own flat copy of the model ({@link #probabilityAt}); the checks live here once.
 */
abstract sealed class TribuoClassifier<M extends Model<Label>> extends RowClassifier
    permits LinearClassifier, TreeEnsembleClassifier {
  private final M model;

  TribuoClassifier(M model, String algorithm, int cols) {
    super(algorithm, cols);
    this.model = model;
  }

  /** The underlying Tribuo model (immutable; serialised with Tribuo's protobuf format). */
  final M model() {
    return model;
  }

  @Override
  protected final void checkRow(double[] row) {
    TribuoData.checkRow(row, featureCount());
  }

  @Override
  protected final void checkMatrix(FeatureMatrix x, double[] values) {
    TribuoData.checkMatrix(x, featureCount());
  }
}
