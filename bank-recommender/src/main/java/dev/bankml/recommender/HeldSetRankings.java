package dev.bankml.recommender;

import java.util.Arrays;

/**
 * {@link Scorer}'s lists for catalogues of at most {@value #MAX_ITEMS} items, worked out once per
 * distinct (held items, eligible items, segment) and shared by every customer who has the same: a
 * customer's list depends on nothing else, and a bank's customers hold a few of its ~20 products
 * and fall in a few age and income bands, so 100,000 customers share some ten thousand such keys.
 * A key is two bit masks and a segment; the first customer with a key is scored by {@link Scorer}
 * into a new row of k, the others get that row's number. One instance per thread.
 */
final class HeldSetRankings {
  /** Largest catalogue handled: a set of items is one {@code long} bit mask. */
  static final int MAX_ITEMS = 64;

  /** Keys remembered per instance (about 24 MB of map); past it new keys get a row each, not shared. */
  static final int MAX_KEYS = 1 << 19;

  private final Scorer scorer;
  private final int segmentCount;
  private final int k;
  private final int maxKeys;

  // what is scored: the holdings (rows and masks), eligibility (masks when known) and segments
  private final int[] rowPtr;
  private final int[] rowItems;
  private final long[] held;
  private final OfferFilter eligibility;
  private final long[] allowed;
  private final long items;
  private final int[] segments;
  /** Where customer c's row number goes. */
  private final int[] rowOf;

  // open-addressing map (held, allowed, segment) -> row
  private int keys;
  private long[] keyHeld = new long[1 << 10];
  private long[] keyAllowed = new long[1 << 10];
  private int[] keySegment = new int[1 << 10];
  private int[] keyRow = filled(1 << 10);

  // the first rows of lists are scored
  private int rows;
  private TopK.Rows lists;

  HeldSetRankings(ItemRecommender rec, int k, InteractionMatrix holdings, OfferFilter eligibility, int[] segments,
      int[] rowOf) {
    this(rec, k, holdings, eligibility, segments, rowOf, MAX_KEYS);
  }

  /** With at most {@code maxKeys} keys remembered. */
  HeldSetRankings(ItemRecommender rec, int k, InteractionMatrix holdings, OfferFilter eligibility, int[] segments,
      int[] rowOf, int maxKeys) {
    int n = rec.items();
    if (!applies(rec.similarity())) {
      throw new IllegalArgumentException(n + " items: lists by held set need at most " + MAX_ITEMS
          + " items and the dense similarity table");
    }
    this.scorer = new Scorer(rec.similarity(), rec.popularity(), rec.spec(), k);
    this.segmentCount = rec.popularity().segments();
    this.k = k;
    this.maxKeys = maxKeys;
    this.rowPtr = holdings.rowPtr();
    this.rowItems = holdings.rowItems();
    this.held = holdings.heldMasks();
    this.eligibility = eligibility;
    this.allowed = eligibility instanceof MaskFilter f && f.masks().length == holdings.customers() ? f.masks() : null;
    this.items = n == 64 ? -1L : (1L << n) - 1;
    this.segments = segments;
    this.rowOf = rowOf;
    this.lists = new TopK.Rows(1 << 9, k);
  }

  /** Whether a recommender's similarities can be scored by held set. */
  static boolean applies(ItemSimilarity sim) {
    int n = sim.items();
    return n <= MAX_ITEMS && sim.denseTable().length == n * n;
  }

  /** Gives customers {@code [from, to)} their rows. */
  void fill(int from, int to) {
    for (int c = from; c < to; c++) {
      long h = held[c];
      int seg = segments.length == 0 || segments[c] < 0 || segments[c] >= segmentCount
          ? ItemRecommender.NO_SEGMENT : segments[c];
      long ok = (allowed != null ? allowed[c] : allowedOf(c, h)) & ~h & items;
      int slot = slot(h, ok, seg);
      int row = keyRow[slot];
      while (row >= 0 && (keyHeld[slot] != h || keyAllowed[slot] != ok || keySegment[slot] != seg)) {
        slot = (slot + 1) & (keyRow.length - 1);
        row = keyRow[slot];
      }
      rowOf[c] = row >= 0 ? row : score(c, seg, h, ok);
    }
  }

  /** The unheld items {@link #eligibility} allows customer c, asked item by item (a filter without masks). */
  private long allowedOf(int c, long h) {
    if (eligibility == OfferFilter.ALL) {
      return -1L;
    }
    long ok = 0;
    for (long m = ~h & items; m != 0; m &= m - 1) {
      int j = Long.numberOfTrailingZeros(m);
      if (eligibility.eligible(c, j)) {
        ok |= 1L << j;
      }
    }
    return ok;
  }

  /** Scores customer c (the first with this key) into a new row, remembered under the key while there is room. */
  private int score(int c, int seg, long h, long ok) {
    int row = rows++;
    if (rows > lists.count.length) {
      TopK.Rows grown = new TopK.Rows(lists.count.length * 2, k);
      lists.copyTo(row, k, grown, 0);
      lists = grown;
    }
    lists.count[row] = scorer.score(c, rowItems, rowPtr[c], rowPtr[c + 1], seg, k, eligibility, lists, row * k);
    if (keys < maxKeys) {
      keys++;
      if (keys * 2 > keyRow.length) {
        rehash();
      }
      place(h, ok, seg, row);
    }
    return row;
  }

  private int slot(long h, long ok, int seg) {
    long x = (h * 0x9E3779B97F4A7C15L) ^ (ok * 0xC2B2AE3D27D4EB4FL) ^ ((long) seg * 0x165667B19E3779F9L);
    return (int) (x >>> 40) & (keyRow.length - 1);
  }

  private void place(long h, long ok, int seg, int row) {
    int slot = slot(h, ok, seg);
    while (keyRow[slot] >= 0) {
      slot = (slot + 1) & (keyRow.length - 1);
    }
    keyHeld[slot] = h;
    keyAllowed[slot] = ok;
    keySegment[slot] = seg;
    keyRow[slot] = row;
  }

  private void rehash() {
    long[] oldHeld = keyHeld;
    long[] oldAllowed = keyAllowed;
    int[] oldSegment = keySegment;
    int[] oldRow = keyRow;
    keyHeld = new long[oldRow.length * 2];
    keyAllowed = new long[oldRow.length * 2];
    keySegment = new int[oldRow.length * 2];
    keyRow = filled(oldRow.length * 2);
    for (int s = 0; s < oldRow.length; s++) {
      if (oldRow[s] >= 0) {
        place(oldHeld[s], oldAllowed[s], oldSegment[s], oldRow[s]);
      }
    }
  }

  /** How many rows were scored. */
  int rows() {
    return rows;
  }

  /** Copies rows {@code [0, rows())} to row {@code at} onwards of {@code to}. */
  void copyRows(int at, TopK.Rows to) {
    lists.copyTo(rows, k, to, at);
  }

  private static int[] filled(int size) {
    int[] a = new int[size];
    Arrays.fill(a, -1);
    return a;
  }
}
