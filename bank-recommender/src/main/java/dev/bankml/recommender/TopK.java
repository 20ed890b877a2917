package dev.bankml.recommender;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Every customer's top-k recommendations in flat primitive arrays (fast to produce and to write
 * out for millions of customers). Customer c's recommendation of rank r (0-based, r &lt; {@link
 * #count(int)}) is at position {@code c * k + r}. Immutable.
 */
public final class TopK {
  private final int k;
  private final int[] count;
  private final int[] item;
  private final float[] score;
  private final int[] because;
  private final float[] becauseSim;
  private final List<String> labels;
  private final boolean segmented;

  TopK(int k, int[] count, int[] item, float[] score, int[] because, float[] becauseSim, List<String> labels, boolean segmented) {
    this.k = k;
    this.count = count;
    this.item = item;
    this.score = score;
    this.because = because;
    this.becauseSim = becauseSim;
    this.labels = labels;
    this.segmented = segmented;
  }

  /** Number of customers. */
  public int customers() {
    return count.length;
  }

  /** The k asked for; a customer may get fewer when fewer items are eligible. */
  public int k() {
    return k;
  }

  /** How many recommendations customer {@code c} got. */
  public int count(int c) {
    return count[c];
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
    int[] out = new int[count[c]];
    System.arraycopy(item, c * k, out, 0, out.length);
    return out;
  }

  /** Every customer's recommended items, best first: {@code lists()[c] == itemsOf(c)}. */
  public int[][] lists() {
    int[][] out = new int[count.length][];
    for (int c = 0; c < out.length; c++) {
      out[c] = itemsOf(c);
    }
    return out;
  }

  /** Customer {@code c}'s recommendations with labels and reasons. */
  public List<Recommendation> of(int c) {
    List<Recommendation> out = new ArrayList<>(count[c]);
    for (int r = 0; r < count[c]; r++) {
      int p = at(c, r);
      out.add(new Recommendation(item[p], labels.get(item[p]), score[p], because(c, r), reason(c, r)));
    }
    return out;
  }

  private int at(int c, int r) {
    if (c < 0 || c >= count.length || r < 0 || r >= count[c]) {
      throw new RecommenderInputException(
          "no recommendation at customer " + c + ", rank " + r + "; customers 0.." + (count.length - 1)
              + ", ranks below count(c)");
    }
    return c * k + r;
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
