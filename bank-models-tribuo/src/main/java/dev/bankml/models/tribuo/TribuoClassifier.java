package dev.bankml.models.tribuo;

import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.spi.Classifier;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * A classifier backed by a Tribuo model, which is what gets persisted. Each kind scores rows from
 * its own flat copy of the model ({@link #score}); the checks and the batch loop live here once.
 */
sealed interface TribuoClassifier extends Classifier
    permits LinearClassifier, ForestClassifier, BoostedClassifier {
  /** The underlying Tribuo model (immutable; serialised with Tribuo's protobuf format). */
  Model<Label> model();

  /**
   * Probability of the positive class for the {@link #featureCount()} values of {@code values}
   * starting at {@code offset}; the caller has checked the shape.
   */
  double score(double[] values, int offset);

  @Override
  default double probability(double[] row) {
    TribuoData.checkRow(row, featureCount());
    return score(row, 0);
  }

  @Override
  default double[] probabilities(FeatureMatrix x) {
    TribuoData.checkMatrix(x, featureCount());
    int cols = featureCount();
    double[] v = x.rowMajorValues();
    double[] out = new double[x.rows()];
    for (int i = 0; i < out.length; i++) {
      out[i] = score(v, i * cols);
    }
    return out;
  }
}
