package dev.bankml.recommender;

import java.util.Arrays;

/**
 * {@link Scorer}'s answers for catalogues of at most {@value #MAX_ITEMS} items, worked out once per
 * distinct set of held items (and segment) and reused: a bank's customers hold a few of its ~20
 * products, so 100,000 customers share a few thousand holding sets. For each set it keeps the order
 * of every unheld item, so a customer's list is the first k items of that order the eligibility
 * filter accepts: the list {@link Scorer} gives, because eligibility only removes items from an
 * order it does not change. One instance per thread.
 */
final class HeldSetRankings implements ItemRecommender.CustomerScorer {
  /** Largest catalogue handled: a held set is one {@code long} bit mask. */
  static final int MAX_ITEMS = 64;

  /** Ranked items kept per instance (20 MB); beyond it new sets are ranked for each customer, not kept. */
  static final int MAX_SLOTS = 1 << 20;

  private final Popularity popularity;
  private final RecommenderSpec spec;
  private final int n;
  private final float[] table;
  private final float[] d;
  private final int maxSlots;

  // open-addressing map (mask, segment) -> set id
  private long[] keyMask = new long[1 << 10];
  private int[] keySegment = new int[1 << 10];
  private int[] keyId = filled(1 << 10);
  private int sets;

  // per set: where its ranked items start, how many are ranked by score (head) and how many fill
  // in popularity order (tail)
  private int[] start = new int[1 << 10];
  private int[] headLen = new int[1 << 10];
  private int[] tailLen = new int[1 << 10];

  // per ranked item
  private int used;
  private int[] item = new int[1 << 12];
  private double[] score = new double[1 << 12];
  private int[] because = new int[1 << 12];
  private float[] becauseSim = new float[1 << 12];

  // the picks of the tail, sorted before they are written out
  private final int[] pickItem;
  private final double[] pickScore;
  private final int[] pickBecause;
  private final float[] pickSim;

  HeldSetRankings(ItemSimilarity sim, Popularity popularity, RecommenderSpec spec, int maxK) {
    this(sim, popularity, spec, maxK, MAX_SLOTS);
  }

  /** With at most {@code maxSlots} ranked items kept. */
  HeldSetRankings(ItemSimilarity sim, Popularity popularity, RecommenderSpec spec, int maxK, int maxSlots) {
    this.maxSlots = maxSlots;
    this.popularity = popularity;
    this.spec = spec;
    this.n = sim.items();
    this.table = sim.denseTable();
    if (n > MAX_ITEMS || table.length != n * n) {
      throw new IllegalArgumentException(n + " items: ranking by held set needs at most " + MAX_ITEMS
          + " items and the dense similarity table");
    }
    this.d = new float[n];
    this.pickItem = new int[maxK];
    this.pickScore = new double[maxK];
    this.pickBecause = new int[maxK];
    this.pickSim = new float[maxK];
  }

  /** Whether a recommender's similarities can be scored by held set. */
  static boolean applies(ItemSimilarity sim) {
    int n = sim.items();
    return n <= MAX_ITEMS && sim.denseTable().length == n * n;
  }

  /**
   * Writes customer {@code customer}'s top {@code k} (holding {@code held[from..to)}, ascending and
   * distinct) at {@code out*[at..]}, as {@link Scorer#score} would; returns how many were written.
   */
  @Override
  public int score(
      int customer,
      int[] held,
      int from,
      int to,
      int segment,
      int k,
      OfferFilter eligibility,
      int[] outItem,
      float[] outScore,
      int[] outBecause,
      float[] outBecauseSim,
      int at) {
    long mask = 0;
    for (int p = from; p < to; p++) {
      mask |= 1L << held[p];
    }
    int seg = segment >= 0 && segment < popularity.segments() ? segment : ItemRecommender.NO_SEGMENT;
    int set = find(mask, seg);
    if (set < 0) {
      set = rank(mask, seg, held, from, to);
    }
    boolean all = eligibility == OfferFilter.ALL;
    int size = 0;
    int e = start[set];
    for (int end = e + headLen[set]; e < end && size < k; e++) {
      if (all || eligibility.eligible(customer, item[e])) {
        outItem[at + size] = item[e];
        outScore[at + size] = (float) score[e];
        outBecause[at + size] = because[e];
        outBecauseSim[at + size] = becauseSim[e];
        size++;
      }
    }
    if (size == k || tailLen[set] == 0) {
      return size;
    }
    // The fill: the first eligible items in popularity order, then ordered as Scorer.offer orders them.
    double[] pop = popularity.valuesFor(seg);
    int picked = 0;
    e = start[set] + headLen[set];
    for (int end = e + tailLen[set]; e < end && size + picked < k; e++) {
      int j = item[e];
      if (all || eligibility.eligible(customer, j)) {
        int pos = picked++;
        while (pos > 0 && Scorer.better(j, score[e], pop[j], pickItem[pos - 1], pickScore[pos - 1], pop[pickItem[pos - 1]])) {
          pickItem[pos] = pickItem[pos - 1];
          pickScore[pos] = pickScore[pos - 1];
          pickBecause[pos] = pickBecause[pos - 1];
          pickSim[pos] = pickSim[pos - 1];
          pos--;
        }
        pickItem[pos] = j;
        pickScore[pos] = score[e];
        pickBecause[pos] = because[e];
        pickSim[pos] = becauseSim[e];
      }
    }
    for (int p = 0; p < picked; p++) {
      outItem[at + size] = pickItem[p];
      outScore[at + size] = (float) pickScore[p];
      outBecause[at + size] = pickBecause[p];
      outBecauseSim[at + size] = pickSim[p];
      size++;
    }
    return size;
  }

  private int find(long mask, int seg) {
    int slot = slot(mask, seg, keyId.length - 1);
    while (keyId[slot] >= 0) {
      if (keyMask[slot] == mask && keySegment[slot] == seg) {
        return keyId[slot];
      }
      slot = (slot + 1) & (keyId.length - 1);
    }
    return -1;
  }

  private static int slot(long mask, int seg, int bits) {
    long h = (mask ^ ((long) seg << 58)) * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 40) & bits;
  }

  /**
   * Ranks every unheld item for the held set, as {@link Scorer} scores them: by neighbour score
   * (blended with popularity for customers holding fewer than blendBelow items), the items no
   * neighbour scores after them in popularity order; customers holding nothing by popularity alone.
   */
  private int rank(long mask, int seg, int[] held, int from, int to) {
    boolean keep = used + n <= maxSlots;
    int set = sets; // a set not kept is ranked after the kept ones and overwritten by the next
    ensureSets(set + 1);
    ensureSlots(used + n);
    start[set] = used;
    double[] pop = popularity.valuesFor(seg);
    int h = to - from;
    int head = 0;
    int tail = 0;
    if (h == 0) {
      for (int j : popularity.orderFor(seg)) {
        put(used + tail++, j, pop[j], -1, 0f);
      }
    } else {
      Arrays.fill(d, 0f);
      for (int p = from; p < to; p++) {
        int base = held[p] * n;
        for (int j = 0; j < n; j++) {
          d[j] += table[base + j];
        }
      }
      boolean blend = h < spec.blendBelow() && spec.blendWeight() > 0;
      double w = 0;
      if (blend) {
        double best = 0;
        for (int j = 0; j < n; j++) {
          if ((mask >>> j & 1) == 0) {
            best = Math.max(best, d[j]);
          }
        }
        w = Scorer.blendScale(best, pop, spec.blendWeight());
      }
      for (int j = 0; j < n; j++) {
        if ((mask >>> j & 1) == 0 && (blend || d[j] > 0)) {
          insert(used, head++, j, blend ? d[j] + w * pop[j] : d[j], pop, held, from, to);
        }
      }
      if (!blend) {
        for (int j : popularity.orderFor(seg)) {
          if (d[j] == 0 && (mask >>> j & 1) == 0) {
            put(used + head + tail++, j, 0, -1, 0f);
          }
        }
      }
    }
    headLen[set] = head;
    tailLen[set] = tail;
    if (keep) {
      used += head + tail;
      sets++;
      store(mask, seg, set);
    }
    return set;
  }

  /** Inserts item j into the score-ordered head at {@code base[0..len)}. */
  private void insert(int base, int len, int j, double s, double[] pop, int[] held, int from, int to) {
    int pos = base + len;
    while (pos > base && Scorer.better(j, s, pop[j], item[pos - 1], score[pos - 1], pop[item[pos - 1]])) {
      item[pos] = item[pos - 1];
      score[pos] = score[pos - 1];
      because[pos] = because[pos - 1];
      becauseSim[pos] = becauseSim[pos - 1];
      pos--;
    }
    // the held item contributing most (Scorer.scoreDense's choice)
    int b = -1;
    float best = 0;
    for (int p = from; p < to; p++) {
      float v = table[held[p] * n + j];
      if (v > best || (v == best && v > 0 && held[p] < b)) {
        best = v;
        b = held[p];
      }
    }
    put(pos, j, s, b, best);
  }

  private void put(int at, int j, double s, int b, float sim) {
    item[at] = j;
    score[at] = s;
    because[at] = b;
    becauseSim[at] = sim;
  }

  private void store(long mask, int seg, int set) {
    if ((sets + 1) * 2 > keyId.length) {
      long[] oldMask = keyMask;
      int[] oldSeg = keySegment;
      int[] oldId = keyId;
      keyMask = new long[oldId.length * 2];
      keySegment = new int[oldId.length * 2];
      keyId = filled(oldId.length * 2);
      for (int s = 0; s < oldId.length; s++) {
        if (oldId[s] >= 0) {
          place(oldMask[s], oldSeg[s], oldId[s]);
        }
      }
    }
    place(mask, seg, set);
  }

  private void place(long mask, int seg, int set) {
    int slot = slot(mask, seg, keyId.length - 1);
    while (keyId[slot] >= 0) {
      slot = (slot + 1) & (keyId.length - 1);
    }
    keyMask[slot] = mask;
    keySegment[slot] = seg;
    keyId[slot] = set;
  }

  private void ensureSets(int size) {
    if (size > start.length) {
      int grown = Math.max(size, start.length * 2);
      start = Arrays.copyOf(start, grown);
      headLen = Arrays.copyOf(headLen, grown);
      tailLen = Arrays.copyOf(tailLen, grown);
    }
  }

  private void ensureSlots(int size) {
    if (size > item.length) {
      int grown = Math.max(size, item.length * 2);
      item = Arrays.copyOf(item, grown);
      score = Arrays.copyOf(score, grown);
      because = Arrays.copyOf(because, grown);
      becauseSim = Arrays.copyOf(becauseSim, grown);
    }
  }

  private static int[] filled(int size) {
    int[] a = new int[size];
    Arrays.fill(a, -1);
    return a;
  }
}
