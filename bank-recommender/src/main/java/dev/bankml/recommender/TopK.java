package dev.bankml.recommender;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Every customer's top-k recommendations in flat primitive arrays (fast to produce and to write
 * out for millions of customers). Lists are stored in rows of k; customer c's recommendation of
 * rank r (0-based, r &lt; {@link #count(int)}) is at position {@code row(c) * k + r}, where row(c)
 * is c itself, or for a small catalogue the row shared by every customer with the same held,
 * eligible and segment (and so the same list). Immutable.
 */
public final class TopK {
  private static final int[] OWN_ROWS = new int[0];

  private final int k;
  private final int customers;
  private final int[] row;
  private final int[] count;
  private final int[] item;
  private final float[] score;
  private final int[] because;
  private final float[] becauseSim;
  private final List<String> labels;
  private final boolean segmented;

  /** Lists in rows of k: row r holds {@code count[r]} entries at {@code r * k} of the other arrays. */
  static final class Rows {
    final int[] count;
    final int[] item;
    final float[] score;
    final int[] because;
    final float[] becauseSim;

    /** {@code rows} empty rows of {@code k}. */
    Rows(int rows, int k) {
      count = new int[rows];
      item = new int[rows * k];
      score = new float[rows * k];
      because = new int[rows * k];
      becauseSim = new float[rows * k];
    }

    /** Copies the first {@code rows} rows (of {@code k}) to row {@code at} onwards of {@code to}. */
    void copyTo(int rows, int k, Rows to, int at) {
      System.arraycopy(count, 0, to.count, at, rows);
      System.arraycopy(item, 0, to.item, at * k, rows * k);
      System.arraycopy(score, 0, to.score, at * k, rows * k);
      System.arraycopy(because, 0, to.because, at * k, rows * k);
      System.arraycopy(becauseSim, 0, to.becauseSim, at * k, rows * k);
    }
  }

  /** Customer c's list in row c. */
  TopK(int k, Rows rows, List<String> labels, boolean segmented) {
    this(k, OWN_ROWS, rows, labels, segmented);
  }

  /** Customer c's list in row {@code row[c]}. */
  TopK(int k, int[] row, Rows rows, List<String> labels, boolean segmented) {
    this.k = k;
    this.customers = row == OWN_ROWS ? rows.count.length : row.length;
    this.row = row;
    this.count = rows.count;
    this.item = rows.item;
    this.score = rows.score;
    this.because = rows.because;
    this.becauseSim = rows.becauseSim;
    this.labels = labels;
    this.segmented = segmented;
  }

  /** Number of customers. */
  public int customers() {
    return customers;
  }

  /** The k asked for; a customer may get fewer when fewer items are eligible. */
  public int k() {
    return k;
  }

  /** How many recommendations customer {@code c} got. */
  public int count(int c) {
    checkCustomer(c);
    return count[row(c)];
  }

  private int row(int c) {
    return row == OWN_ROWS ? c : row[c];
  }

  /** Item index recommended to customer {@code c} at rank {@code r}. */
  public int item(int c, int r) {
    return item[at(c, r)];
  }

  /** Score of customer {@code c}'s recommendation at rank {@code r}. */
  public double score(int c, int r) {
    return score[at(c, r)];
  }

  /** The held item that contributed most to rank {@code r}, empty when it came from popularity. */
  public OptionalInt because(int c, int r) {
    int b = because[at(c, r)];
    return b < 0 ? OptionalInt.empty() : OptionalInt.of(b);
  }

  /** The explanation of customer {@code c}'s recommendation at rank {@code r}. */
  public String reason(int c, int r) {
    int p = at(c, r);
    return reason(because[p], becauseSim[p], labels, segmented);
  }

  /** The items recommended to customer {@code c}, best first. */
  public int[] itemsOf(int c) {
    int[] out = new int[count(c)];
    System.arraycopy(item, row(c) * k, out, 0, out.length);
    return out;
  }

  /** Every customer's recommended items, best first: {@code lists()[c] == itemsOf(c)}. */
  public int[][] lists() {
    int[][] out = new int[customers][];
    for (int c = 0; c < out.length; c++) {
      out[c] = itemsOf(c);
    }
    return out;
  }

  /** Customer {@code c}'s recommendations with labels and reasons. */
  public List<Recommendation> of(int c) {
    int n = count(c);
    List<Recommendation> out = new ArrayList<>(n);
    for (int r = 0; r < n; r++) {
      int p = at(c, r);
      out.add(new Recommendation(item[p], labels.get(item[p]), score[p], because(c, r), reason(c, r)));
    }
    return out;
  }

  private int at(int c, int r) {
    if (r < 0 || r >= count(c)) {
      throw new RecommenderInputException(
          "no recommendation at customer " + c + ", rank " + r + "; ranks below count(c) = " + count(c));
    }
    return row(c) * k + r;
  }

  private void checkCustomer(int c) {
    if (c < 0 || c >= customers) {
      throw new RecommenderInputException(
          "no recommendation at customer " + c + "; customers 0.." + (customers - 1));
    }
  }

  static String reason(int because, float sim, List<String> labels, boolean segmented) {
    if (because < 0) {
      return segmented ? "popular with customers like you" : "popular with customers";
    }
    // Hand-rolled two-decimal formatting: String.format would dominate a single-customer call.
    long hundredths = Math.round((double) sim * 100);
    long frac = hundredths % 100;
    return "because you hold " + labels.get(because) + " (similarity " + hundredths / 100 + (frac < 10 ? ".0" : ".")
        + frac + ")";
  }
}
