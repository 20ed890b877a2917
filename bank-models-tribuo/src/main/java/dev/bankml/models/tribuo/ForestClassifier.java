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

  private ForestClassifier(WeightedEnsembleModel<Label> model, int cols, double[] importance, Flattening flat) {
    super(model, "random-forest", cols, flat.nodes.build());
    this.importance = importance.length == cols ? importance.clone() : new double[cols];
    int n = trees.nodes();
    leafPositive = Arrays.copyOf(flat.leafPositive, n);
    leafTotal = Arrays.copyOf(flat.leafTotal, n);
    impurity = Arrays.copyOf(flat.impurity, n);
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

  /** Copies Tribuo's node objects into {@link FlatTrees} and the per-node payloads, depth first. */
  private static final class Flattening {
    final FlatTrees.Builder nodes = new FlatTrees.Builder();
    double[] leafPositive = new double[64];
    double[] leafTotal = new double[64];
    double[] impurity = new double[64];

    static Flattening of(WeightedEnsembleModel<Label> model, int cols) {
      Flattening flat = new Flattening();
      for (Model<Label> member : model.getModels()) {
        TreeModel<Label> tree = (TreeModel<Label>) member;
        flat.nodes.startTree();
        flat.add(tree.getRoot(), TribuoData.idColumns(tree.getFeatureIDMap(), cols));
      }
      return flat;
    }

    int add(Node<Label> node, int[] idToColumn) {
      int index = nodes.addLeaves(1);
      if (index == impurity.length) {
        leafPositive = Arrays.copyOf(leafPositive, 2 * index);
        leafTotal = Arrays.copyOf(leafTotal, 2 * index);
        impurity = Arrays.copyOf(impurity, 2 * index);
      }
      impurity[index] = node.getImpurity();
      if (node.isLeaf()) {
        for (Label l : ((LeafNode<Label>) node).getDistribution().values()) {
          leafTotal[index] += l.getScore();
          if (l.getLabel().equals(TribuoData.POSITIVE.getLabel())) {
            leafPositive[index] = l.getScore();
          }
        }
        return index;
      }
      SplitNode<Label> split = (SplitNode<Label>) node;
      int id = split.getFeatureID();
      int col = id >= 0 && id < idToColumn.length ? idToColumn[id] : -1;
      int left = add(split.getLessThanOrEqual(), idToColumn);
      int right = add(split.getGreaterThan(), idToColumn);
      // Tribuo: right when value > threshold, so left exactly when value <= threshold
      nodes.split(index, col, FlatTrees.atMost(split.splitValue()), left, right);
      return index;
    }
  }
}
