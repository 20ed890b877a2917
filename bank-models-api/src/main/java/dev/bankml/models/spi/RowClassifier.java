package dev.bankml.models.spi;

import dev.bankml.features.FeatureMatrix;

/**
 * A classifier that computes the probability of one row of a row-major array at a time; backends
 * extend it. The algorithm name, the number of features, and the loop that scores a whole
 * {@link FeatureMatrix} live here once; a backend supplies its input checks (and their messages)
 * and {@link #probabilityAt}.
 */
public abstract class RowClassifier implements Classifier {
  private final String algorithm;
  private final int featureCount;

  /** A classifier of {@code algorithm} over rows of {@code featureCount} values. */
  protected RowClassifier(String algorithm, int featureCount) {
    this.algorithm = algorithm;
    this.featureCount = featureCount;
  }

  @Override
  public final String algorithm() {
    return algorithm;
  }

  @Override
  public final int featureCount() {
    return featureCount;
  }

  /** Refuses, with a {@link dev.bankml.data.BankmlException} saying why, a row this classifier cannot score. */
  protected abstract void checkRow(double[] row);

  /** Refuses a matrix this classifier cannot score; {@code values} are its row-major values. */
  protected abstract void checkMatrix(FeatureMatrix x, double[] values);

  /** The probability of the row starting at {@code offset} of row-major {@code values} (checked by the caller). */
  protected abstract double probabilityAt(double[] values, int offset);

  @Override
  public final double probability(double[] row) {
    checkRow(row);
    return probabilityAt(row, 0);
  }

  @Override
  public final double[] probabilities(FeatureMatrix x) {
    double[] v = x.rowMajorValues();
    checkMatrix(x, v);
    int cols = featureCount;
    double[] out = new double[x.rows()];
    for (int i = 0; i < out.length; i++) {
      out[i] = probabilityAt(v, i * cols);
    }
    return out;
  }
}
