package dev.bankml.models.xgboost;

import dev.bankml.data.BankmlException;
import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.spi.RowClassifier;

/**
 * A classifier this backend fitted or loaded: XGBoost's JSON model, scored in Java. The model JSON
 * and the input checks live here once; each kind supplies the margin and the probability of one
 * row of a row-major array.
 */
abstract sealed class XgboostModel<M extends MarginModel> extends RowClassifier
    permits XgboostClassifier, LinearClassifier {
  private final byte[] json;
  private final M model;

  /** {@code model} is {@code json} read into Java. */
  XgboostModel(String algorithm, int cols, byte[] json, M model) {
    super(algorithm, cols);
    this.json = json.clone();
    this.model = model;
  }

  /** The model as read into Java, which scores every row. */
  final M model() {
    return model;
  }

  /** XGBoost's JSON model (a copy). */
  final byte[] modelJson() {
    return json.clone();
  }

  /** XGBoost's margin (log-odds) of one row, as {@link #probability} computes it. */
  final float margin(double[] row) {
    checkRow(row);
    return model.margin(row, 0);
  }

  /** Probability of the positive class: the logistic function of the margin. */
  @Override
  protected final double probabilityAt(double[] values, int offset) {
    return 1.0 / (1.0 + Math.exp(-(double) model.margin(values, offset)));
  }

  /** Refuses a row of the wrong length or with values XGBoost cannot take. */
  @Override
  protected final void checkRow(double[] row) {
    int cols = featureCount();
    if (row.length != cols) {
      throw new BankmlException("the row has " + row.length + " values; this " + algorithm() + " model takes " + cols);
    }
    checkValues(row, cols);
  }

  /** Refuses a matrix of the wrong width or with values XGBoost cannot take. */
  @Override
  protected final void checkMatrix(FeatureMatrix x, double[] values) {
    int cols = featureCount();
    if (x.cols() != cols) {
      throw new BankmlException("the matrix has " + x.cols() + " features; this " + algorithm() + " model takes " + cols);
    }
    checkValues(values, cols);
  }

  /** Refuses values XGBoost cannot take (beyond float range, infinite); NaN is missing. */
  static void checkValues(double[] v, int cols) {
    for (int i = 0; i < v.length; i++) {
      if (Math.abs(v[i]) > Float.MAX_VALUE) {
        throw new BankmlException("feature " + (i % cols) + " of row " + (i / cols) + " is " + v[i]
            + "; XGBoost takes finite values within float range (NaN means missing)");
      }
    }
  }

  /**
   * The classifier of {@code algorithm} over {@code cols} features read from XGBoost's JSON model
   * {@code json}: a linear model for {@code logistic}, trees otherwise. The JSON is checked in Java.
   */
  static XgboostModel<?> of(String algorithm, int cols, byte[] json) {
    if (XgboostAlgorithms.ALL.stream().noneMatch(a -> a.name().equals(algorithm))) {
      throw new BankmlException("XGBoost classifier names unknown algorithm '" + algorithm + "'; known: "
          + String.join(", ", XgboostAlgorithms.ALL.stream().map(a -> a.name()).toList()));
    }
    return algorithm.equals(XgboostAlgorithms.LOGISTIC.name())
        ? new LinearClassifier(cols, json) : new XgboostClassifier(algorithm, cols, json);
  }
}
