package dev.bankml.recommender;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable sparse customer × item matrix, kept both row-wise (CSR: a customer's items) and
 * column-wise (CSC: an item's customers). Binary (a customer holds an item or not) or weighted
 * (tenure, balance, recency decay). Items nobody holds and customers who hold nothing are allowed.
 * Within a row items are ascending; within a column customers are ascending.
 */
public final class InteractionMatrix {
  private static final float[] NO_WEIGHTS = new float[0];
  private static final long[] NO_MASKS = new long[0];

  private final int customers;
  private final int items;
  private final int[] rowPtr;
  private final int[] rowItems;
  private final float[] rowWeights;
  private final int[] colPtr;
  private final int[] colCustomers;
  private final float[] colWeights;
  private final List<String> itemLabels;
  /** Each customer's items as a bit mask when the matrix was built from them (binary, at most 64 items); else empty. */
  private final long[] masks;

  private InteractionMatrix(
      int customers,
      int items,
      int[] rowPtr,
      int[] rowItems,
      float[] rowWeights,
      List<String> itemLabels) {
    this.customers = customers;
    this.items = items;
    this.rowPtr = rowPtr;
    this.rowItems = rowItems;
    this.rowWeights = rowWeights;
    this.itemLabels = itemLabels;
    this.masks = NO_MASKS;
    this.colPtr = new int[items + 1];
    this.colCustomers = new int[rowItems.length];
    this.colWeights = rowWeights.length == 0 ? NO_WEIGHTS : new float[rowWeights.length];
    for (int item : rowItems) {
      colPtr[item + 1]++;
    }
    for (int i = 0; i < items; i++) {
      colPtr[i + 1] += colPtr[i];
    }
    int[] next = Arrays.copyOf(colPtr, items);
    for (int c = 0; c < customers; c++) {
      for (int p = rowPtr[c]; p < rowPtr[c + 1]; p++) {
        int at = next[rowItems[p]]++;
        colCustomers[at] = c;
        if (colWeights.length > 0) {
          colWeights[at] = rowWeights[p];
        }
      }
    }
  }

  /** A binary matrix whose columns were built with its rows from the customers' bit masks. */
  private InteractionMatrix(int customers, int items, int[] rowPtr, int[] rowItems, int[] colPtr,
      int[] colCustomers, long[] masks, List<String> itemLabels) {
    this.customers = customers;
    this.items = items;
    this.rowPtr = rowPtr;
    this.rowItems = rowItems;
    this.rowWeights = NO_WEIGHTS;
    this.colPtr = colPtr;
    this.colCustomers = colCustomers;
    this.colWeights = NO_WEIGHTS;
    this.masks = masks;
    this.itemLabels = itemLabels;
  }

  /** The same matrix with other labels: shares the (immutable) arrays. */
  private InteractionMatrix(InteractionMatrix m, List<String> itemLabels) {
    this.customers = m.customers;
    this.items = m.items;
    this.rowPtr = m.rowPtr;
    this.rowItems = m.rowItems;
    this.rowWeights = m.rowWeights;
    this.colPtr = m.colPtr;
    this.colCustomers = m.colCustomers;
    this.colWeights = m.colWeights;
    this.masks = m.masks;
    this.itemLabels = itemLabels;
  }

  /**
   * A binary matrix from parallel arrays of (customer, item) pairs; duplicate pairs count once.
   *
   * @throws RecommenderInputException if the arrays differ in length or an index is out of range
   */
  public static InteractionMatrix binary(int customers, int items, int[] customer, int[] item) {
    return build(customers, items, customer, item, null);
  }

  /**
   * A weighted matrix from parallel arrays of (customer, item, weight); duplicate pairs add their
   * weights. Weights must be finite and positive.
   *
   * @throws RecommenderInputException if the arrays differ in length, an index is out of range or a
   *     weight is not a finite positive number
   */
  public static InteractionMatrix weighted(
      int customers, int items, int[] customer, int[] item, double[] weight) {
    if (weight.length != customer.length) {
      throw new RecommenderInputException(
          "weights has " + weight.length + " entries but customers has " + customer.length
              + "; give one weight per (customer, item) pair");
    }
    for (int p = 0; p < weight.length; p++) {
      if (!(weight[p] > 0) || Double.isInfinite(weight[p])) {
        throw new RecommenderInputException(
            "weight at position " + p + " is " + weight[p]
                + "; weights must be finite and greater than 0 (drop the pair instead of weighting it 0)");
      }
    }
    return build(customers, items, customer, item, weight);
  }

  /**
   * Recency-decay weights for {@link #weighted}: a holding opened {@code halfLifeDays} before
   * {@code asOfDay} weighs 0.5, one opened on it 1; holdings opened after it weigh 1.
   */
  public static double[] recencyWeights(long[] openedDay, long asOfDay, double halfLifeDays) {
    if (!(halfLifeDays > 0) || Double.isInfinite(halfLifeDays)) {
      throw new RecommenderInputException("half-life is " + halfLifeDays + " days; valid: a finite number > 0");
    }
    double[] w = new double[openedDay.length];
    for (int p = 0; p < w.length; p++) {
      w[p] = Math.pow(0.5, Math.max(0, asOfDay - openedDay[p]) / halfLifeDays);
    }
    return w;
  }

  /** A binary matrix whose row {@code c} holds the item indices of customer {@code c}. */
  public static InteractionMatrix fromRows(int items, int[][] rows) {
    int nnz = 0;
    for (int[] row : rows) {
      nnz += row.length;
    }
    int[] customer = new int[nnz];
    int[] item = new int[nnz];
    int p = 0;
    for (int c = 0; c < rows.length; c++) {
      for (int i : rows[c]) {
        customer[p] = c;
        item[p++] = i;
      }
    }
    return binary(rows.length, items, customer, item);
  }

  private static InteractionMatrix build(
      int customers, int items, int[] customer, int[] item, double[] weight) {
    if (customers < 0 || items < 0) {
      throw new RecommenderInputException(
          "matrix size " + customers + " × " + items + " is invalid; both must be ≥ 0");
    }
    if (customer.length != item.length) {
      throw new RecommenderInputException(
          "customer array has " + customer.length + " entries but item array has " + item.length
              + "; they must be parallel arrays of the same length");
    }
    if (weight == null && items <= 64) {
      return fromBitRows(customers, items, customer, item);
    }
    int n = customer.length;
    int[] rowPtr = new int[customers + 1];
    boolean sorted = true;
    int previous = 0;
    for (int p = 0; p < n; p++) {
      int c = customer[p];
      int i = item[p];
      if (c < 0 || c >= customers) {
        throw new RecommenderInputException(
            "customer index " + c + " at position " + p + " is out of range; valid: 0.." + (customers - 1));
      }
      if (i < 0 || i >= items) {
        throw new RecommenderInputException(
            "item index " + i + " at position " + p + " is out of range; valid: 0.." + (items - 1));
      }
      rowPtr[c + 1]++;
      sorted &= c >= previous;
      previous = c;
    }
    int longest = 0;
    for (int c = 0; c < customers; c++) {
      longest = Math.max(longest, rowPtr[c + 1]);
      rowPtr[c + 1] += rowPtr[c];
    }
    if (sorted && longest <= 64) {
      return fromCustomerOrder(customers, items, rowPtr, item, weight);
    }
    // Bucket by item first, then by customer: the second stable pass leaves each row's items sorted.
    int[] itemPtr = new int[items + 1];
    for (int i : item) {
      itemPtr[i + 1]++;
    }
    for (int i = 0; i < items; i++) {
      itemPtr[i + 1] += itemPtr[i];
    }
    int[] byItem = new int[n];
    int[] nextItem = Arrays.copyOf(itemPtr, items);
    for (int p = 0; p < n; p++) {
      byItem[nextItem[item[p]]++] = p;
    }
    int[] rowItems = new int[n];
    double[] rowW = weight == null ? null : new double[n];
    int[] nextRow = Arrays.copyOf(rowPtr, customers);
    for (int q = 0; q < n; q++) {
      int p = byItem[q];
      int at = nextRow[customer[p]]++;
      rowItems[at] = item[p];
      if (rowW != null) {
        rowW[at] = weight[p];
      }
    }
    return dedupe(customers, items, rowPtr, rowItems, rowW);
  }

  /**
   * A binary matrix over at most 64 items (a bank's catalogue), in any order: one pass sets each
   * customer's bit mask (repeats count once) and counts each item's customers, a second reads the
   * masks out into rows (items ascending) and columns (customers ascending).
   */
  private static InteractionMatrix fromBitRows(int customers, int items, int[] customer, int[] item) {
    long[] held = new long[customers];
    int[] colPtr = new int[items + 1];
    // in short blocks: a small method is compiled after a few calls, a long loop only after ~60,000 turns
    for (int from = 0; from < customer.length; from += 16) {
      markBlock(customers, items, customer, item, from, Math.min(customer.length, from + 16), held, colPtr);
    }
    for (int i = 0; i < items; i++) {
      colPtr[i + 1] += colPtr[i];
    }
    int nnz = colPtr[items];
    int[] rowPtr = new int[customers + 1];
    int[] rowItems = new int[nnz];
    int[] colCustomers = new int[nnz];
    int[] next = Arrays.copyOf(colPtr, items);
    for (int from = 0; from < customers; from += 32) {
      readBlock(held, from, Math.min(customers, from + 32), rowPtr, rowItems, colCustomers, next);
    }
    return new InteractionMatrix(customers, items, rowPtr, rowItems, colPtr, colCustomers, held, defaultLabels(items));
  }

  /** Sets the bits of pairs {@code [from, to)} and counts each item's first holders. */
  private static void markBlock(
      int customers, int items, int[] customer, int[] item, int from, int to, long[] held, int[] colPtr) {
    for (int p = from; p < to; p++) {
      int c = customer[p];
      int i = item[p];
      if (c < 0 || c >= customers || i < 0 || i >= items) {
        throw outOfRange(customers, items, customer, item, p);
      }
      long bit = 1L << i;
      if ((held[c] & bit) == 0) {
        held[c] |= bit;
        colPtr[i + 1]++;
      }
    }
  }

  /** Writes the rows of customers {@code [from, to)} from their masks (items ascending), and each customer into its items' columns. */
  private static void readBlock(
      long[] held, int from, int to, int[] rowPtr, int[] rowItems, int[] colCustomers, int[] next) {
    int w = rowPtr[from];
    for (int c = from; c < to; c++) {
      for (long m = held[c]; m != 0; m &= m - 1) {
        int i = Long.numberOfTrailingZeros(m);
        rowItems[w++] = i;
        colCustomers[next[i]++] = c;
      }
      rowPtr[c + 1] = w;
    }
  }

  private static RecommenderInputException outOfRange(int customers, int items, int[] customer, int[] item, int p) {
    int c = customer[p];
    if (c < 0 || c >= customers) {
      return new RecommenderInputException(
          "customer index " + c + " at position " + p + " is out of range; valid: 0.." + (customers - 1));
    }
    return new RecommenderInputException(
        "item index " + item[p] + " at position " + p + " is out of range; valid: 0.." + (items - 1));
  }

  /**
   * Input already grouped by customer (the usual case): one pass that insertion-sorts each short
   * row into place and merges repeated items (adding their weights).
   */
  private static InteractionMatrix fromCustomerOrder(
      int customers, int items, int[] rowPtr, int[] item, double[] weight) {
    int[] rowItems = new int[item.length];
    double[] rowW = weight == null ? null : new double[item.length];
    int[] newPtr = new int[customers + 1];
    int w = 0;
    for (int c = 0; c < customers; c++) {
      int start = w;
      for (int p = rowPtr[c]; p < rowPtr[c + 1]; p++) {
        int v = item[p];
        int q = w - 1;
        while (q >= start && rowItems[q] > v) {
          q--;
        }
        if (q >= start && rowItems[q] == v) {
          if (rowW != null) {
            rowW[q] += weight[p];
          }
          continue;
        }
        // v goes after q: shift the larger ones up by one
        for (int r = w; r > q + 1; r--) {
          rowItems[r] = rowItems[r - 1];
          if (rowW != null) {
            rowW[r] = rowW[r - 1];
          }
        }
        rowItems[q + 1] = v;
        if (rowW != null) {
          rowW[q + 1] = weight[p];
        }
        w++;
      }
      newPtr[c + 1] = w;
    }
    return finish(customers, items, newPtr, rowItems, w, rowW);
  }

  private static InteractionMatrix dedupe(
      int customers, int items, int[] rowPtr, int[] rowItems, double[] rowW) {
    int[] newPtr = new int[customers + 1];
    int w = 0;
    for (int c = 0; c < customers; c++) {
      int start = w;
      for (int p = rowPtr[c]; p < rowPtr[c + 1]; p++) {
        if (w > start && rowItems[w - 1] == rowItems[p]) {
          if (rowW != null) {
            rowW[w - 1] += rowW[p];
          }
          continue;
        }
        rowItems[w] = rowItems[p];
        if (rowW != null) {
          rowW[w] = rowW[p];
        }
        w++;
      }
      newPtr[c + 1] = w;
    }
    return finish(customers, items, newPtr, rowItems, w, rowW);
  }

  /** The matrix of the first {@code nnz} entries of sorted, distinct rows. */
  private static InteractionMatrix finish(
      int customers, int items, int[] rowPtr, int[] rowItems, int nnz, double[] rowW) {
    int[] finalItems = nnz == rowItems.length ? rowItems : Arrays.copyOf(rowItems, nnz);
    float[] finalW = NO_WEIGHTS;
    if (rowW != null) {
      finalW = new float[nnz];
      for (int p = 0; p < nnz; p++) {
        finalW[p] = (float) rowW[p];
      }
    }
    return new InteractionMatrix(customers, items, rowPtr, finalItems, finalW, defaultLabels(items));
  }

  private static List<String> defaultLabels(int items) {
    List<String> labels = new ArrayList<>(items);
    for (int i = 0; i < items; i++) {
      labels.add("item " + i);
    }
    return List.copyOf(labels);
  }

  /**
   * This matrix with human-readable item names, used in explanations ("because you hold Salary
   * account").
   */
  public InteractionMatrix withItemLabels(List<String> labels) {
    if (labels.size() != items) {
      throw new RecommenderInputException(
          "got " + labels.size() + " item labels for " + items + " items; give exactly one per item");
    }
    return new InteractionMatrix(this, List.copyOf(labels));
  }

  /**
   * What a model fitted on this matrix was fitted on: rows = customers, and the SHA-256 of the
   * shape, every customer's items and their weights.
   */
  public dev.bankml.data.bundle.DataFingerprint fingerprint() {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 + 4 * (rowPtr.length + rowItems.length + rowWeights.length));
    b.putInt(customers).putInt(items);
    b.asIntBuffer().put(rowPtr).put(rowItems);
    b.position(b.position() + 4 * (rowPtr.length + rowItems.length));
    b.asFloatBuffer().put(rowWeights);
    return new dev.bankml.data.bundle.DataFingerprint(customers, 0, dev.bankml.data.bundle.Bundle.sha256Hex(b.array()));
  }

  /** Number of customers (rows). */
  public int customers() {
    return customers;
  }

  /** Number of items (columns). */
  public int items() {
    return items;
  }

  /** Number of stored (customer, item) interactions. */
  public int nonZeros() {
    return rowItems.length;
  }

  /** Whether interactions carry weights (otherwise every stored interaction weighs 1). */
  public boolean isWeighted() {
    return rowWeights.length > 0;
  }

  /** Item names, one per item; "item i" unless set with {@link #withItemLabels}. */
  public List<String> itemLabels() {
    return itemLabels;
  }

  /** The items customer {@code c} holds, ascending (a copy). */
  public int[] itemsOf(int c) {
    checkCustomer(c);
    return Arrays.copyOfRange(rowItems, rowPtr[c], rowPtr[c + 1]);
  }

  /** The customers holding item {@code i}, ascending (a copy). */
  public int[] customersOf(int i) {
    if (i < 0 || i >= items) {
      throw new RecommenderInputException("item index " + i + " is out of range; valid: 0.." + (items - 1));
    }
    return Arrays.copyOfRange(colCustomers, colPtr[i], colPtr[i + 1]);
  }

  /** How many items customer {@code c} holds. */
  public int holdingCount(int c) {
    checkCustomer(c);
    return rowPtr[c + 1] - rowPtr[c];
  }

  /** How many customers hold item {@code i}. */
  public int itemSupport(int i) {
    return colPtr[i + 1] - colPtr[i];
  }

  /**
   * The items customer {@code c} holds as a bit mask (bit i set when the customer holds item i), for
   * catalogues of at most 64 items.
   *
   * @throws RecommenderInputException if the catalogue has more than 64 items or c is out of range
   */
  public long heldMask(int c) {
    checkCustomer(c);
    if (items > 64) {
      throw new RecommenderInputException(
          "the catalogue has " + items + " items; a holding bit mask covers at most 64");
    }
    return masks.length > 0 ? masks[c] : maskOf(c);
  }

  private long maskOf(int c) {
    long m = 0;
    for (int p = rowPtr[c]; p < rowPtr[c + 1]; p++) {
      m |= 1L << rowItems[p];
    }
    return m;
  }

  /** Every customer's {@link #heldMask}, for at most 64 items: shared when kept, else worked out (do not change it). */
  long[] heldMasks() {
    if (masks.length > 0 || customers == 0) {
      return masks;
    }
    long[] out = new long[customers];
    for (int c = 0; c < customers; c++) {
      out[c] = maskOf(c);
    }
    return out;
  }

  /** Whether customer {@code c} holds item {@code i}. */
  public boolean holds(int c, int i) {
    checkCustomer(c);
    return Arrays.binarySearch(rowItems, rowPtr[c], rowPtr[c + 1], i) >= 0;
  }

  private void checkCustomer(int c) {
    if (c < 0 || c >= customers) {
      throw new RecommenderInputException(
          "customer index " + c + " is out of range; valid: 0.." + (customers - 1));
    }
  }

  int[] rowPtr() {
    return rowPtr;
  }

  int[] rowItems() {
    return rowItems;
  }

  float[] rowWeights() {
    return rowWeights;
  }

  int[] colPtr() {
    return colPtr;
  }

  int[] colCustomers() {
    return colCustomers;
  }

  float[] colWeights() {
    return colWeights;
  }
}
