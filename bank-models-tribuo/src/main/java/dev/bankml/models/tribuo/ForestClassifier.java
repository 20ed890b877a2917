package dev.bankml.models.tribuo;

import dev.bankml.features.FeatureMatrix;
import java.util.Arrays;
import java.util.Optional;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.common.tree.LeafNode;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.SplitNode;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.ensemble.WeightedEnsembleModel;

/**
 * A random forest of Tribuo CART trees. The trees are copied once into {@link FlatTrees} and scored
 * directly (Tribuo's split rule, right when value &gt; threshold, as an exact cut), and leaf distributions are
 * combined the way Tribuo's fully weighted voting combiner does, so rows need no Tribuo examples.
 */
final class ForestClassifier extends TreeEnsembleClassifier<WeightedEnsembleModel<Label>> {
  /** The positive class's and all classes' weight in each leaf, by node. */
  private final double[] leafPositive;
  private final double[] leafTotal;
  /** Tribuo's impurity of every node. */
  private final double[] impurity;
  private final double[] importance;

  /**
   * A forest whose importances are the mean decrease in impurity of each column's splits,
   * measured by passing {@code x} (the training rows, weighted by {@code weights}) down the trees.
   */
  static ForestClassifier trained(WeightedEnsembleModel<Label> model, FeatureMatrix x, double[] weights) {
    ForestClassifier f = new ForestClassifier(model, x.cols(), new double[x.cols()]);
    double[] imp = f.meanDecreaseInImpurity(x, weights);
    return new ForestClassifier(model, x.cols(), imp);
  }

  /** A forest with previously measured {@code importance} (one value per column). */
  ForestClassifier(WeightedEnsembleModel<Label> model, int cols, double[] importance) {
    this(model, cols, importance, Flattening.of(model, cols));
  }

  private ForestClassifier(WeightedEnsembleModel<Label> model, int cols, double[] importance, FlatTrees.Builder flat) {
    super(model, "random-forest", cols, flat.build());
    this.importance = importance.length == cols ? importance.clone() : new double[cols];
    leafPositive = flat.payloads(Flattening.POSITIVE);
    leafTotal = flat.payloads(Flattening.TOTAL);
    impurity = flat.payloads(Flattening.IMPURITY);
  }

  private double[] meanDecreaseInImpurity(FeatureMatrix x, double[] weights) {
    double[] mass = new double[trees.nodes()];
    double[] v = x.rowMajorValues();
    for (int i = 0; i < x.rows(); i++) {
      int offset = i * featureCount();
      for (int t = 0; t < trees.trees(); t++) {
        int n = trees.root(t);
        mass[n] += weights[i];
        while (!trees.isLeaf(n)) {
          n = trees.next(n, v, offset);
          mass[n] += weights[i];
        }
      }
    }
    double[] imp = new double[featureCount()];
    for (int n = 0; n < mass.length; n++) {
      if (!trees.isLeaf(n) && trees.column(n) >= 0) {
        int l = trees.left(n);
        int r = trees.right(n);
        double gain = mass[n] * impurity[n] - mass[l] * impurity[l] - mass[r] * impurity[r];
        imp[trees.column(n)] += Math.max(gain, 0);
      }
    }
    double sum = Arrays.stream(imp).sum();
    for (int j = 0; j < featureCount() && sum > 0; j++) {
      imp[j] /= sum;
    }
    return imp;
  }

  @Override
  protected double probabilityAt(double[] v, int offset) {
    double pos = 0;
    double total = 0;
    for (int t = 0; t < trees.trees(); t++) {
      int leaf = leaf(t, v, offset);
      pos += leafPositive[leaf];
      total += leafTotal[leaf];
    }
    return total > 0 ? pos / total : 0.0;
  }

  /**
   * Mean decrease in (Gini) impurity of each column's splits over the training rows, as a share of
   * the total (sums to 1), like scikit-learn's {@code feature_importances_}.
   */
  @Override
  public Optional<double[]> featureImportance() {
    return Optional.of(importance.clone());
  }

  /** Copies Tribuo's node objects into {@link FlatTrees}, depth first, with the payloads by node. */
  private static final class Flattening {
    static final int POSITIVE = 0;
    static final int TOTAL = 1;
    static final int IMPURITY = 2;

    private Flattening() {}

    static FlatTrees.Builder of(WeightedEnsembleModel<Label> model, int cols) {
      FlatTrees.Builder nodes = new FlatTrees.Builder(3);
      for (Model<Label> member : model.getModels()) {
        TreeModel<Label> tree = (TreeModel<Label>) member;
        nodes.startTree();
        add(nodes, tree.getRoot(), TribuoData.idColumns(tree.getFeatureIDMap(), cols));
      }
      return nodes;
    }

    private static int add(FlatTrees.Builder nodes, Node<Label> node, int[] idToColumn) {
      int index = nodes.addLeaves(1);
      nodes.payload(index, IMPURITY, node.getImpurity());
      if (node.isLeaf()) {
        double positive = 0;
        double total = 0;
        for (Label l : ((LeafNode<Label>) node).getDistribution().values()) {
          total += l.getScore();
          if (l.getLabel().equals(TribuoData.POSITIVE.getLabel())) {
            positive = l.getScore();
          }
        }
        nodes.payload(index, POSITIVE, positive);
        nodes.payload(index, TOTAL, total);
        return index;
      }
      SplitNode<Label> split = (SplitNode<Label>) node;
      int id = split.getFeatureID();
      int col = id >= 0 && id < idToColumn.length ? idToColumn[id] : -1;
      int left = add(nodes, split.getLessThanOrEqual(), idToColumn);
      int right = add(nodes, split.getGreaterThan(), idToColumn);
      // Tribuo: right when value > threshold, so left exactly when value <= threshold
      nodes.split(index, col, FlatTrees.atMost(split.splitValue()), left, right);
      return index;
    }
  }
}
