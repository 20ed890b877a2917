package dev.bankml.models.xgboost;

import dev.bankml.models.spi.Contributions;
import java.util.Optional;

/**
 * A fitted {@code logistic} classifier: XGBoost's linear booster, its JSON model kept for saving and
 * its weights scored in Java (thread-safe, allocation-free, equal to XGBoost's own margins).
 * Explanations are exact linear terms relative to the training baseline; no native call is made
 * after training.
 */
final class LinearClassifier extends XgboostModel<LinearModel> {
  LinearClassifier(int cols, byte[] json) {
    super(XgboostAlgorithms.LOGISTIC.name(), cols, json, ModelJson.readLinear(json, cols));
  }

  /**
   * Exact linear contributions: feature j adds {@code w_j * (x_j - baseline_j)} to the log-odds of
   * the baseline row (the training means), so {@code base + sum(perFeature)} is the row's margin.
   */
  @Override
  public Optional<Contributions> contributions(double[] row) {
    checkRow(row);
    return Optional.of(model().contributions(row));
  }

  /** |coefficient| per feature. */
  @Override
  public Optional<double[]> featureImportance() {
    return Optional.of(model().importance());
  }

  @Override
  public String toString() {
    return "LinearClassifier[logistic, features=" + featureCount() + "]";
  }
}
