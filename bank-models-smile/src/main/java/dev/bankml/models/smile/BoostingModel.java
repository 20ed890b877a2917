package dev.bankml.models.smile;

import dev.bankml.data.BankmlException;
import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.spi.Contributions;
import dev.bankml.models.spi.Hyperparameters;
import dev.bankml.models.split.Split;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import smile.base.cart.Node;
import smile.classification.GradientTreeBoost;
import smile.regression.RegressionTree;

/**
 * Gradient-boosted regression trees (Smile's {@code GradientTreeBoost}, binomial deviance).
 *
 * <p>Trained by Smile, then kept as plain data: the intercept {@code b}, the shrinkage, the trees
 * as flat node arrays ({@link TreeEnsemble}) and the importances. The log-odds are
 * {@code 2 (b + shrinkage * sum(tree outputs))}, exactly as Smile computes them (a unit test checks
 * agreement with Smile's {@code predict} and TreeSHAP); the payload holds exactly these numbers.
 */
final class BoostingModel extends SmileClassifier {
  private static final Logger LOG = LoggerFactory.getLogger(BoostingModel.class);

  private final int p;
  private final double b;
  private final double shrinkage;
  private final TreeEnsemble trees;
  private final double[] importance;

  private BoostingModel(int p, double b, double shrinkage, TreeEnsemble trees, double[] importance) {
    super("gradient-boosting", p);
    this.p = p;
    this.b = b;
    this.shrinkage = shrinkage;
    this.trees = trees;
    this.importance = importance;
  }

  /**
   * The model Smile trained over {@code p} features with intercept {@code b} (Smile keeps it
   * private; {@link #train} computes it as Smile does); {@code maxNodes} bounds the tree walk.
   */
  static BoostingModel of(GradientTreeBoost smile, int p, double b, double shrinkage, int maxNodes,
      Function<String, ? extends RuntimeException> refuse) {
    RegressionTree[] smileTrees = smile.trees();
    Node[] roots = new Node[smileTrees.length];
    double[] importance = new double[p];
    for (int t = 0; t < smileTrees.length; t++) {
      roots[t] = smileTrees[t].root();
      double[] imp = smileTrees[t].importance();
      for (int j = 0; j < p && j < imp.length; j++) {
        importance[j] += imp[j];
      }
    }
    return of(p, b, shrinkage, SmileTrees.regression(roots, p, maxNodes, refuse), importance, refuse);
  }

  private static BoostingModel of(int p, double b, double shrinkage, TreeEnsemble trees, double[] importance,
      Function<String, ? extends RuntimeException> refuse) {
    if (!Double.isFinite(b)) {
      throw refuse.apply("the intercept is " + b + "; it must be a finite number");
    }
    if (!(shrinkage > 0 && shrinkage <= 1)) {
      throw refuse.apply("the shrinkage is " + shrinkage + "; valid values are above 0 and at most 1");
    }
    if (trees.outputs() != 1) {
      throw refuse.apply("its trees have " + trees.outputs() + " outputs per leaf; boosting trees have 1");
    }
    if (importance.length != p) {
      throw refuse.apply("it has " + importance.length + " importances for " + p + " features");
    }
    return new BoostingModel(p, b, shrinkage, trees, importance);
  }

  static BoostingModel read(PayloadReader in) {
    int p = in.count("number of features", 1, PayloadFormat.MAX_FEATURES);
    double b = in.finite("intercept");
    double shrinkage = in.finite("shrinkage");
    double[] importance = in.finiteReals("feature importances", p);
    TreeEnsemble trees = TreeEnsemble.read(in, p, 1);
    return of(p, b, shrinkage, trees, importance, in::corrupt);
  }

  @Override
  public void write(PayloadWriter out) {
    out.integer(p).real(b).real(shrinkage).reals(importance);
    trees.write(out);
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
    SmileAlgorithms.requireRange("max_depth", maxDepth, 1, PayloadFormat.MAX_TREE_DEPTH);
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
    return of(gbt, x.cols(), b, shrinkage, Integer.MAX_VALUE - 8, BankmlException::new);
  }

  private static int[] identity(int n) {
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    return idx;
  }

  /** Smile's starting score for labels in {-1, +1}: half the log-odds of the positive rate. */
  static double initialScore(int[] y) {
    double mean = 0;
    for (int v : y) {
      mean += 2 * v - 1;
    }
    mean /= y.length;
    return 0.5 * Math.log((1 + mean) / (1 - mean));
  }

  @Override
  protected double probabilityAt(double[] v, int offset) {
    return LogisticModel.sigmoid(logOdds(v, offset));
  }

  private double logOdds(double[] v, int offset) {
    double f = b;
    for (int t = 0, n = trees.trees(); t < n; t++) {
      f += shrinkage * trees.value(trees.leafOf(t, v, offset), 0);
    }
    return 2 * f;
  }

  /**
   * TreeSHAP values in log-odds. As Smile 3.1.1 does, the trees' SHAP values are averaged (without
   * shrinkage); the log-odds are {@code 2 (b + shrinkage * sum)}, so each value is multiplied by
   * {@code 2 * shrinkage * trees}. The base (the same for every row) makes them add up exactly to
   * the row's log-odds.
   */
  @Override
  public Optional<Contributions> contributions(double[] row) {
    SmileAlgorithms.checkRow(row, p);
    int n = trees.trees();
    double[] phi = new double[p];
    for (int t = 0; t < n; t++) {
      trees.shap(t, row, 0, phi);
    }
    double scale = 2 * shrinkage * n;
    double[] c = new double[p];
    double sum = 0;
    for (int j = 0; j < p; j++) {
      c[j] = phi[j] / n * scale;
      sum += c[j];
    }
    return Optional.of(new Contributions(logOdds(row, 0) - sum, c));
  }

  /** Smile's split-gain importance per feature, summed over the trees the model keeps. */
  @Override
  public Optional<double[]> featureImportance() {
    return Optional.of(importance.clone());
  }

  /** Number of trees the model keeps (fewer than {@code trees} after early stopping). */
  int trees() {
    return trees.trees();
  }
}
