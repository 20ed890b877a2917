package dev.bankml.recommender;

import java.util.Arrays;

/**
 * Fitted item–item similarities: for every item i, its most similar items j (top-N) with
 * sim(i → j), most similar first. Immutable and safe to share between threads.
 *
 * <p>Computed in one pass over co-occurrences. Catalogues of at most {@value #DENSE_LIMIT} items
 * count co-occurring pairs customer by customer into a dense item × item table (a bank's 20
 * products); larger catalogues (10,000 merchant offers) compute one item's co-occurrence row at a
 * time from the column and row indices and keep only its top-N, so memory stays O(items × N).
 * Both run on up to {@link RecommenderSpec#threads()} threads.
 */
public final class ItemSimilarity {
  /** Largest catalogue counted in a dense item × item table. */
  public static final int DENSE_LIMIT = 2048;

  /** Largest catalogue also kept as a dense item × item table for branch-free scoring. */
  static final int DENSE_TABLE_LIMIT = 256;

  private final Similarity kind;
  private final int[] ptr;
  private final int[] neighbour;
  private final float[] value;
  private final float[] table;

  ItemSimilarity(Similarity kind, int[] ptr, int[] neighbour, float[] value) {
    this.kind = kind;
    this.ptr = ptr;
    this.neighbour = neighbour;
    this.value = value;
    int n = ptr.length - 1;
    if (n <= DENSE_TABLE_LIMIT) {
      table = new float[n * n];
      for (int i = 0; i < n; i++) {
        for (int p = ptr[i]; p < ptr[i + 1]; p++) {
          table[i * n + neighbour[p]] = value[p];
        }
      }
    } else {
      table = new float[0];
    }
  }

  /** sim(i → j) at {@code i * items + j} for small catalogues; empty above {@link #DENSE_TABLE_LIMIT} items. */
  float[] denseTable() {
    return table;
  }

  /** Similarities of the items in {@code m} under {@code spec}. */
  static ItemSimilarity compute(InteractionMatrix m, RecommenderSpec spec) {
    ItemStats stats = ItemStats.of(m);
    return m.items() <= DENSE_LIMIT ? dense(m, spec, stats) : sparse(m, spec, stats);
  }

  /** Which similarity these values measure. */
  public Similarity kind() {
    return kind;
  }

  /** Number of items. */
  public int items() {
    return ptr.length - 1;
  }

  /** The kept neighbours of item {@code i}, most similar first (a copy). */
  public int[] neighbours(int i) {
    checkItem(i);
    return Arrays.copyOfRange(neighbour, ptr[i], ptr[i + 1]);
  }

  /** sim(i → j) for the kept neighbours of {@code i}, in the order of {@link #neighbours(int)}. */
  public double[] similarities(int i) {
    checkItem(i);
    double[] out = new double[ptr[i + 1] - ptr[i]];
    for (int p = 0; p < out.length; p++) {
      out[p] = value[ptr[i] + p];
    }
    return out;
  }

  /** sim(i → j), or 0 when j is not among i's kept neighbours. */
  public double similarity(int i, int j) {
    checkItem(i);
    checkItem(j);
    for (int p = ptr[i]; p < ptr[i + 1]; p++) {
      if (neighbour[p] == j) {
        return value[p];
      }
    }
    return 0;
  }

  private void checkItem(int i) {
    if (i < 0 || i >= items()) {
      throw new RecommenderInputException("item index " + i + " is out of range; valid: 0.." + (items() - 1));
    }
  }

  int[] ptr() {
    return ptr;
  }

  int[] neighbourArray() {
    return neighbour;
  }

  float[] valueArray() {
    return value;
  }

  /** Per-item column statistics the formulas need. */
  record ItemStats(double[] support, double[] squaredNorm, double customers) {
    static ItemStats of(InteractionMatrix m) {
      int n = m.items();
      double[] support = new double[n];
      double[] sq = new double[n];
      int[] colPtr = m.colPtr();
      float[] w = m.colWeights();
      for (int i = 0; i < n; i++) {
        support[i] = colPtr[i + 1] - colPtr[i];
        if (w.length == 0) {
          sq[i] = support[i];
        } else {
          double s = 0;
          for (int p = colPtr[i]; p < colPtr[i + 1]; p++) {
            s += (double) w[p] * w[p];
          }
          sq[i] = s;
        }
      }
      return new ItemStats(support, sq, m.customers());
    }
  }

  private static ItemSimilarity dense(InteractionMatrix m, RecommenderSpec spec, ItemStats stats) {
    int n = m.items();
    int customers = m.customers();
    int[] rowPtr = m.rowPtr();
    int[] rowItems = m.rowItems();
    float[] w = m.rowWeights();
    boolean weighted = w.length > 0;
    int workers = Math.max(1, Math.min(spec.threads(), customers / 50_000 + 1));
    int[][] counts = new int[workers][];
    double[][] dots = new double[workers][];
    Parallel.forChunks(customers, workers, Math.max(1, (customers + workers - 1) / workers), (worker, from, to) -> {
      if (counts[worker] == null) {
        counts[worker] = new int[n * n];
        dots[worker] = weighted ? new double[n * n] : new double[0];
      }
      int[] cnt = counts[worker];
      double[] dot = dots[worker];
      // in short blocks: a small method is compiled after a few calls, a long loop only after ~60,000 turns
      for (int c = from; c < to; c += 32) {
        countPairs(rowPtr, rowItems, c, Math.min(to, c + 32), n, w, cnt, dot);
      }
    });
    int[] total = new int[n * n];
    double[] totalDot = weighted ? new double[n * n] : null;
    for (int k = 0; k < workers; k++) {
      if (counts[k] == null) {
        continue;
      }
      for (int x = 0; x < n * n; x++) {
        total[x] += counts[k][x];
      }
      if (weighted) {
        for (int x = 0; x < n * n; x++) {
          totalDot[x] += dots[k][x];
        }
      }
    }
    // Rows hold items ascending, so only the upper triangle was counted: mirror it.
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        total[j * n + i] = total[i * n + j];
        if (weighted) {
          totalDot[j * n + i] = totalDot[i * n + j];
        }
      }
    }
    return fromDenseCounts(n, total, totalDot, stats, spec);
  }

  /** Adds the co-held pairs of customers {@code [from, to)} (each row's items ascending) to the upper triangle. */
  private static void countPairs(
      int[] rowPtr, int[] rowItems, int from, int to, int n, float[] w, int[] cnt, double[] dot) {
    for (int c = from; c < to; c++) {
      int end = rowPtr[c + 1];
      for (int p = rowPtr[c]; p < end; p++) {
        int base = rowItems[p] * n;
        for (int q = p + 1; q < end; q++) {
          cnt[base + rowItems[q]]++;
          if (w.length > 0) {
            dot[base + rowItems[q]] += (double) w[p] * w[q];
          }
        }
      }
    }
  }

  /** Similarities from a dense co-occurrence table {@code co[i * n + j]} (diagonal ignored). */
  static ItemSimilarity fromDenseCounts(int n, int[] co, double[] dot, ItemStats stats, RecommenderSpec spec) {
    RowFinisher finisher = new RowFinisher(n, stats, spec);
    int[] js = new int[n];
    int[] cs = new int[n];
    double[] ds = new double[n];
    int[][] rowN = new int[n][];
    float[][] rowV = new float[n][];
    for (int i = 0; i < n; i++) {
      int cnt = 0;
      for (int j = 0; j < n; j++) {
        int c = co[i * n + j];
        if (j != i && c > 0) {
          js[cnt] = j;
          cs[cnt] = c;
          ds[cnt] = dot == null ? c : dot[i * n + j];
          cnt++;
        }
      }
      finisher.finish(i, cnt, js, cs, ds, rowN, rowV);
    }
    return assemble(spec.similarity(), rowN, rowV);
  }

  private static ItemSimilarity sparse(InteractionMatrix m, RecommenderSpec spec, ItemStats stats) {
    int n = m.items();
    int[] rowPtr = m.rowPtr();
    int[] rowItems = m.rowItems();
    float[] rowW = m.rowWeights();
    int[] colPtr = m.colPtr();
    int[] colCustomers = m.colCustomers();
    float[] colW = m.colWeights();
    boolean weighted = rowW.length > 0;
    int[][] rowN = new int[n][];
    float[][] rowV = new float[n][];
    int workers = Math.max(1, spec.threads());
    SparseScratch[] scratch = new SparseScratch[workers];
    Parallel.forChunks(n, workers, 16, (worker, from, to) -> {
      if (scratch[worker] == null) {
        scratch[worker] = new SparseScratch(n, new RowFinisher(n, stats, spec));
      }
      SparseScratch s = scratch[worker];
      for (int i = from; i < to; i++) {
        int touched = 0;
        for (int p = colPtr[i]; p < colPtr[i + 1]; p++) {
          int c = colCustomers[p];
          double wi = weighted ? colW[p] : 1;
          for (int q = rowPtr[c]; q < rowPtr[c + 1]; q++) {
            int j = rowItems[q];
            if (j == i) {
              continue;
            }
            if (s.acc[j]++ == 0) {
              s.touched[touched++] = j;
            }
            if (weighted) {
              s.dotAcc[j] += wi * rowW[q];
            }
          }
        }
        for (int t = 0; t < touched; t++) {
          int j = s.touched[t];
          s.cs[t] = s.acc[j];
          s.ds[t] = weighted ? s.dotAcc[j] : s.acc[j];
          s.acc[j] = 0;
          if (weighted) {
            s.dotAcc[j] = 0;
          }
        }
        s.finisher.finish(i, touched, s.touched, s.cs, s.ds, rowN, rowV);
      }
    });
    return assemble(spec.similarity(), rowN, rowV);
  }

  private static final class SparseScratch {
    final int[] acc;
    final double[] dotAcc;
    final int[] touched;
    final int[] cs;
    final double[] ds;
    final RowFinisher finisher;

    SparseScratch(int n, RowFinisher finisher) {
      acc = new int[n];
      dotAcc = new double[n];
      touched = new int[n];
      cs = new int[n];
      ds = new double[n];
      this.finisher = finisher;
    }
  }

  static ItemSimilarity assemble(Similarity kind, int[][] rowN, float[][] rowV) {
    int n = rowN.length;
    int[] ptr = new int[n + 1];
    for (int i = 0; i < n; i++) {
      ptr[i + 1] = ptr[i] + rowN[i].length;
    }
    int[] nb = new int[ptr[n]];
    float[] val = new float[ptr[n]];
    for (int i = 0; i < n; i++) {
      System.arraycopy(rowN[i], 0, nb, ptr[i], rowN[i].length);
      System.arraycopy(rowV[i], 0, val, ptr[i], rowV[i].length);
    }
    return new ItemSimilarity(kind, ptr, nb, val);
  }

  /** Turns one item's co-occurrence row into its top-N similarities. Not thread-safe: one per worker. */
  static final class RowFinisher {
    private final ItemStats stats;
    private final RecommenderSpec spec;
    private final long[] keys;

    RowFinisher(int n, ItemStats stats, RecommenderSpec spec) {
      this.stats = stats;
      this.spec = spec;
      this.keys = new long[n];
    }

    /**
     * Given the {@code cnt} items {@code js} co-held with {@code i}, their co-holder counts {@code
     * cs} and weighted dot products {@code ds}, stores i's kept neighbours into {@code rowN[i]} and
     * {@code rowV[i]}.
     */
    void finish(int i, int cnt, int[] js, int[] cs, double[] ds, int[][] rowN, float[][] rowV) {
      double[] sup = stats.support();
      double[] sq = stats.squaredNorm();
      double lambda = spec.shrinkage();
      int kept = 0;
      for (int p = 0; p < cnt; p++) {
        int j = js[p];
        double s = spec.similarity().of(cs[p], ds[p], sup[i], sup[j], sq[i], sq[j], stats.customers(), spec.alpha());
        if (lambda > 0) {
          s *= cs[p] / (cs[p] + lambda);
        }
        float f = (float) s;
        if (f > 0 && Float.isFinite(f)) {
          // Non-negative floats order like their bits: sort ascending on (max - bits, j) = sim desc, j asc.
          keys[kept++] = ((long) (Integer.MAX_VALUE - Float.floatToRawIntBits(f)) << 32) | j;
        }
      }
      int size = Math.min(kept, spec.neighbours());
      if (size < kept) {
        select(keys, 0, kept - 1, size);
      }
      Arrays.sort(keys, 0, size);
      int[] nb = new int[size];
      float[] val = new float[size];
      double sum = 0;
      for (int p = 0; p < size; p++) {
        nb[p] = (int) keys[p];
        val[p] = Float.intBitsToFloat(Integer.MAX_VALUE - (int) (keys[p] >>> 32));
        sum += val[p];
      }
      if (spec.normalizeNeighbours() && sum > 0) {
        for (int p = 0; p < size; p++) {
          val[p] = (float) (val[p] / sum);
        }
      }
      rowN[i] = nb;
      rowV[i] = val;
    }

    /** Moves the {@code n} smallest keys of {@code a[lo..hi]} to its front (Hoare quickselect). */
    private static void select(long[] a, int lo, int hi, int n) {
      int target = lo + n - 1;
      while (lo < hi) {
        long pivot = median(a[lo], a[(lo + hi) >>> 1], a[hi]);
        int i = lo;
        int j = hi;
        while (i <= j) {
          while (a[i] < pivot) {
            i++;
          }
          while (a[j] > pivot) {
            j--;
          }
          if (i <= j) {
            long t = a[i];
            a[i++] = a[j];
            a[j--] = t;
          }
        }
        if (target <= j) {
          hi = j;
        } else if (target >= i) {
          lo = i;
        } else {
          return;
        }
      }
    }

    private static long median(long a, long b, long c) {
      return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
  }
}
