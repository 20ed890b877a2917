package dev.bankml.models.xgboost;

import dev.bankml.data.BankmlException;
import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.spi.Contributions;

/**
 * XGBoost's linear booster ({@code gblinear}) scored in Java, as XGBoost predicts: the margin starts
 * at the bias plus the base margin in {@code float} and adds {@code (float) x_j * w_j} feature by
 * feature in {@code float}; a missing value (NaN) is left out, as XGBoost leaves out absent entries.
 * Contributions are exact and relative to the training baseline (the mean of each feature over the
 * training rows, a missing value counting as 0): feature j contributes {@code w_j * (x_j - baseline_j)}
 * and the base is the margin of the baseline row. Immutable.
 */
final class LinearModel implements MarginModel {
  /** The attribute of XGBoost's JSON model that holds the training baseline, comma-separated. */
  static final String BASELINE_ATTRIBUTE = "bankml_baseline";

  private final float[] weights;
  private final float bias;
  private final float baseMargin;
  private final double[] baseline;
  /** The margin of the baseline row: {@code bias + baseMargin + sum(w_j * baseline_j)}. */
  private final double baselineMargin;

  LinearModel(float[] weights, float bias, float baseMargin, double[] baseline) {
    if (baseline.length != weights.length) {
      throw new BankmlException("XGBoost linear model has " + weights.length + " weights but a baseline of "
          + baseline.length + " values");
    }
    this.weights = weights.clone();
    this.bias = bias;
    this.baseMargin = baseMargin;
    this.baseline = baseline.clone();
    double m = bias + baseMargin;
    for (int j = 0; j < weights.length; j++) {
      m += weights[j] * baseline[j];
    }
    this.baselineMargin = m;
  }

  int features() {
    return weights.length;
  }

  /** The coefficients in log-odds per unit of each feature (a copy). */
  float[] weights() {
    return weights.clone();
  }

  float bias() {
    return bias;
  }

  float baseMargin() {
    return baseMargin;
  }

  @Override
  public float margin(double[] v, int offset) {
    float m = bias + baseMargin;
    for (int j = 0; j < weights.length; j++) {
      float x = (float) v[offset + j];
      if (x == x) {
        m += x * weights[j];
      }
    }
    return m;
  }

  /** Exact contributions of {@code row} relative to the training baseline; they add up to the margin. */
  Contributions contributions(double[] row) {
    double[] per = new double[weights.length];
    for (int j = 0; j < per.length; j++) {
      float x = (float) row[j];
      per[j] = weights[j] * ((x == x ? x : 0.0) - baseline[j]);
    }
    return new Contributions(baselineMargin, per);
  }

  /** |w_j| per feature: comparable across features when they are standardised, as the default pipeline does. */
  double[] importance() {
    double[] out = new double[weights.length];
    for (int j = 0; j < out.length; j++) {
      out[j] = Math.abs(weights[j]);
    }
    return out;
  }

  /**
   * The mean of each feature of {@code x}, a missing value counting as 0 (as in XGBoost's linear
   * prediction); summed row by row in the same order as the explainer's baseline, so the two agree.
   */
  static double[] baselineOf(FeatureMatrix x) {
    int cols = x.cols();
    double[] v = x.rowMajorValues();
    double[] m = new double[cols];
    for (int i = 0; i < x.rows(); i++) {
      for (int j = 0; j < cols; j++) {
        double value = v[i * cols + j];
        m[j] += value == value ? value : 0;
      }
    }
    for (int j = 0; j < cols; j++) {
      m[j] /= x.rows();
    }
    return m;
  }

  /** The baseline as the attribute's text: each value's shortest exact decimal, comma-separated. */
  static String formatBaseline(double[] baseline) {
    StringBuilder s = new StringBuilder(baseline.length * 24);
    for (int j = 0; j < baseline.length; j++) {
      if (j > 0) {
        s.append(',');
      }
      s.append(baseline[j]);
    }
    return s.toString();
  }

  /** Parses the attribute's text; refuses anything but {@code features} finite numbers. */
  static double[] parseBaseline(String text, int features) {
    if (text == null) {
      throw new BankmlException("XGBoost linear model has no '" + BASELINE_ATTRIBUTE + "' attribute;"
          + " it was not written by this backend");
    }
    String[] parts = text.split(",", -1);
    if (parts.length != features) {
      throw new BankmlException("XGBoost linear model's baseline has " + parts.length + " values; the model has "
          + features + " features");
    }
    double[] out = new double[features];
    for (int j = 0; j < features; j++) {
      try {
        out[j] = Double.parseDouble(parts[j]);
      } catch (NumberFormatException e) {
        throw new BankmlException("XGBoost linear model's baseline value " + j + " is '" + parts[j] + "', not a number", e);
      }
      if (!Double.isFinite(out[j])) {
        throw new BankmlException("XGBoost linear model's baseline value " + j + " is " + out[j] + "; it must be finite");
      }
    }
    return out;
  }
}
