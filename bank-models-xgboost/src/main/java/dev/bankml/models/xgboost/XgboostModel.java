package dev.bankml.models.xgboost;

import dev.bankml.data.BankmlException;
import dev.bankml.models.spi.Classifier;

/** A classifier this backend fitted or loaded: XGBoost's JSON model, scored in Java. */
sealed interface XgboostModel extends Classifier permits XgboostClassifier, LinearClassifier {
  /** XGBoost's JSON model (a copy). */
  byte[] modelJson();

  /**
   * The classifier of {@code algorithm} over {@code cols} features read from XGBoost's JSON model
   * {@code json}: a linear model for {@code logistic}, trees otherwise. The JSON is checked in Java.
   */
  static XgboostModel of(String algorithm, int cols, byte[] json) {
    if (XgboostAlgorithms.ALL.stream().noneMatch(a -> a.name().equals(algorithm))) {
      throw new BankmlException("XGBoost classifier names unknown algorithm '" + algorithm + "'; known: "
          + String.join(", ", XgboostAlgorithms.ALL.stream().map(a -> a.name()).toList()));
    }
    return algorithm.equals(XgboostAlgorithms.LOGISTIC.name())
        ? new LinearClassifier(cols, json) : new XgboostClassifier(algorithm, cols, json);
  }
}
