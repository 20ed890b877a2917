package dev.bankml.models.smile;

import java.util.function.Function;

/**
 * Binary decision trees over numeric features, stored as flat arrays: the whole model is a handful
 * of primitive arrays, scored without objects or virtual calls, saved as plain numbers and checked
 * completely when read.
 *
 * <p>Each tree is stored in pre-order from its root at {@code start[t]}: an internal node {@code n}
 * splits on {@code feature[n]}; a row whose value is {@code <= threshold[n]} goes to {@code n + 1}
 * (Smile's "true" child), any other row (including NaN) to {@code right[n]}. A leaf has feature
 * {@link #LEAF} and {@code outputs} values in {@code leaf[n * outputs ...]} (a regression tree's
 * output, or a classification tree's class posteriors). {@code cover[n]} is the number of training
 * rows that reached the node (Smile's node size), used by TreeSHAP.
 *
 * <p>Construction validates everything a reader relies on: every tree is a proper pre-order tree
 * (each node reached exactly once, children after their parent, inside the tree), at most
 * {@link PayloadFormat#MAX_TREE_DEPTH} levels deep, split features inside {@code [0, features)},
 * thresholds not NaN, leaf values finite, covers positive and equal to the sum of the children's.
 * So scoring always terminates and TreeSHAP's recursion is bounded. Immutable.
 */
final class TreeEnsemble {
  static final int LEAF = -1;

  private final int features;
  private final int outputs;
  private final int[] start;
  private final int[] feature;
  private final double[] threshold;
  private final int[] right;
  private final int[] cover;
  private final double[] leaf;
  /** Per tree, its depth in edges (0 for a single leaf). */
  private final int[] depth;

  private TreeEnsemble(int features, int outputs, int[] start, int[] feature, double[] threshold, int[] right,
      int[] cover, double[] leaf, int[] depth) {
    this.features = features;
    this.outputs = outputs;
    this.start = start;
    this.feature = feature;
    this.threshold = threshold;
    this.right = right;
    this.cover = cover;
    this.leaf = leaf;
    this.depth = depth;
  }

  /**
   * The ensemble of these arrays ({@code start} has one entry per tree plus the node count at the
   * end), after checking them; {@code refuse} turns a problem into the exception to throw.
   */
  static TreeEnsemble of(int features, int outputs, int[] start, int[] feature, double[] threshold, int[] right,
      int[] cover, double[] leaf, Function<String, ? extends RuntimeException> refuse) {
    int nodes = feature.length;
    int trees = start.length - 1;
    if (trees < 1 || start[0] != 0 || start[trees] != nodes) {
      throw refuse.apply("the tree table does not cover the " + nodes + " nodes");
    }
    if (threshold.length != nodes || right.length != nodes || cover.length != nodes
        || leaf.length != (long) nodes * outputs) {
      throw refuse.apply("the node arrays have different lengths");
    }
    int[] depth = new int[trees];
    int[] stack = new int[PayloadFormat.MAX_TREE_DEPTH + 2];
    int[] level = new int[PayloadFormat.MAX_TREE_DEPTH + 2];
    for (int t = 0; t < trees; t++) {
      int begin = start[t];
      int end = start[t + 1];
      if (end <= begin) {
        throw refuse.apply("tree " + t + " has no nodes (it starts at node " + begin + ", the next at " + end + ")");
      }
      depth[t] = checkTree(t, begin, end, features, outputs, feature, threshold, right, cover, leaf, stack, level,
          refuse);
    }
    return new TreeEnsemble(features, outputs, start, feature, threshold, right, cover, leaf, depth);
  }

  /** Walks tree t once in pre-order with an explicit, bounded stack; returns its depth in edges. */
  private static int checkTree(int t, int begin, int end, int features, int outputs, int[] feature,
      double[] threshold, int[] right, int[] cover, double[] leaf, int[] stack, int[] level,
      Function<String, ? extends RuntimeException> refuse) {
    int expected = begin;
    int top = 0;
    int maxDepth = 0;
    stack[top] = begin;
    level[top++] = 0;
    while (top > 0) {
      int n = stack[--top];
      int d = level[top];
      if (n != expected) {
        throw refuse.apply("tree " + t + " is not stored in pre-order: node " + expected + " expected, node " + n
            + " found");
      }
      expected++;
      maxDepth = Math.max(maxDepth, d);
      if (cover[n] < 1) {
        throw refuse.apply("tree " + t + ", node " + n + " has cover " + cover[n] + "; it must be at least 1");
      }
      int f = feature[n];
      if (f == LEAF) {
        for (int o = 0; o < outputs; o++) {
          double v = leaf[n * outputs + o];
          if (!Double.isFinite(v)) {
            throw refuse.apply("tree " + t + ", leaf " + n + " has the value " + v + "; it must be finite");
          }
        }
        continue;
      }
      if (f < 0 || f >= features) {
        throw refuse.apply("tree " + t + ", node " + n + " splits on feature " + f + "; the model has " + features
            + " features");
      }
      if (Double.isNaN(threshold[n])) {
        throw refuse.apply("tree " + t + ", node " + n + " has a NaN threshold");
      }
      int r = right[n];
      if (r <= n + 1 || r >= end) {
        throw refuse.apply("tree " + t + ", node " + n + " has its second child at node " + r
            + "; it must be after node " + (n + 1) + " and before node " + end);
      }
      if (d + 1 > PayloadFormat.MAX_TREE_DEPTH) {
        throw refuse.apply("tree " + t + " is deeper than " + PayloadFormat.MAX_TREE_DEPTH + " levels");
      }
      if ((long) cover[n + 1] + cover[r] != cover[n]) {
        throw refuse.apply("tree " + t + ", node " + n + " has cover " + cover[n] + " but its children have "
            + cover[n + 1] + " and " + cover[r]);
      }
      stack[top] = r;
      level[top++] = d + 1;
      stack[top] = n + 1;
      level[top++] = d + 1;
    }
    if (expected != end) {
      throw refuse.apply("tree " + t + " has " + (end - expected) + " nodes its root does not reach");
    }
    return maxDepth;
  }

  /** Reads what {@link #write} wrote, checking every length against the payload before allocating. */
  static TreeEnsemble read(PayloadReader in, int features, int outputs) {
    int trees = in.count("number of trees", 1, PayloadFormat.MAX_TREES);
    int nodes = in.count("number of tree nodes", trees, Integer.MAX_VALUE - 8);
    // Each node takes 4 + 8 + 4 + 4 + 8 * outputs bytes; refuse a count the payload cannot hold.
    in.need(nodes, 20 + 8 * outputs, "tree nodes");
    int[] start = new int[trees + 1];
    int[] firsts = in.ints("tree start positions", trees);
    System.arraycopy(firsts, 0, start, 0, trees);
    start[trees] = nodes;
    for (int t = 0; t < trees; t++) {
      if (start[t] < 0 || start[t] >= start[t + 1]) {
        throw in.corrupt("tree " + t + " starts at node " + start[t] + "; trees must start in increasing order"
            + " below " + nodes);
      }
    }
    int[] feature = in.ints("split features", nodes);
    double[] threshold = in.reals("split thresholds", nodes);
    int[] right = in.ints("second children", nodes);
    int[] cover = in.ints("node covers", nodes);
    double[] leaf = in.reals("leaf values", (long) nodes * outputs);
    return of(features, outputs, start, feature, threshold, right, cover, leaf, in::corrupt);
  }

  void write(PayloadWriter out) {
    out.integer(trees()).integer(feature.length);
    for (int t = 0; t < trees(); t++) {
      out.integer(start[t]);
    }
    out.ints(feature).reals(threshold).ints(right).ints(cover).reals(leaf);
  }

  int trees() {
    return start.length - 1;
  }

  int outputs() {
    return outputs;
  }

  /** The leaf of tree {@code t} that row {@code x[offset ... offset + features)} falls into. */
  int leafOf(int t, double[] x, int offset) {
    int n = start[t];
    int f;
    while ((f = feature[n]) != LEAF) {
      n = x[offset + f] <= threshold[n] ? n + 1 : right[n];
    }
    return n;
  }

  /** Output {@code o} of leaf {@code n}. */
  double value(int n, int o) {
    return leaf[n * outputs + o];
  }

  /**
   * Adds tree {@code t}'s SHAP values of output {@code o} for row {@code x} to {@code phi}: the exact
   * path-dependent TreeSHAP of Lundberg, Erion and Lee (2018, "Consistent individualized feature
   * attribution for tree ensembles", Algorithm 2), with node covers as the background distribution.
   * The recursion is as deep as the tree, which construction bounded.
   */
  void shap(int t, double[] x, int o, double[] phi) {
    int levels = depth[t] + 1;
    int size = levels * (levels + 1) / 2;
    new Path(size, x, o, phi).recurse(start[t], 0, 0, 0, 1, 1, -1);
  }

  /**
   * The paths of unique features from the root, one per recursion level: level L keeps its own copy
   * (at most L + 1 elements, at offset L (L + 1) / 2) so that a child's changes never reach its
   * sibling.
   */
  private final class Path {
    private final int[] d;
    private final double[] zero;
    private final double[] one;
    private final double[] w;
    private final double[] x;
    private final int o;
    private final double[] phi;

    Path(int size, double[] x, int o, double[] phi) {
      this.d = new int[size];
      this.zero = new double[size];
      this.one = new double[size];
      this.w = new double[size];
      this.x = x;
      this.o = o;
      this.phi = phi;
    }

    /**
     * Visits node {@code n} at recursion level {@code lvl}, whose parent's path is the
     * {@code parentLength} elements at {@code parentOffset}, extended by the fractions of zero and
     * one paths ({@code pz}, {@code po}) flowing into the node for feature {@code pi}.
     */
    void recurse(int n, int lvl, int parentOffset, int parentLength, double pz, double po, int pi) {
      int off = lvl * (lvl + 1) / 2;
      if (lvl > 0) {
        System.arraycopy(d, parentOffset, d, off, parentLength);
        System.arraycopy(zero, parentOffset, zero, off, parentLength);
        System.arraycopy(one, parentOffset, one, off, parentLength);
        System.arraycopy(w, parentOffset, w, off, parentLength);
      }
      int len = extend(off, parentLength, pz, po, pi);
      int f = feature[n];
      if (f == LEAF) {
        double v = value(n, o);
        for (int i = 1; i < len; i++) {
          phi[d[off + i]] += unwoundSum(off, len, i) * (one[off + i] - zero[off + i]) * v;
        }
        return;
      }
      int hot = x[f] <= threshold[n] ? n + 1 : right[n];
      int cold = hot == n + 1 ? right[n] : n + 1;
      double iz = 1;
      double io = 1;
      int k = 1;
      while (k < len && d[off + k] != f) {
        k++;
      }
      if (k < len) {
        iz = zero[off + k];
        io = one[off + k];
        unwind(off, len, k);
        len--;
      }
      recurse(hot, lvl + 1, off, len, iz * cover[hot] / cover[n], io, f);
      recurse(cold, lvl + 1, off, len, iz * cover[cold] / cover[n], 0, f);
    }

    /** Appends feature {@code pi} to the path of {@code l} elements at {@code off}; returns l + 1. */
    private int extend(int off, int l, double pz, double po, int pi) {
      d[off + l] = pi;
      zero[off + l] = pz;
      one[off + l] = po;
      w[off + l] = l == 0 ? 1 : 0;
      for (int i = l - 1; i >= 0; i--) {
        w[off + i + 1] += po * w[off + i] * (i + 1) / (l + 1);
        w[off + i] = pz * w[off + i] * (l - i) / (l + 1);
      }
      return l + 1;
    }

    /** Removes element {@code i} from the path of {@code len} elements at {@code off}, undoing its extension. */
    private void unwind(int off, int len, int i) {
      int l = len - 1;
      double po = one[off + i];
      double pz = zero[off + i];
      double next = w[off + l];
      for (int j = l - 1; j >= 0; j--) {
        if (po != 0) {
          double t = w[off + j];
          w[off + j] = next * (l + 1) / ((j + 1) * po);
          next = t - w[off + j] * pz * (l - j) / (l + 1);
        } else {
          w[off + j] = w[off + j] * (l + 1) / (pz * (l - j));
        }
      }
      for (int j = i; j < l; j++) {
        d[off + j] = d[off + j + 1];
        zero[off + j] = zero[off + j + 1];
        one[off + j] = one[off + j + 1];
      }
    }

    /** The total weight of the path of {@code len} elements at {@code off} with element {@code i} unwound. */
    private double unwoundSum(int off, int len, int i) {
      int l = len - 1;
      double po = one[off + i];
      double pz = zero[off + i];
      double next = w[off + l];
      double total = 0;
      for (int j = l - 1; j >= 0; j--) {
        if (po != 0) {
          double t = next * (l + 1) / ((j + 1) * po);
          total += t;
          next = w[off + j] - t * pz * (l - j) / (l + 1);
        } else {
          total += w[off + j] * (l + 1) / (pz * (l - j));
        }
      }
      return total;
    }
  }
}
