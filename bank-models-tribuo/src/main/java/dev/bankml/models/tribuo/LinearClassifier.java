package dev.bankml.models.tribuo;

import dev.bankml.models.spi.Contributions;
import java.util.Optional;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.math.la.DenseMatrix;

/**
 * Logistic regression trained by Tribuo's {@link LinearSGDModel}. The learned weights are read once
 * and scoring computes the two class scores and their softmax directly, in the same order of
 * operations as Tribuo, so a single row costs one dot product pair and no allocation.
 */
final class LinearClassifier extends TribuoClassifier<LinearSGDModel> {
  /** Class-score weights per column, for the label with Tribuo id 0 and id 1. */
  private final double[] w0;
  private final double[] w1;
  private final double b0;
  private final double b1;
  /** Whether Tribuo id 1 is the positive class. */
  private final boolean positiveIsOne;

  LinearClassifier(LinearSGDModel model, int cols) {
    super(model, "logistic", cols);
    ImmutableFeatureMap fmap = model.getFeatureIDMap();
    DenseMatrix w = model.getWeightsCopy();
    int bias = fmap.size();
    int[] ids = TribuoData.columnIds(fmap, cols);
    w0 = new double[cols];
    w1 = new double[cols];
    for (int j = 0; j < cols; j++) {
      if (ids[j] >= 0) {
        w0[j] = w.get(0, ids[j]);
        w1[j] = w.get(1, ids[j]);
      }
    }
    b0 = w.get(0, bias);
    b1 = w.get(1, bias);
    positiveIsOne = model.getOutputIDInfo().getID(TribuoData.POSITIVE) == 1;
  }

  @Override
  protected double probabilityAt(double[] v, int offset) {
    double s0 = 0;
    double s1 = 0;
    for (int j = 0; j < w0.length; j++) {
      double x = v[offset + j];
      s0 += w0[j] * x;
      s1 += w1[j] * x;
    }
    // Tribuo adds the bias feature last, then applies a max-shifted softmax.
    s0 += b0;
    s1 += b1;
    double max = Math.max(s0, s1);
    double e0 = Math.exp(s0 - max);
    double e1 = Math.exp(s1 - max);
    double sum = e0 + e1;
    return positiveIsOne ? e1 / sum : e0 / sum;
  }

  /** Log-odds weight of each column: positive-class score weight minus negative-class weight. */
  double[] coefficients() {
    double[] c = new double[featureCount()];
    for (int j = 0; j < featureCount(); j++) {
      c[j] = positiveIsOne ? w1[j] - w0[j] : w0[j] - w1[j];
    }
    return c;
  }

  /** Log-odds intercept. */
  double intercept() {
    return positiveIsOne ? b1 - b0 : b0 - b1;
  }

  @Override
  public Optional<Contributions> contributions(double[] row) {
    checkRow(row);
    double[] c = coefficients();
    for (int j = 0; j < featureCount(); j++) {
      c[j] *= row[j];
    }
    return Optional.of(new Contributions(intercept(), c));
  }

  @Override
  public Optional<double[]> featureImportance() {
    double[] c = coefficients();
    for (int j = 0; j < featureCount(); j++) {
      c[j] = Math.abs(c[j]);
    }
    return Optional.of(c);
  }
}
