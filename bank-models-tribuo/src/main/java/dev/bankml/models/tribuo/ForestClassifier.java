package dev.bankml.models.tribuo;

import dev.bankml.features.FeatureMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.common.tree.LeafNode;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.SplitNode;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.ensemble.WeightedEnsembleModel;

/**
 * A random forest of Tribuo CART trees. The trees are copied once into flat arrays and scored
 * directly (same split rule as Tribuo: right when value &gt; threshold), and leaf distributions are
 * combined the way Tribuo's fully weighted voting combiner does, so rows need no Tribuo examples.
 */
final class ForestClassifier extends TribuoClassifier<WeightedEnsembleModel<Label>> {
  private final int[] roots;
  /** Column of the split, or -1 when the feature never occurs in the row (value 0). */
  private final int[] column;
  private final double[] threshold;
  /** Child for value &lt;= threshold; -1 marks a leaf. */
  private final int[] lessOrEqual;
  private final int[] greater;
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
    super(model, "random-forest", cols);
    this.importance = importance.length == cols ? importance.clone() : new double[cols];
    List<Model<Label>> members = model.getModels();
    roots = new int[members.size()];
    Flat flat = new Flat();
    for (int t = 0; t < members.size(); t++) {
      TreeModel<Label> tree = (TreeModel<Label>) members.get(t);
      int[] idToColumn = TribuoData.idColumns(tree.getFeatureIDMap(), cols);
      roots[t] = flat.add(tree.getRoot(), idToColumn);
    }
    impurity = flat.impurity.stream().mapToDouble(Double::doubleValue).toArray();
    column = flat.column.stream().mapToInt(Integer::intValue).toArray();
    threshold = flat.threshold.stream().mapToDouble(Double::doubleValue).toArray();
    lessOrEqual = flat.lessOrEqual.stream().mapToInt(Integer::intValue).toArray();
    greater = flat.greater.stream().mapToInt(Integer::intValue).toArray();
    leafPositive = flat.leafPositive.stream().mapToDouble(Double::doubleValue).toArray();
    leafTotal = flat.leafTotal.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private double[] meanDecreaseInImpurity(FeatureMatrix x, double[] weights) {
    double[] mass = new double[lessOrEqual.length];
    double[] v = x.rowMajorValues();
    for (int i = 0; i < x.rows(); i++) {
      int offset = i * featureCount();
      for (int root : roots) {
        int n = root;
        mass[n] += weights[i];
        while (lessOrEqual[n] >= 0) {
          int c = column[n];
          double value = c >= 0 ? v[offset + c] : 0.0;
          n = value > threshold[n] ? greater[n] : lessOrEqual[n];
          mass[n] += weights[i];
        }
      }
    }
    double[] imp = new double[featureCount()];
    for (int n = 0; n < lessOrEqual.length; n++) {
      if (lessOrEqual[n] >= 0 && column[n] >= 0) {
        int l = lessOrEqual[n];
        int r = greater[n];
        double gain = mass[n] * impurity[n] - mass[l] * impurity[l] - mass[r] * impurity[r];
        imp[column[n]] += Math.max(gain, 0);
      }
    }
    double sum = Arrays.stream(imp).sum();
    for (int j = 0; j < featureCount() && sum > 0; j++) {
      imp[j] /= sum;
    }
    return imp;
  }

  /** Number of trees. */
  int trees() {
    return roots.length;
  }

  @Override
  protected double probabilityAt(double[] v, int offset) {
    double pos = 0;
    double total = 0;
    for (int root : roots) {
      int n = root;
      while (lessOrEqual[n] >= 0) {
        int c = column[n];
        double value = c >= 0 ? v[offset + c] : 0.0;
        n = value > threshold[n] ? greater[n] : lessOrEqual[n];
      }
      pos += leafPositive[n];
      total += leafTotal[n];
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

  /** Growable node storage used while flattening. */
  private static final class Flat {
    final List<Integer> column = new ArrayList<>();
    final List<Double> threshold = new ArrayList<>();
    final List<Integer> lessOrEqual = new ArrayList<>();
    final List<Integer> greater = new ArrayList<>();
    final List<Double> leafPositive = new ArrayList<>();
    final List<Double> leafTotal = new ArrayList<>();
    final List<Double> impurity = new ArrayList<>();

    int add(Node<Label> node, int[] idToColumn) {
      int index = column.size();
      column.add(-1);
      threshold.add(0.0);
      lessOrEqual.add(-1);
      greater.add(-1);
      leafPositive.add(0.0);
      leafTotal.add(0.0);
      impurity.add(node.getImpurity());
      if (node.isLeaf()) {
        Map<String, Label> dist = ((LeafNode<Label>) node).getDistribution();
        double pos = 0;
        double total = 0;
        for (Label l : dist.values()) {
          total += l.getScore();
          if (l.getLabel().equals(TribuoData.POSITIVE.getLabel())) {
            pos = l.getScore();
          }
        }
        leafPositive.set(index, pos);
        leafTotal.set(index, total);
        return index;
      }
      SplitNode<Label> split = (SplitNode<Label>) node;
      int id = split.getFeatureID();
      int col = id >= 0 && id < idToColumn.length ? idToColumn[id] : -1;
      column.set(index, col);
      threshold.set(index, split.splitValue());
      int left = add(split.getLessThanOrEqual(), idToColumn);
      int right = add(split.getGreaterThan(), idToColumn);
      lessOrEqual.set(index, left);
      greater.set(index, right);
      return index;
    }
  }
}
