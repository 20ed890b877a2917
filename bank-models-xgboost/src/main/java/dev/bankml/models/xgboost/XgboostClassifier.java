package dev.bankml.models.xgboost;

import dev.bankml.data.BankmlException;
import dev.bankml.models.spi.Contributions;
import java.util.Optional;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;

/**
 * A fitted XGBoost classifier: XGBoost's JSON model plus its trees in flat arrays. Probabilities are
 * computed in Java from the arrays (thread-safe, allocation-free, equal to XGBoost's own margins);
 * exact TreeSHAP contributions come from XGBoost's {@code predictContrib} on a native booster that
 * is loaded from the JSON on first use. xgboost4j does not promise that one {@code Booster} may
 * predict from several threads at once, so those native calls are serialised per classifier; they
 * serve explanations, not the scoring path.
 */
final class XgboostClassifier extends XgboostModel<TreeEnsemble> {
  private final Object lock = new Object();
  /** Loaded from the model JSON on the first explanation; guarded by {@link #lock}. */
  private Booster booster;

  XgboostClassifier(String algorithm, int cols, byte[] json) {
    super(algorithm, cols, json, ModelJson.read(json, cols));
  }

  /**
   * XGBoost's TreeSHAP contributions ({@code predictContrib}): {@code base} is XGBoost's bias term,
   * and {@code base + sum(perFeature)} equals the row's margin up to float rounding.
   */
  @Override
  public Optional<Contributions> contributions(double[] row) {
    checkRow(row);
    float[] c = Native.call("explaining a row", () -> {
      synchronized (lock) {
        if (booster == null) {
          booster = XGBoost.loadModel(modelJson());
        }
        DMatrix m = Native.matrix(row);
        try {
          return booster.predictContrib(m, 0)[0];
        } finally {
          m.dispose();
        }
      }
    });
    int cols = featureCount();
    if (c.length != cols + 1) {
      throw new BankmlException("XGBoost returned " + c.length + " contributions for " + cols + " features");
    }
    double[] per = new double[cols];
    for (int j = 0; j < cols; j++) {
      per[j] = c[j];
    }
    return Optional.of(new Contributions(c[cols], per));
  }

  /** Each feature's share of the total split gain (XGBoost's {@code total_gain}, normalised to sum 1). */
  @Override
  public Optional<double[]> featureImportance() {
    return Optional.of(model().gainShare());
  }

  @Override
  public String toString() {
    return "XgboostClassifier[" + algorithm() + ", trees=" + model().trees() + ", nodes=" + model().nodes()
        + ", features=" + featureCount() + "]";
  }
}
