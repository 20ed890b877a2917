package dev.bankml.recommender;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Live co-occurrence counts that follow holdings as they change: opening or closing a holding
 * updates the counts in time proportional to the customer's holdings, without rescanning every
 * customer; {@link RecommenderSpec#fit(CoOccurrence)} then turns the current counts into a recommender. Binary (weights are
 * not tracked). Mutable and not thread-safe: one writer, or external locking.
 */
public final class CoOccurrence {
  private final int items;
  private final boolean dense;
  private final int[] denseCounts;
  private final IntIntMap[] sparseCounts;
  private final int[] support;
  private final List<int[]> holdings;
  private final List<String> labels;

  private CoOccurrence(int items, List<String> labels) {
    this.items = items;
    this.dense = items <= ItemSimilarity.DENSE_LIMIT;
    this.denseCounts = dense ? new int[items * items] : new int[0];
    this.sparseCounts = dense ? new IntIntMap[0] : new IntIntMap[items];
    this.support = new int[items];
    this.holdings = new ArrayList<>();
    this.labels = labels;
  }

  /** Counts of the holdings in {@code m} (weights ignored). */
  public static CoOccurrence of(InteractionMatrix m) {
    CoOccurrence co = new CoOccurrence(m.items(), m.itemLabels());
    for (int c = 0; c < m.customers(); c++) {
      int[] row = m.itemsOf(c);
      co.holdings.add(row);
      for (int p = 0; p < row.length; p++) {
        co.support[row[p]]++;
        for (int q = p + 1; q < row.length; q++) {
          co.bump(row[p], row[q], 1);
        }
      }
    }
    return co;
  }

  /**
   * Records that customer {@code customer} opened item {@code item}; a customer index beyond the
   * current ones adds new customers. Returns false (and changes nothing) if already held.
   */
  public boolean open(int customer, int item) {
    checkItem(item);
    if (customer < 0) {
      throw new RecommenderInputException("customer index " + customer + " is negative; customers are numbered from 0");
    }
    while (holdings.size() <= customer) {
      holdings.add(new int[0]);
    }
    int[] row = holdings.get(customer);
    int at = Arrays.binarySearch(row, item);
    if (at >= 0) {
      return false;
    }
    for (int other : row) {
      bump(item, other, 1);
    }
    support[item]++;
    int ins = -at - 1;
    int[] grown = new int[row.length + 1];
    System.arraycopy(row, 0, grown, 0, ins);
    grown[ins] = item;
    System.arraycopy(row, ins, grown, ins + 1, row.length - ins);
    holdings.set(customer, grown);
    return true;
  }

  /** Records that customer {@code customer} closed item {@code item}; false if it was not held. */
  public boolean close(int customer, int item) {
    checkItem(item);
    if (customer < 0 || customer >= holdings.size()) {
      return false;
    }
    int[] row = holdings.get(customer);
    int at = Arrays.binarySearch(row, item);
    if (at < 0) {
      return false;
    }
    int[] shrunk = new int[row.length - 1];
    System.arraycopy(row, 0, shrunk, 0, at);
    System.arraycopy(row, at + 1, shrunk, at, row.length - at - 1);
    for (int other : shrunk) {
      bump(item, other, -1);
    }
    support[item]--;
    holdings.set(customer, shrunk);
    return true;
  }

  /** Customers holding both {@code i} and {@code j} (for i = j, customers holding i). */
  public int count(int i, int j) {
    checkItem(i);
    checkItem(j);
    if (i == j) {
      return support[i];
    }
    return dense ? denseCounts[i * items + j] : sparseCounts[i] == null ? 0 : sparseCounts[i].get(j);
  }

  /** Number of customers seen (including those holding nothing). */
  public int customers() {
    return holdings.size();
  }

  /** The current holdings as a matrix. */
  public InteractionMatrix toMatrix() {
    return InteractionMatrix.fromRows(items, holdings.toArray(new int[0][])).withItemLabels(labels);
  }

  /** A recommender from the current counts (global popularity), without rescanning customers. */
  ItemRecommender recommender(RecommenderSpec spec) {
    double[] sup = new double[items];
    double[] pop = new double[items];
    int customers = holdings.size();
    for (int i = 0; i < items; i++) {
      sup[i] = support[i];
      pop[i] = customers == 0 ? 0 : sup[i] / customers;
    }
    ItemSimilarity.ItemStats stats = new ItemSimilarity.ItemStats(sup, sup.clone(), customers);
    ItemSimilarity sim;
    if (dense) {
      sim = ItemSimilarity.fromDenseCounts(items, denseCounts, null, stats, spec);
    } else {
      ItemSimilarity.RowFinisher finisher = new ItemSimilarity.RowFinisher(items, stats, spec);
      int[][] rowN = new int[items][];
      float[][] rowV = new float[items][];
      int[] js = new int[items];
      int[] cs = new int[items];
      double[] ds = new double[items];
      for (int i = 0; i < items; i++) {
        int cnt = sparseCounts[i] == null ? 0 : sparseCounts[i].entries(js, cs);
        for (int p = 0; p < cnt; p++) {
          ds[p] = cs[p];
        }
        finisher.finish(i, cnt, js, cs, ds, rowN, rowV);
      }
      sim = ItemSimilarity.assemble(spec.similarity(), rowN, rowV);
    }
    return new ItemRecommender(spec, sim, new Popularity(pop, new double[0][]), labels);
  }

  private void bump(int i, int j, int delta) {
    if (dense) {
      denseCounts[i * items + j] += delta;
      denseCounts[j * items + i] += delta;
    } else {
      row(i).add(j, delta);
      row(j).add(i, delta);
    }
  }

  private IntIntMap row(int i) {
    if (sparseCounts[i] == null) {
      sparseCounts[i] = new IntIntMap();
    }
    return sparseCounts[i];
  }

  private void checkItem(int i) {
    if (i < 0 || i >= items) {
      throw new RecommenderInputException("item index " + i + " is out of range; valid: 0.." + (items - 1));
    }
  }

  /** Open-addressing int → int map of non-negative keys; entries whose value reaches 0 read as absent. */
  private static final class IntIntMap {
    private int[] keys = filled(8);
    private int[] values = new int[8];
    private int size;

    private static int[] filled(int n) {
      int[] k = new int[n];
      Arrays.fill(k, -1);
      return k;
    }

    int get(int key) {
      int mask = keys.length - 1;
      for (int s = mix(key) & mask; keys[s] != -1; s = (s + 1) & mask) {
        if (keys[s] == key) {
          return values[s];
        }
      }
      return 0;
    }

    void add(int key, int delta) {
      if ((size + 1) * 2 > keys.length) {
        grow();
      }
      int mask = keys.length - 1;
      int s = mix(key) & mask;
      while (keys[s] != -1 && keys[s] != key) {
        s = (s + 1) & mask;
      }
      if (keys[s] == -1) {
        keys[s] = key;
        size++;
      }
      values[s] += delta;
    }

    int entries(int[] outKeys, int[] outValues) {
      int n = 0;
      for (int s = 0; s < keys.length; s++) {
        if (keys[s] != -1 && values[s] > 0) {
          outKeys[n] = keys[s];
          outValues[n++] = values[s];
        }
      }
      return n;
    }

    private void grow() {
      int[] oldK = keys;
      int[] oldV = values;
      keys = filled(oldK.length * 2);
      values = new int[oldK.length * 2];
      size = 0;
      for (int s = 0; s < oldK.length; s++) {
        if (oldK[s] != -1) {
          add(oldK[s], oldV[s]);
        }
      }
    }

    private static int mix(int key) {
      return key * 0x9E3779B9 >>> 7;
    }
  }
}
