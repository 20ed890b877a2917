package dev.bankml.recommender;

/**
 * Scores one customer at a time: sums the similarities of each candidate item to the items the
 * customer holds, drops held and ineligible items, and keeps the top k. Holds per-thread scratch
 * arrays, so one instance per thread.
 */
final class Scorer {
  private final ItemSimilarity sim;
  private final Popularity popularity;
  private final RecommenderSpec spec;
  private final int n;
  private final double[] acc;
  private final float[] bestSim;
  private final int[] bestFrom;
  private final int[] touched;
  private final int[] heldMark;
  private final float[] table;
  private final float[] dense;
  private int stamp;

  private final int[] topItem;
  private final double[] topScore;
  private final double[] topPop;
  private int size;
  private int k;

  Scorer(ItemSimilarity sim, Popularity popularity, RecommenderSpec spec, int maxK) {
    this.sim = sim;
    this.popularity = popularity;
    this.spec = spec;
    this.n = sim.items();
    this.acc = new double[n];
    this.bestSim = new float[n];
    this.bestFrom = new int[n];
    this.touched = new int[n];
    this.heldMark = new int[n];
    this.table = sim.denseTable();
    this.dense = new float[table.length > 0 ? n : 0];
    this.topItem = new int[maxK];
    this.topScore = new double[maxK];
    this.topPop = new double[maxK];
  }

  /**
   * Scores customer {@code customer} holding {@code held[from..to)} and writes up to {@code k}
   * recommendations at row position {@code at} of {@code out}; returns how many were written.
   */
  int score(int customer, int[] held, int from, int to, int segment, int k, OfferFilter eligibility,
      TopK.Rows out, int at) {
    this.k = k;
    size = 0;
    if (++stamp == 0) {
      java.util.Arrays.fill(heldMark, 0);
      stamp = 1;
    }
    for (int p = from; p < to; p++) {
      heldMark[held[p]] = stamp;
    }
    double[] pop = popularity.valuesFor(segment);
    boolean all = eligibility == OfferFilter.ALL;
    int h = to - from;
    if (table.length > 0 && h > 0) {
      return scoreDense(customer, held, from, to, pop, all, eligibility, segment, out, at);
    }
    int t = 0;
    int[] ptr = sim.ptr();
    int[] nb = sim.neighbourArray();
    float[] val = sim.valueArray();
    for (int p = from; p < to; p++) {
      int i = held[p];
      for (int q = ptr[i]; q < ptr[i + 1]; q++) {
        int j = nb[q];
        if (heldMark[j] == stamp) {
          continue;
        }
        float v = val[q];
        if (acc[j] == 0) {
          touched[t++] = j;
        }
        acc[j] += v;
        if (v > bestSim[j]) {
          bestSim[j] = v;
          bestFrom[j] = i;
        }
      }
    }
    if (h == 0) {
      for (int j : popularity.orderFor(segment)) {
        if (size == k) {
          break;
        }
        if (heldMark[j] != stamp && (all || eligibility.eligible(customer, j))) {
          offer(j, pop[j], pop[j]);
        }
      }
    } else if (h < spec.blendBelow() && spec.blendWeight() > 0) {
      double best = 0;
      for (int x = 0; x < t; x++) {
        best = Math.max(best, acc[touched[x]]);
      }
      double w = blendScale(best, pop, spec.blendWeight());
      for (int j = 0; j < n; j++) {
        if (heldMark[j] != stamp && (all || eligibility.eligible(customer, j))) {
          offer(j, acc[j] + w * pop[j], pop[j]);
        }
      }
    } else {
      for (int x = 0; x < t; x++) {
        int j = touched[x];
        if (all || eligibility.eligible(customer, j)) {
          offer(j, acc[j], pop[j]);
        }
      }
      if (size < k) {
        for (int j : popularity.orderFor(segment)) {
          if (size == k) {
            break;
          }
          if (acc[j] == 0 && heldMark[j] != stamp && (all || eligibility.eligible(customer, j))) {
            offer(j, 0, pop[j]);
          }
        }
      }
    }
    for (int r = 0; r < size; r++) {
      int j = topItem[r];
      out.item[at + r] = j;
      out.score[at + r] = (float) topScore[r];
      boolean fromNeighbour = acc[j] > 0;
      out.because[at + r] = fromNeighbour ? bestFrom[j] : -1;
      out.becauseSim[at + r] = fromNeighbour ? bestSim[j] : 0f;
    }
    for (int x = 0; x < t; x++) {
      int j = touched[x];
      acc[j] = 0;
      bestSim[j] = 0;
    }
    return size;
  }

  /**
   * The same ranking for small catalogues: adds whole rows of the dense similarity table (no
   * branches, vectorisable), and finds each pick's strongest held item only for the k kept.
   */
  private int scoreDense(
      int customer,
      int[] held,
      int from,
      int to,
      double[] pop,
      boolean all,
      OfferFilter eligibility,
      int segment,
      TopK.Rows out,
      int at) {
    float[] d = dense;
    java.util.Arrays.fill(d, 0f);
    for (int p = from; p < to; p++) {
      int base = held[p] * n;
      for (int j = 0; j < n; j++) {
        d[j] += table[base + j];
      }
    }
    boolean blend = to - from < spec.blendBelow() && spec.blendWeight() > 0;
    double w = 0;
    if (blend) {
      double best = 0;
      for (int j = 0; j < n; j++) {
        if (heldMark[j] != stamp) {
          best = Math.max(best, d[j]);
        }
      }
      w = blendScale(best, pop, spec.blendWeight());
    }
    for (int j = 0; j < n; j++) {
      if (heldMark[j] == stamp || !(blend || d[j] > 0) || !(all || eligibility.eligible(customer, j))) {
        continue;
      }
      offer(j, blend ? d[j] + w * pop[j] : d[j], pop[j]);
    }
    if (size < k && !blend) {
      for (int j : popularity.orderFor(segment)) {
        if (size == k) {
          break;
        }
        if (d[j] == 0 && heldMark[j] != stamp && (all || eligibility.eligible(customer, j))) {
          offer(j, 0, pop[j]);
        }
      }
    }
    for (int r = 0; r < size; r++) {
      int j = topItem[r];
      int because = -1;
      float best = 0;
      for (int p = from; p < to; p++) {
        float v = table[held[p] * n + j];
        if (v > best || (v == best && v > 0 && held[p] < because)) {
          best = v;
          because = held[p];
        }
      }
      out.item[at + r] = j;
      out.score[at + r] = (float) topScore[r];
      out.because[at + r] = because;
      out.becauseSim[at + r] = best;
    }
    return size;
  }

  /**
   * The factor on popularity for a blended customer: {@code blendWeight} × the customer's best
   * neighbour score ÷ the top popularity, so the blend means the same for every similarity's scale
   * (the most popular item gains blendWeight × the best score). Pure popularity when no neighbour
   * scored.
   */
  static double blendScale(double bestScore, double[] pop, double blendWeight) {
    double maxPop = 0;
    for (double p : pop) {
      maxPop = Math.max(maxPop, p);
    }
    if (maxPop == 0) {
      return 0;
    }
    return bestScore > 0 ? blendWeight * bestScore / maxPop : 1;
  }

  private void offer(int item, double score, double pop) {
    if (size == k && !better(item, score, pop, size - 1)) {
      return;
    }
    int pos = size == k ? k - 1 : size++;
    while (pos > 0 && better(item, score, pop, pos - 1)) {
      topItem[pos] = topItem[pos - 1];
      topScore[pos] = topScore[pos - 1];
      topPop[pos] = topPop[pos - 1];
      pos--;
    }
    topItem[pos] = item;
    topScore[pos] = score;
    topPop[pos] = pop;
  }

  private boolean better(int item, double score, double pop, int r) {
    return better(item, score, pop, topItem[r], topScore[r], topPop[r]);
  }

  /** Whether {@code item} ranks above {@code other}: higher score first, ties to the more popular item, then the lower index. */
  static boolean better(int item, double score, double pop, int other, double otherScore, double otherPop) {
    if (score != otherScore) {
      return score > otherScore;
    }
    if (pop != otherPop) {
      return pop > otherPop;
    }
    return item < other;
  }
}
