package dev.bankml.models.smile;

import dev.bankml.data.BankmlException;
import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.spi.Contributions;
import dev.bankml.models.spi.Hyperparameters;
import java.util.Optional;
import java.util.function.Function;
import smile.classification.LogisticRegression;

/**
 * L2-regularised logistic regression trained by Smile's {@code LogisticRegression.binomial}
 * (L-BFGS). The model is its coefficients: scoring is a dot product and a sigmoid, no allocation,
 * and the payload holds the feature count and the coefficients (intercept last).
 */
final class LogisticModel extends SmileClassifier {
  /** Coefficients for the features, then the intercept last (Smile's layout). */
  private final double[] w;
  private final double[] importance;

  private LogisticModel(double[] w) {
    super("logistic", w.length - 1);
    this.w = w;
    this.importance = new double[w.length - 1];
    for (int j = 0; j < importance.length; j++) {
      importance[j] = Math.abs(w[j]);
    }
  }

  /** The model Smile trained, as its coefficients. */
  static LogisticModel of(LogisticRegression.Binomial smile) {
    return new LogisticModel(smile.coefficients().clone());
  }

  /** The model with these coefficients (features, then the intercept), which must be finite. */
  static LogisticModel of(double[] coefficients, Function<String, ? extends RuntimeException> refuse) {
    if (coefficients.length < 2 || coefficients.length > PayloadFormat.MAX_FEATURES + 1) {
      throw refuse.apply("it has " + coefficients.length + " coefficients; a model of 1 to "
          + PayloadFormat.MAX_FEATURES + " features has 2 to " + (PayloadFormat.MAX_FEATURES + 1));
    }
    for (int j = 0; j < coefficients.length; j++) {
      if (!Double.isFinite(coefficients[j])) {
        throw refuse.apply("coefficient " + j + " is " + coefficients[j] + "; it must be a finite number");
      }
    }
    return new LogisticModel(coefficients.clone());
  }

  static LogisticModel read(PayloadReader in) {
    int p = in.count("number of features", 1, PayloadFormat.MAX_FEATURES);
    return of(in.finiteReals("coefficients", p + 1L), in::corrupt);
  }

  @Override
  public void write(PayloadWriter out) {
    out.integer(featureCount()).reals(w);
  }

  static LogisticModel train(FeatureMatrix x, int[] y, double[] weights, Hyperparameters hp) {
    double lambda = hp.getDouble("lambda", 1.0);
    double tol = hp.getDouble("tolerance", 1e-5);
    int maxIter = hp.getInt("max_iterations", 500);
    SmileAlgorithms.requireRange("lambda", lambda, 0, 1e6);
    SmileAlgorithms.requireRange("tolerance", tol, 1e-12, 0.1);
    SmileAlgorithms.requireRange("max_iterations", maxIter, 1, 100_000);
    double[][] rows;
    int[] labels;
    if (SmileInputs.uniform(weights)) {
      rows = SmileInputs.rows(x);
      labels = y;
    } else {
      // Smile's logistic regression takes no weights: repeat rows in proportion to their weight.
      int[] idx = SmileInputs.expandIndex(SmileInputs.repetitions(weights, 4));
      rows = x.selectRows(idx).toRowArrays();
      labels = SmileInputs.select(y, idx);
    }
    try {
      return of(LogisticRegression.binomial(rows, labels, lambda, tol, maxIter));
    } catch (IllegalArgumentException e) {
      throw new BankmlException("Smile logistic regression refused the data: " + e.getMessage(), e);
    }
  }

  @Override
  protected double probabilityAt(double[] v, int offset) {
    return sigmoid(logOdds(v, offset));
  }

  private double logOdds(double[] v, int offset) {
    int p = w.length - 1;
    double z = w[p];
    for (int j = 0; j < p; j++) {
      z += w[j] * v[offset + j];
    }
    return z;
  }

  static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  /** Exact: feature j contributes {@code w_j * x_j} log-odds; the base is the intercept. */
  @Override
  public Optional<Contributions> contributions(double[] row) {
    SmileAlgorithms.checkRow(row, featureCount());
    double[] c = new double[featureCount()];
    for (int j = 0; j < c.length; j++) {
      c[j] = w[j] * row[j];
    }
    return Optional.of(new Contributions(w[w.length - 1], c));
  }

  /** |coefficient| per feature (meaningful as importance when features are standardised). */
  @Override
  public Optional<double[]> featureImportance() {
    return Optional.of(importance.clone());
  }

  /** Coefficients per feature, then the intercept. */
  double[] coefficients() {
    return w.clone();
  }
}
