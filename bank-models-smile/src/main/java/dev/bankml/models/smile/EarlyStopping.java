package dev.bankml.models.smile;

import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.split.Split;
import dev.bankml.models.split.StratifiedSplit;
import java.util.Optional;
import smile.base.cart.RegressionNode;
import smile.data.Tuple;
import smile.data.type.StructType;
import smile.regression.RegressionTree;

/**
 * Early stopping for gradient boosting: a stratified, seeded slice of the training rows is held
 * out, every stage of the grown ensemble is scored on it, and the ensemble is cut after the stage
 * with the lowest held-out log loss.
 *
 * <p>Smile 3.1.1 grows all stages in one call (there is no per-stage callback), so the whole curve
 * is known and the best stage over all of it is kept; a "patience" would only pick an earlier,
 * worse stage without saving any training time.
 */
final class EarlyStopping {
  /** Log loss is clipped to probabilities in [EPS, 1 - EPS], like the metrics module. */
  private static final double EPS = 1e-15;

  private EarlyStopping() {}

  /**
   * The rows to fit on and the rows to hold out ({@code fraction} of each class), or empty when a
   * class has too few rows to leave one in each part.
   */
  static Optional<Split> split(int[] y, double fraction, long seed) {
    int pos = 0;
    for (int v : y) {
      pos += v;
    }
    if (pos < 2 || y.length - pos < 2) {
      return Optional.empty();
    }
    return Optional.of(StratifiedSplit.trainTest(y, fraction, seed));
  }

  /**
   * The number of stages (1 to {@code trees.length}) whose ensemble has the lowest weighted log
   * loss on the held-out rows; ties keep the smaller ensemble. The log-odds after stage t are
   * {@code 2 (b + shrinkage * sum of the first t trees)}, as in {@link BoostingModel}.
   */
  static int bestStage(RegressionTree[] trees, double b, double shrinkage, FeatureMatrix x, int[] y, double[] w) {
    int p = x.cols();
    StructType schema = SmileInputs.featureSchema(p);
    double[] buffer = new double[p];
    Tuple tuple = Tuple.of(buffer, schema);
    double[] f = new double[x.rows()];
    double[][] output = new double[trees.length][];
    for (int t = 0; t < trees.length; t++) {
      output[t] = new double[x.rows()];
    }
    for (int i = 0; i < x.rows(); i++) {
      x.copyRow(i, buffer);
      for (int t = 0; t < trees.length; t++) {
        output[t][i] = ((RegressionNode) trees[t].root().predict(tuple)).output();
      }
      f[i] = b;
    }
    int best = trees.length;
    double bestLoss = Double.POSITIVE_INFINITY;
    for (int t = 0; t < trees.length; t++) {
      double loss = 0;
      for (int i = 0; i < f.length; i++) {
        f[i] += shrinkage * output[t][i];
        double prob = Math.min(1 - EPS, Math.max(EPS, LogisticModel.sigmoid(2 * f[i])));
        loss -= w[i] * (y[i] == 1 ? Math.log(prob) : Math.log(1 - prob));
      }
      if (loss < bestLoss) {
        bestLoss = loss;
        best = t + 1;
      }
    }
    return best;
  }
}
