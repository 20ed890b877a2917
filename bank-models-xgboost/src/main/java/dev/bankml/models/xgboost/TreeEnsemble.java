package dev.bankml.models.xgboost;

import dev.bankml.data.BankmlException;
import java.util.List;

/**
 * An XGBoost tree ensemble in flat arrays, scored in Java: no native call, no {@code DMatrix}, no
 * allocation per row. It follows XGBoost's own prediction exactly: each value is cast to
 * {@code float}, a split sends {@code value < condition} to the left child and a missing value
 * (NaN) to the node's default child, and the margin starts at the base margin and adds the trees'
 * leaf values one by one in {@code float}. Immutable.
 */
final class TreeEnsemble implements MarginModel {
  private final int features;
  private final float baseMargin;
  /** First node of each tree. */
  private final int[] roots;
  /** Split feature; -1 marks a leaf. */
  private final int[] feature;
  /** Split condition of a split node; leaf value of a leaf. */
  private final float[] value;
  private final int[] left;
  private final int[] right;
  private final boolean[] defaultLeft;
  /** Total gain (loss reduction) of each feature's splits. */
  private final double[] gain;

  private TreeEnsemble(int features, float baseMargin, int[] roots, int[] feature, float[] value, int[] left,
      int[] right, boolean[] defaultLeft, double[] gain) {
    this.features = features;
    this.baseMargin = baseMargin;
    this.roots = roots;
    this.feature = feature;
    this.value = value;
    this.left = left;
    this.right = right;
    this.defaultLeft = defaultLeft;
    this.gain = gain;
  }

  /**
   * Flattens {@code trees}, checking that each is a well-formed binary tree over {@code features}
   * features with numerical splits only.
   */
  static TreeEnsemble of(List<ModelJson.TreeArrays> trees, int features, float baseMargin) {
    long total = 0;
    for (ModelJson.TreeArrays t : trees) {
      total += t.leftChildren() == null ? 0 : t.leftChildren().length;
    }
    if (total > Integer.MAX_VALUE - 8) {
      throw new BankmlException("XGBoost model has " + total + " nodes; too many to score");
    }
    int n = (int) total;
    int[] roots = new int[trees.size()];
    int[] feature = new int[n];
    float[] value = new float[n];
    int[] left = new int[n];
    int[] right = new int[n];
    boolean[] defaultLeft = new boolean[n];
    double[] gain = new double[features];
    int base = 0;
    for (int t = 0; t < trees.size(); t++) {
      ModelJson.TreeArrays tree = trees.get(t);
      int size = checkShape(tree, t);
      roots[t] = base;
      for (int i = 0; i < size; i++) {
        int l = tree.leftChildren()[i];
        int r = tree.rightChildren()[i];
        value[base + i] = tree.splitConditions()[i];
        if (l == -1 && r == -1) {
          feature[base + i] = -1;
          left[base + i] = -1;
          right[base + i] = -1;
          continue;
        }
        int f = tree.splitIndices()[i];
        if (l < 0 || l >= size || r < 0 || r >= size || f < 0 || f >= features || tree.splitType()[i] != 0
            || !Float.isFinite(tree.splitConditions()[i])) {
          throw new BankmlException("XGBoost model tree " + t + " node " + i + " is malformed (children " + l + "/" + r
              + ", feature " + f + ", split type " + tree.splitType()[i] + ")");
        }
        feature[base + i] = f;
        left[base + i] = base + l;
        right[base + i] = base + r;
        defaultLeft[base + i] = tree.defaultLeft()[i] != 0;
        gain[f] += tree.lossChanges()[i];
      }
      checkIsATree(left, right, base, size, t);
      base += size;
    }
    return new TreeEnsemble(features, baseMargin, roots, feature, value, left, right, defaultLeft, gain);
  }

  private static int checkShape(ModelJson.TreeArrays tree, int t) {
    if (tree == null || tree.leftChildren() == null || tree.leftChildren().length == 0) {
      throw new BankmlException("XGBoost model tree " + t + " has no nodes");
    }
    int size = tree.leftChildren().length;
    if (tree.rightChildren() == null || tree.rightChildren().length != size
        || tree.splitIndices() == null || tree.splitIndices().length != size
        || tree.splitConditions() == null || tree.splitConditions().length != size
        || tree.defaultLeft() == null || tree.defaultLeft().length != size
        || tree.splitType() == null || tree.splitType().length != size
        || tree.lossChanges() == null || tree.lossChanges().length != size) {
      throw new BankmlException("XGBoost model tree " + t + " has node arrays of different lengths");
    }
    return size;
  }

  /** Every node is reached from the root at most once, so scoring always ends at a leaf. */
  private static void checkIsATree(int[] left, int[] right, int base, int size, int t) {
    boolean[] seen = new boolean[size];
    int[] stack = new int[size + 1];
    int top = 0;
    stack[top++] = 0;
    while (top > 0) {
      int node = stack[--top];
      if (seen[node]) {
        throw new BankmlException("XGBoost model tree " + t + " reaches node " + node + " twice; not a tree");
      }
      seen[node] = true;
      if (left[base + node] >= 0) {
        if (top + 2 > stack.length) {
          throw new BankmlException("XGBoost model tree " + t + " is not a tree");
        }
        stack[top++] = left[base + node] - base;
        stack[top++] = right[base + node] - base;
      }
    }
  }

  int features() {
    return features;
  }

  int trees() {
    return roots.length;
  }

  int nodes() {
    return feature.length;
  }

  float baseMargin() {
    return baseMargin;
  }

  @Override
  public float margin(double[] v, int offset) {
    float m = baseMargin;
    for (int root : roots) {
      int n = root;
      int f;
      while ((f = feature[n]) >= 0) {
        float x = (float) v[offset + f];
        if (x != x) {
          n = defaultLeft[n] ? left[n] : right[n];
        } else {
          n = x < value[n] ? left[n] : right[n];
        }
      }
      m += value[n];
    }
    return m;
  }

  /** Each feature's share of the total gain of all splits (sums to 1; all zero for stumps). */
  double[] gainShare() {
    double sum = 0;
    for (double g : gain) {
      sum += g;
    }
    double[] out = new double[features];
    for (int j = 0; j < features; j++) {
      out[j] = sum > 0 ? gain[j] / sum : 0;
    }
    return out;
  }
}
