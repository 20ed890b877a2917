package dev.bankml.models.smile;

import dev.bankml.data.BankmlException;
import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.spi.Contributions;
import dev.bankml.models.spi.Hyperparameters;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.LongStream;
import smile.base.cart.Node;
import smile.base.cart.SplitRule;
import smile.classification.RandomForest;

/**
 * Random forest (Smile's {@code RandomForest}, Gini splits, bootstrap samples, soft voting weighted
 * as Smile weights its trees).
 *
 * <p>Trained by Smile, then kept as plain data: each tree's weight, the trees as flat node arrays
 * whose leaves hold Smile's class posteriors ({@link TreeEnsemble}), and the importances. A unit
 * test checks agreement with Smile's {@code predict} and TreeSHAP; the payload holds exactly these
 * numbers.
 */
final class ForestModel extends SmileClassifier {
  private final int p;
  private final TreeEnsemble trees;
  private final double[] treeWeights;
  private final double[] importance;

  private ForestModel(int p, TreeEnsemble trees, double[] treeWeights, double[] importance) {
    super("random-forest", p);
    this.p = p;
    this.trees = trees;
    this.treeWeights = treeWeights;
    this.importance = importance;
  }

  /** The forest Smile trained over {@code p} features; {@code maxNodes} bounds the tree walk. */
  static ForestModel of(RandomForest smile, int p, int maxNodes, Function<String, ? extends RuntimeException> refuse) {
    RandomForest.Model[] models = smile.models();
    Node[] roots = new Node[models.length];
    double[] weights = new double[models.length];
    for (int t = 0; t < models.length; t++) {
      roots[t] = models[t].tree.root();
      weights[t] = models[t].weight;
    }
    return of(p, SmileTrees.classification(roots, p, maxNodes, refuse), weights, smile.importance().clone(), refuse);
  }

  private static ForestModel of(int p, TreeEnsemble trees, double[] weights, double[] importance,
      Function<String, ? extends RuntimeException> refuse) {
    if (trees.outputs() != 2) {
      throw refuse.apply("its trees have " + trees.outputs() + " outputs per leaf; forest trees have 2");
    }
    if (weights.length != trees.trees()) {
      throw refuse.apply("it has " + weights.length + " tree weights for " + trees.trees() + " trees");
    }
    double total = 0;
    for (int t = 0; t < weights.length; t++) {
      if (!(weights[t] >= 0) || Double.isInfinite(weights[t])) {
        throw refuse.apply("tree " + t + " has the weight " + weights[t] + "; weights must be finite and >= 0");
      }
      total += weights[t];
    }
    if (!(total > 0)) {
      throw refuse.apply("every tree has weight 0; at least one tree must count in the vote");
    }
    if (importance.length != p) {
      throw refuse.apply("it has " + importance.length + " importances for " + p + " features");
    }
    return new ForestModel(p, trees, weights, importance);
  }

  static ForestModel read(PayloadReader in) {
    int p = in.count("number of features", 1, PayloadFormat.MAX_FEATURES);
    double[] importance = in.finiteReals("feature importances", p);
    int n = in.count("number of tree weights", 1, PayloadFormat.MAX_TREES);
    double[] weights = in.finiteReals("tree weights", n);
    TreeEnsemble trees = TreeEnsemble.read(in, p, 2);
    return of(p, trees, weights, importance, in::corrupt);
  }

  @Override
  public void write(PayloadWriter out) {
    out.integer(p).reals(importance).integer(treeWeights.length).reals(treeWeights);
    trees.write(out);
  }

  static ForestModel train(FeatureMatrix x, int[] y, double[] weights, Hyperparameters hp, long seed) {
    int p = x.cols();
    int ntrees = hp.getInt("trees", 200);
    int mtry = hp.getInt("mtry", 0);
    int maxDepth = hp.getInt("max_depth", 20);
    int nodeSize = hp.getInt("min_node_size", 5);
    double subsample = hp.getDouble("subsample", 1.0);
    SmileAlgorithms.requireRange("trees", ntrees, 1, 100_000);
    SmileAlgorithms.requireRange("mtry", mtry, 0, 100_000);
    SmileAlgorithms.requireRange("max_depth", maxDepth, 2, PayloadFormat.MAX_TREE_DEPTH);
    SmileAlgorithms.requireRange("min_node_size", nodeSize, 1, 1_000_000);
    SmileAlgorithms.requireRange("subsample", subsample, 0.01, 1);
    // 0 means sqrt(features), Smile's and scikit-learn's choice; more than every feature means all.
    mtry = mtry == 0 ? Math.max(1, (int) Math.floor(Math.sqrt(p))) : Math.min(mtry, p);
    int maxNodes = Math.max(2, x.rows() / nodeSize);
    SplittableRandom rng = new SplittableRandom(seed);
    long[] treeSeeds = LongStream.generate(() -> rng.nextLong() & Long.MAX_VALUE).limit(ntrees).toArray();
    try {
      RandomForest rf =
          RandomForest.fit(
              SmileInputs.formula(),
              SmileInputs.frame(x, y),
              ntrees,
              mtry,
              SplitRule.GINI,
              maxDepth,
              maxNodes,
              nodeSize,
              subsample,
              classWeights(y, weights),
              LongStream.of(treeSeeds));
      return of(rf, p, Integer.MAX_VALUE - 8, BankmlException::new);
    } catch (IllegalArgumentException e) {
      throw new BankmlException("Smile random forest refused the data: " + e.getMessage(), e);
    }
  }

  /**
   * Smile's forest takes integer class "weights" that describe class priors to compensate, not
   * emphasis: Smile's documentation asks for {@code [1, 4]} when positives outnumber negatives 4 to
   * 1, and that setting lowers the positives' influence (checked empirically). So a class that
   * bankml weights more heavily gets the smaller number: {@code round(max(m) / m_c)}, where
   * {@code m_c} is the mean row weight of class c (at most 1000).
   */
  static int[] classWeights(int[] y, double[] weights) {
    double[] sum = new double[2];
    int[] count = new int[2];
    for (int i = 0; i < y.length; i++) {
      sum[y[i]] += weights[i];
      count[y[i]]++;
    }
    double m0 = sum[0] / count[0];
    double m1 = sum[1] / count[1];
    if (m0 <= 0 || m1 <= 0) {
      throw new BankmlException(
          "every row of class " + (m0 <= 0 ? 0 : 1) + " has weight 0; the random forest needs both classes");
    }
    double max = Math.max(m0, m1);
    return new int[] {
      (int) Math.min(1000, Math.round(max / m0)), (int) Math.min(1000, Math.round(max / m1))
    };
  }

  /** Smile's weighted soft vote: the weighted sum of the leaves' class-1 posteriors over that of both. */
  @Override
  protected double probabilityAt(double[] v, int offset) {
    double pos = 0;
    double total = 0;
    for (int t = 0; t < treeWeights.length; t++) {
      int leaf = trees.leafOf(t, v, offset);
      double post0 = trees.value(leaf, 0);
      double post1 = trees.value(leaf, 1);
      pos += treeWeights[t] * post1;
      total += treeWeights[t] * (post0 + post1);
    }
    return pos / total;
  }

  /**
   * TreeSHAP values of the positive-class probability (averaged over the trees, unweighted, as
   * Smile's {@code RandomForest.shap} does), mapped to log-odds by one common factor
   * {@code (logit(p) - logit(p0)) / (p - p0)} (p0 = p minus their sum), which keeps their signs,
   * ratios and exact additivity.
   */
  @Override
  public Optional<Contributions> contributions(double[] row) {
    SmileAlgorithms.checkRow(row, p);
    double prob = probabilityAt(row, 0);
    double[] phi = new double[p];
    int n = trees.trees();
    for (int t = 0; t < n; t++) {
      trees.shap(t, row, 1, phi);
    }
    double sum = 0;
    for (int j = 0; j < p; j++) {
      phi[j] /= n;
      sum += phi[j];
    }
    double pc = clamp(prob);
    double p0 = clamp(pc - sum);
    double factor =
        Math.abs(pc - p0) < 1e-12
            ? 1 / (pc * (1 - pc))
            : (SmileAlgorithms.logit(pc) - SmileAlgorithms.logit(p0)) / (pc - p0);
    double[] c = new double[p];
    double csum = 0;
    for (int j = 0; j < p; j++) {
      c[j] = phi[j] * factor;
      csum += c[j];
    }
    return Optional.of(new Contributions(SmileAlgorithms.logit(pc) - csum, c));
  }

  private static double clamp(double prob) {
    return Math.min(1 - 1e-9, Math.max(1e-9, prob));
  }

  /** Smile's impurity-decrease importance per feature. */
  @Override
  public Optional<double[]> featureImportance() {
    return Optional.of(importance.clone());
  }
}
