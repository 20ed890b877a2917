package dev.bankml.models.smile;

import dev.bankml.data.BankmlException;
import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.spi.Classifier;
import dev.bankml.models.spi.Contributions;
import dev.bankml.models.spi.Hyperparameters;
import java.io.Serializable;
import java.util.Optional;
import smile.base.cart.Node;
import smile.base.cart.RegressionNode;
import smile.classification.GradientTreeBoost;
import smile.data.Tuple;
import smile.data.type.StructType;
import smile.regression.RegressionTree;

/**
 * Gradient-boosted regression trees (Smile's {@code GradientTreeBoost}, binomial deviance).
 *
 * <p>Smile's own {@code predict} re-binds its formula to every row; here a row is wrapped once in
 * a {@link Tuple} over the caller's array and every tree's root is walked directly. The log-odds
 * are {@code 2 (b + shrinkage * sum(tree outputs))}, exactly as Smile computes them (a unit test
 * checks agreement with Smile's {@code predict}).
 */
final class BoostingModel implements Classifier, Serializable {
  private static final long serialVersionUID = 1L;

  private final GradientTreeBoost smile;
  private final int p;
  private final double b;
  private final double shrinkage;
  private final StructType schema;
  private final Node[] roots;

  private BoostingModel(GradientTreeBoost smile, int p, double b, double shrinkage) {
    this.smile = smile;
    this.p = p;
    this.b = b;
    this.shrinkage = shrinkage;
    this.schema = SmileInputs.featureSchema(p);
    RegressionTree[] trees = smile.trees();
    this.roots = new Node[trees.length];
    for (int t = 0; t < trees.length; t++) {
      roots[t] = trees[t].root();
    }
  }

  static BoostingModel train(FeatureMatrix x, int[] y, double[] weights, Hyperparameters hp) {
    int ntrees = hp.getInt("trees", 300);
    int maxDepth = hp.getInt("max_depth", 6);
    int maxNodes = hp.getInt("max_leaves", 16);
    int nodeSize = hp.getInt("min_node_size", 10);
    double shrinkage = hp.getDouble("shrinkage", 0.05);
    double subsample = hp.getDouble("subsample", 0.8);
    SmileAlgorithms.requireRange("trees", ntrees, 1, 100_000);
    SmileAlgorithms.requireRange("max_depth", maxDepth, 1, 100);
    SmileAlgorithms.requireRange("max_leaves", maxNodes, 2, 1_000_000);
    SmileAlgorithms.requireRange("min_node_size", nodeSize, 1, 1_000_000);
    SmileAlgorithms.requireRange("shrinkage", shrinkage, 1e-6, 1);
    SmileAlgorithms.requireRange("subsample", subsample, 0.01, 1);
    FeatureMatrix train = x;
    int[] labels = y;
    if (!SmileInputs.uniform(weights)) {
      // Smile's boosting takes no weights: repeat rows in proportion to their weight.
      int[] idx = SmileInputs.expandIndex(SmileInputs.repetitions(weights, 4));
      train = x.selectRows(idx);
      labels = SmileInputs.select(y, idx);
    }
    try {
      GradientTreeBoost gbt =
          GradientTreeBoost.fit(
              SmileInputs.formula(),
              SmileInputs.frame(train, labels),
              ntrees,
              maxDepth,
              maxNodes,
              nodeSize,
              shrinkage,
              subsample);
      return new BoostingModel(gbt, x.cols(), initialScore(labels), shrinkage);
    } catch (IllegalArgumentException e) {
      throw new BankmlException("Smile gradient boosting refused the data: " + e.getMessage(), e);
    }
  }

  /** Smile's starting score for labels in {-1, +1}: half the log-odds of the positive rate. */
  private static double initialScore(int[] y) {
    double mean = 0;
    for (int v : y) {
      mean += 2 * v - 1;
    }
    mean /= y.length;
    return 0.5 * Math.log((1 + mean) / (1 - mean));
  }

  @Override
  public String algorithm() {
    return "gradient-boosting";
  }

  @Override
  public int featureCount() {
    return p;
  }

  @Override
  public double probability(double[] row) {
    SmileAlgorithms.checkRow(row, p);
    return LogisticModel.sigmoid(logOdds(Tuple.of(row, schema)));
  }

  @Override
  public double[] probabilities(FeatureMatrix x) {
    SmileAlgorithms.checkMatrix(x, p);
    double[] buffer = new double[p];
    Tuple tuple = Tuple.of(buffer, schema);
    double[] out = new double[x.rows()];
    for (int i = 0; i < out.length; i++) {
      x.copyRow(i, buffer);
      out[i] = LogisticModel.sigmoid(logOdds(tuple));
    }
    return out;
  }

  private double logOdds(Tuple row) {
    double f = b;
    for (Node root : roots) {
      f += shrinkage * ((RegressionNode) root.predict(row)).output();
    }
    return 2 * f;
  }

  /**
   * Smile's TreeSHAP values, in log-odds. Smile 3.1.1 returns the mean of the trees' SHAP values
   * (without shrinkage, repeated for both classes); the log-odds are {@code 2 (b + shrinkage * sum)},
   * so each value is multiplied by {@code 2 * shrinkage * trees}. The base (the same for every row)
   * makes them add up exactly to the row's log-odds.
   */
  @Override
  public Optional<Contributions> contributions(double[] row) {
    SmileAlgorithms.checkRow(row, p);
    Tuple t = Tuple.of(row, schema);
    double[] raw = smile.shap(t);
    double[] c = new double[p];
    double scale = 2 * shrinkage * roots.length;
    double sum = 0;
    for (int j = 0; j < p; j++) {
      c[j] = SmileAlgorithms.shapOfPositiveClass(raw, p, j) * scale;
      sum += c[j];
    }
    return Optional.of(new Contributions(logOdds(t) - sum, c));
  }

  /** Smile's split-gain importance per feature. */
  @Override
  public Optional<double[]> featureImportance() {
    return Optional.of(smile.importance().clone());
  }

  GradientTreeBoost smile() {
    return smile;
  }
}
