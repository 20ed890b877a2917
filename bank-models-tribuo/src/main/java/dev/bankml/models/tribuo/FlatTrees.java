package dev.bankml.models.tribuo;

import java.util.Arrays;

/**
 * The trees of an ensemble copied into flat arrays, so a row is scored without the library's node
 * objects: at split node {@code n} a row goes to {@code left[n]} when its value in {@code column[n]}
 * is below {@code cut[n]}, else to {@code right[n]}; {@code left[n] = -1} marks a leaf. A column
 * that never occurs in the rows (-1) reads as 0.
 *
 * <p>Each library's own split rule becomes such a cut, exactly: Tribuo's CART trees send a value to
 * the left when {@code value <= threshold} ({@link #atMost}); XGBoost when {@code (float) value <
 * threshold} ({@link #belowAsFloat}). Both equivalences hold for every finite double (the
 * classifiers refuse the others), so the shared walk gives the libraries' own answers to the last bit.
 * Per-node payloads (leaf values, class counts, impurities) stay with each classifier, indexed by node.
 */
final class FlatTrees {
  private final int[] roots;
  private final int[] column;
  private final double[] cut;
  private final int[] left;
  private final int[] right;

  private FlatTrees(int[] roots, int[] column, double[] cut, int[] left, int[] right) {
    this.roots = roots;
    this.column = column;
    this.cut = cut;
    this.left = left;
    this.right = right;
  }

  /** The cut equivalent to {@code value <= threshold}: {@code value < atMost(t)} for every finite value. */
  static double atMost(double threshold) {
    return Math.nextUp(threshold);
  }

  /**
   * The cut equivalent to XGBoost's {@code (float) value < threshold}: {@code value < belowAsFloat(t)}
   * for every finite double value. The float below {@code t} and {@code t} are adjacent, so {@code
   * (float) value < t} holds exactly for the doubles that round to that float or lower: those below the
   * midpoint of the two, and the midpoint itself when rounding to even sends it down.
   *
   * @throws IllegalArgumentException if {@code threshold} is not finite
   */
  static double belowAsFloat(float threshold) {
    if (!Float.isFinite(threshold)) {
      throw new IllegalArgumentException("split threshold " + threshold + " is not finite");
    }
    float below = Math.nextDown(threshold);
    // exact: two adjacent floats; below -Float.MAX_VALUE lies -infinity, half an ulp further out
    double midpoint = Float.isInfinite(below)
        ? threshold - Math.ulp(threshold) / 2.0
        : ((double) below + threshold) / 2;
    boolean tieGoesDown = (Float.floatToRawIntBits(below) & 1) == 0;
    return tieGoesDown ? Math.nextUp(midpoint) : midpoint;
  }

  /** Number of trees. */
  int trees() {
    return roots.length;
  }

  /** Number of nodes of all trees. */
  int nodes() {
    return column.length;
  }

  /** The root node of tree {@code t}. */
  int root(int t) {
    return roots[t];
  }

  /** Whether node {@code n} is a leaf. */
  boolean isLeaf(int n) {
    return left[n] < 0;
  }

  /** The column split on at node {@code n}, or -1 for a feature the rows never have. */
  int column(int n) {
    return column[n];
  }

  /** The children of split node {@code n}. */
  int left(int n) {
    return left[n];
  }

  int right(int n) {
    return right[n];
  }

  /** The child of split node {@code n} that the row at {@code offset} of {@code v} goes to. */
  int next(int n, double[] v, int offset) {
    int c = column[n];
    double value = c >= 0 ? v[offset + c] : 0.0;
    return value < cut[n] ? left[n] : right[n];
  }

  /** The leaf of tree {@code t} that the row at {@code offset} of {@code v} ends in. */
  int leaf(int t, double[] v, int offset) {
    int n = roots[t];
    while (left[n] >= 0) {
      n = next(n, v, offset);
    }
    return n;
  }

  /**
   * Grows the node arrays while the trees are read; node numbers are positions, from 0. Each node also
   * carries a fixed number of payload values (what a classifier keeps by node: leaf margins, class
   * weights, impurities), 0 until set, grown with the nodes.
   */
  static final class Builder {
    private int[] roots = new int[16];
    private int treeCount;
    private int[] column = new int[64];
    private double[] cut = new double[64];
    private int[] left = new int[64];
    private int[] right = new int[64];
    private final double[][] payloads;
    private int size;

    /** A builder whose nodes carry {@code payloads} values each. */
    Builder(int payloads) {
      this.payloads = new double[payloads][64];
    }

    /** Starts a tree whose root is the next node added. */
    void startTree() {
      if (treeCount == roots.length) {
        roots = Arrays.copyOf(roots, treeCount * 2);
      }
      roots[treeCount++] = size;
    }

    /** Adds {@code count} leaves (to be made splits or kept) and returns the first one's number. */
    int addLeaves(int count) {
      int first = size;
      int need = size + count;
      if (need > column.length) {
        int capacity = Math.max(need, column.length * 2);
        column = Arrays.copyOf(column, capacity);
        cut = Arrays.copyOf(cut, capacity);
        left = Arrays.copyOf(left, capacity);
        right = Arrays.copyOf(right, capacity);
        for (int p = 0; p < payloads.length; p++) {
          payloads[p] = Arrays.copyOf(payloads[p], capacity);
        }
      }
      Arrays.fill(column, size, need, -1);
      Arrays.fill(left, size, need, -1);
      Arrays.fill(right, size, need, -1);
      size = need;
      return first;
    }

    /** Makes node {@code n} a split on {@code column} at {@code cut} (see {@link FlatTrees}). */
    void split(int n, int column, double cut, int left, int right) {
      this.column[n] = column;
      this.cut[n] = cut;
      this.left[n] = left;
      this.right[n] = right;
    }

    /** Sets payload value {@code p} of node {@code n}. */
    void payload(int n, int p, double value) {
      payloads[p][n] = value;
    }

    /** Payload value {@code p} of every node, by node number. */
    double[] payloads(int p) {
      return Arrays.copyOf(payloads[p], size);
    }

    FlatTrees build() {
      return new FlatTrees(Arrays.copyOf(roots, treeCount), Arrays.copyOf(column, size), Arrays.copyOf(cut, size),
          Arrays.copyOf(left, size), Arrays.copyOf(right, size));
    }
  }
}
