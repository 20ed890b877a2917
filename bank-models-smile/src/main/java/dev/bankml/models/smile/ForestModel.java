package dev.bankml.models.smile;

import dev.bankml.data.BankmlException;
import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.spi.Classifier;
import dev.bankml.models.spi.Contributions;
import dev.bankml.models.spi.Hyperparameters;
import java.io.Serializable;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import smile.base.cart.DecisionNode;
import smile.base.cart.Node;
import smile.base.cart.SplitRule;
import smile.classification.RandomForest;
import smile.data.Tuple;
import smile.data.type.StructType;

/**
 * Random forest (Smile's {@code RandomForest}, Gini splits, bootstrap samples, soft voting weighted
 * as Smile weights its trees). Scoring walks each tree's root over a {@link Tuple} wrapping the
 * caller's array, avoiding Smile's per-row formula binding; a unit test checks agreement with
 * Smile's {@code predict}.
 */
final class ForestModel implements Classifier, Serializable {
  private static final long serialVersionUID = 1L;

  private final RandomForest smile;
  private final int p;
  private final StructType schema;
  private final Node[] roots;
  private final double[] treeWeights;

  private ForestModel(RandomForest smile, int p) {
    this.smile = smile;
    this.p = p;
    this.schema = SmileInputs.featureSchema(p);
    RandomForest.Model[] models = smile.models();
    this.roots = new Node[models.length];
    this.treeWeights = new double[models.length];
    for (int t = 0; t < models.length; t++) {
      roots[t] = models[t].tree.root();
      treeWeights[t] = models[t].weight;
    }
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
    SmileAlgorithms.requireRange("max_depth", maxDepth, 2, 1000);
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
      return new ForestModel(rf, p);
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

  @Override
  public String algorithm() {
    return "random-forest";
  }

  @Override
  public int featureCount() {
    return p;
  }

  @Override
  public double probability(double[] row) {
    SmileAlgorithms.checkRow(row, p);
    return vote(Tuple.of(row, schema), new double[2]);
  }

  @Override
  public double[] probabilities(FeatureMatrix x) {
    SmileAlgorithms.checkMatrix(x, p);
    double[] buffer = new double[p];
    double[] post = new double[2];
    Tuple tuple = Tuple.of(buffer, schema);
    double[] out = new double[x.rows()];
    for (int i = 0; i < out.length; i++) {
      x.copyRow(i, buffer);
      out[i] = vote(tuple, post);
    }
    return out;
  }

  private double vote(Tuple row, double[] post) {
    double pos = 0;
    double total = 0;
    for (int t = 0; t < roots.length; t++) {
      ((DecisionNode) roots[t].predict(row)).posteriori(post);
      pos += treeWeights[t] * post[1];
      total += treeWeights[t] * (post[0] + post[1]);
    }
    return pos / total;
  }

  /**
   * Smile's TreeSHAP values explain the positive-class probability; they are mapped to log-odds by
   * one common factor {@code (logit(p) - logit(p0)) / (p - p0)} (p0 = p minus their sum), which keeps
   * their signs, ratios and exact additivity.
   */
  @Override
  public Optional<Contributions> contributions(double[] row) {
    SmileAlgorithms.checkRow(row, p);
    Tuple t = Tuple.of(row, schema);
    double prob = vote(t, new double[2]);
    double[] raw = smile.shap(t);
    double[] phi = new double[p];
    double sum = 0;
    for (int j = 0; j < p; j++) {
      phi[j] = SmileAlgorithms.shapOfPositiveClass(raw, p, j);
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
    return Optional.of(smile.importance().clone());
  }

  RandomForest smile() {
    return smile;
  }
}
