package dev.bankml.models.tribuo;

import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.spi.Classifier;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * A classifier backed by a Tribuo model of type {@code M}, which is what gets persisted. Each kind
 * scores rows from its own flat copy of the model ({@link #score}); the model, the checks and the
 * batch loop live here once.
 */
abstract sealed class TribuoClassifier<M extends Model<Label>> implements Classifier
    permits LinearClassifier, ForestClassifier, BoostedClassifier {
  private final M model;
  private final String algorithm;
  /** Number of features a row must have. */
  final int cols;

  TribuoClassifier(M model, String algorithm, int cols) {
    this.model = model;
    this.algorithm = algorithm;
    this.cols = cols;
  }

  /** The underlying Tribuo model (immutable; serialised with Tribuo's protobuf format). */
  final M model() {
    return model;
  }

  @Override
  public final String algorithm() {
    return algorithm;
  }

  @Override
  public final int featureCount() {
    return cols;
  }

  /**
   * Probability of the positive class for the {@link #featureCount()} values of {@code values}
   * starting at {@code offset}; the caller has checked the shape.
   */
  abstract double score(double[] values, int offset);

  @Override
  public final double probability(double[] row) {
    TribuoData.checkRow(row, cols);
    return score(row, 0);
  }

  @Override
  public final double[] probabilities(FeatureMatrix x) {
    TribuoData.checkMatrix(x, cols);
    double[] v = x.rowMajorValues();
    double[] out = new double[x.rows()];
    for (int i = 0; i < out.length; i++) {
      out[i] = score(v, i * cols);
    }
    return out;
  }
}
