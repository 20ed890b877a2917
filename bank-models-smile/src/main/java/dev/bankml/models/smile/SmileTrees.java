package dev.bankml.models.smile;

import java.util.Arrays;
import java.util.function.Function;
import smile.base.cart.DecisionNode;
import smile.base.cart.InternalNode;
import smile.base.cart.Node;
import smile.base.cart.OrdinalNode;
import smile.base.cart.RegressionNode;

/**
 * Copies Smile's tree objects into a {@link TreeEnsemble}: walks each tree in pre-order with an
 * explicit stack (never recursion, whatever the tree's depth) and keeps what scoring and TreeSHAP
 * need, nothing else. {@code maxNodes} bounds the walk: a deserialised (format 1) graph could share
 * nodes between branches and so stand for exponentially many paths.
 */
final class SmileTrees {
  private SmileTrees() {}

  /** Regression trees (gradient boosting): one output per leaf, Smile's {@code RegressionNode.output()}. */
  static TreeEnsemble regression(Node[] roots, int features, int maxNodes,
      Function<String, ? extends RuntimeException> refuse) {
    return copy(roots, features, 1, maxNodes, refuse);
  }

  /**
   * Classification trees of two classes (random forest): two outputs per leaf, Smile's posterior
   * probabilities of class 0 and class 1 ({@code DecisionNode.posteriori}).
   */
  static TreeEnsemble classification(Node[] roots, int features, int maxNodes,
      Function<String, ? extends RuntimeException> refuse) {
    return copy(roots, features, 2, maxNodes, refuse);
  }

  private static TreeEnsemble copy(Node[] roots, int features, int outputs, int maxNodes,
      Function<String, ? extends RuntimeException> refuse) {
    Growing g = new Growing(outputs);
    int[] start = new int[roots.length + 1];
    Node[] stack = new Node[PayloadFormat.MAX_TREE_DEPTH + 2];
    int[] parents = new int[PayloadFormat.MAX_TREE_DEPTH + 2];
    for (int t = 0; t < roots.length; t++) {
      start[t] = g.size;
      int top = 0;
      stack[top] = roots[t];
      parents[top++] = -1;
      while (top > 0) {
        Node node = stack[--top];
        int parent = parents[top];
        if (g.size >= maxNodes) {
          // Only a graph whose nodes are shared (not a tree) gets here: it would be walked forever.
          throw refuse.apply("its trees have more than " + maxNodes + " nodes; nodes are shared between branches");
        }
        int n = g.add();
        if (parent >= 0) {
          // A node popped with a parent is that parent's second ("false") child.
          g.right[parent] = n;
        }
        if (node == null) {
          throw refuse.apply("tree " + t + " has a missing node");
        }
        g.cover[n] = node.size();
        if (node instanceof OrdinalNode split) {
          if (top + 2 > stack.length) {
            throw refuse.apply("tree " + t + " is deeper than " + PayloadFormat.MAX_TREE_DEPTH + " levels");
          }
          g.feature[n] = split.feature();
          g.threshold[n] = SmileInternals.threshold(split);
          stack[top] = split.falseChild();
          parents[top++] = n;
          stack[top] = split.trueChild();
          parents[top++] = -1;
        } else if (node instanceof RegressionNode leaf && outputs == 1) {
          g.feature[n] = TreeEnsemble.LEAF;
          g.leaf[n] = leaf.output();
        } else if (node instanceof DecisionNode leaf && outputs == 2 && leaf.count().length == 2) {
          g.feature[n] = TreeEnsemble.LEAF;
          double[] post = leaf.posteriori(new double[2]);
          g.leaf[2 * n] = post[0];
          g.leaf[2 * n + 1] = post[1];
        } else {
          throw refuse.apply("tree " + t + " holds a " + node.getClass().getSimpleName() + ", which a "
              + (outputs == 1 ? "regression" : "two-class") + " tree of numeric splits cannot hold");
        }
      }
    }
    start[roots.length] = g.size;
    return TreeEnsemble.of(features, outputs, start, Arrays.copyOf(g.feature, g.size),
        Arrays.copyOf(g.threshold, g.size), Arrays.copyOf(g.right, g.size), Arrays.copyOf(g.cover, g.size),
        Arrays.copyOf(g.leaf, g.size * outputs), refuse);
  }

  /** Node arrays that grow as nodes are added. */
  private static final class Growing {
    final int outputs;
    int size;
    int[] feature = new int[64];
    double[] threshold = new double[64];
    int[] right = new int[64];
    int[] cover = new int[64];
    double[] leaf;

    Growing(int outputs) {
      this.outputs = outputs;
      this.leaf = new double[64 * outputs];
    }

    int add() {
      if (size == feature.length) {
        int capacity = Math.multiplyExact(size, 2);
        feature = Arrays.copyOf(feature, capacity);
        threshold = Arrays.copyOf(threshold, capacity);
        right = Arrays.copyOf(right, capacity);
        cover = Arrays.copyOf(cover, capacity);
        leaf = Arrays.copyOf(leaf, capacity * outputs);
      }
      right[size] = 0;
      return size++;
    }
  }
}
