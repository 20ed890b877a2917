package dev.bankml.models.smile;

import dev.bankml.data.BankmlException;
import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.spi.Classifier;
import dev.bankml.models.spi.Contributions;
import dev.bankml.models.spi.Hyperparameters;
import dev.bankml.models.split.Split;
import java.io.Serializable;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
  private static final Logger LOG = LoggerFactory.getLogger(BoostingModel.class);

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

  static BoostingModel train(FeatureMatrix x, int[] y, double[] weights, Hyperparameters hp, long seed) {
    int ntrees = hp.getInt("trees", 300);
    int maxDepth = hp.getInt("max_depth", 6);
    int maxNodes = hp.getInt("max_leaves", 16);
    int nodeSize = hp.getInt("min_node_size", 10);
    double shrinkage = hp.getDouble("shrinkage", 0.05);
    double subsample = hp.getDouble("subsample", 0.8);
    double holdOut = hp.getDouble("early_stopping", SmileAlgorithms.EARLY_STOPPING_DEFAULT);
    SmileAlgorithms.requireRange("trees", ntrees, 1, 100_000);
    SmileAlgorithms.requireRange("max_depth", maxDepth, 1, 100);
    SmileAlgorithms.requireRange("max_leaves", maxNodes, 2, 1_000_000);
    SmileAlgorithms.requireRange("min_node_size", nodeSize, 1, 1_000_000);
    SmileAlgorithms.requireRange("shrinkage", shrinkage, 1e-6, 1);
    SmileAlgorithms.requireRange("subsample", subsample, 0.01, 1);
    SmileAlgorithms.requireRange("early_stopping", holdOut, 0, 0.5);
    Optional<Split> split = holdOut > 0 ? EarlyStopping.split(y, holdOut, seed) : Optional.empty();
    int[] fitRows = split.map(Split::train).orElseGet(() -> identity(y.length));
    FeatureMatrix train = split.isPresent() ? x.selectRows(fitRows) : x;
    int[] labels = SmileInputs.select(y, fitRows);
    double[] fitWeights = SmileInputs.select(weights, fitRows);
    if (!SmileInputs.uniform(fitWeights)) {
      // Smile's boosting takes no weights: repeat rows in proportion to their weight.
      int[] idx = SmileInputs.expandIndex(SmileInputs.repetitions(fitWeights, 4));
      train = train.selectRows(idx);
      labels = SmileInputs.select(labels, idx);
    }
    GradientTreeBoost gbt;
    try {
      gbt = GradientTreeBoost.fit(
          SmileInputs.formula(),
          SmileInputs.frame(train, labels),
          ntrees,
          maxDepth,
          maxNodes,
          nodeSize,
          shrinkage,
          subsample);
    } catch (IllegalArgumentException e) {
      throw new BankmlException("Smile gradient boosting refused the data: " + e.getMessage(), e);
    }
    double b = initialScore(labels);
    if (split.isPresent()) {
      int[] held = split.get().test();
      int keep = EarlyStopping.bestStage(gbt.trees(), b, shrinkage, x.selectRows(held),
          SmileInputs.select(y, held), SmileInputs.select(weights, held));
      LOG.debug("gradient boosting: held-out log loss is lowest after {} of {} trees", keep, ntrees);
      if (keep < gbt.size()) {
        gbt.trim(keep);
      }
    }
    return new BoostingModel(gbt, x.cols(), b, shrinkage);
  }

  private static int[] identity(int n) {
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    return idx;
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

  /** Smile's split-gain importance per feature, summed over the trees the model keeps. */
  @Override
  public Optional<double[]> featureImportance() {
    double[] sum = new double[p];
    for (RegressionTree tree : smile.trees()) {
      double[] imp = tree.importance();
      for (int j = 0; j < p && j < imp.length; j++) {
        sum[j] += imp[j];
      }
    }
    return Optional.of(sum);
  }

  /** Number of trees the model keeps (fewer than {@code trees} after early stopping). */
  int trees() {
    return roots.length;
  }

  GradientTreeBoost smile() {
    return smile;
  }
}
