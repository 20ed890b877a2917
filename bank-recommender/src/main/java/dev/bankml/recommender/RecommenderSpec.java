package dev.bankml.recommender;

import java.util.List;

/**
 * Settings of an item-based recommender; {@link #fit} learns one from holdings. {@code
 * RecommenderSpec.defaults().fit(matrix)} gives a good recommender with no tuning.
 *
 * @param similarity how item–item similarity is measured
 * @param alpha popularity damping of {@link Similarity#CONDITIONAL} (0 = plain conditional
 *     probability); ignored by the others
 * @param shrinkage λ in {@code sim · c / (c + λ)}: pulls similarities built on few co-holders
 *     towards 0; 0 switches it off
 * @param neighbours how many most similar items each item keeps (top-N); a catalogue of at most
 *     this many items keeps them all
 * @param normalizeNeighbours scale each item's kept similarities to sum to 1 (Deshpande &amp;
 *     Karypis' normalisation), so items with many strong neighbours do not dominate scores
 * @param blendBelow customers holding fewer than this many items get popularity blended in
 * @param blendWeight weight of (segment) popularity added to those customers' scores, relative to
 *     their best neighbour score: the most popular item gains {@code blendWeight} × that score
 * @param threads most threads fitting and scoring may use
 */
public record RecommenderSpec(
    Similarity similarity,
    double alpha,
    double shrinkage,
    int neighbours,
    boolean normalizeNeighbours,
    int blendBelow,
    double blendWeight,
    int threads) {

  /** Validates the settings. */
  public RecommenderSpec {
    if (similarity == null) {
      throw new RecommenderInputException("similarity is missing; valid: cosine, jaccard, conditional, lift");
    }
    check(alpha >= 0 && alpha <= 1, "alpha", alpha, "0..1");
    check(shrinkage >= 0 && Double.isFinite(shrinkage), "shrinkage", shrinkage, "≥ 0");
    check(neighbours >= 1, "neighbours", neighbours, "≥ 1");
    check(blendBelow >= 0, "blendBelow", blendBelow, "≥ 0");
    check(blendWeight >= 0 && Double.isFinite(blendWeight), "blendWeight", blendWeight, "≥ 0");
    check(threads >= 1, "threads", threads, "≥ 1");
  }

  private static void check(boolean ok, String name, double value, String valid) {
    if (!ok) {
      throw new RecommenderInputException(name + " is " + value + "; valid: " + valid);
    }
  }

  /**
   * Cosine similarity, no shrinkage, 100 neighbours, popularity blended in (weight 0.1) for
   * customers holding fewer than 2 items, all available processors.
   */
  public static RecommenderSpec defaults() {
    return builder().build();
  }

  /** A builder starting from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.similarity = similarity;
    b.alpha = alpha;
    b.shrinkage = shrinkage;
    b.neighbours = neighbours;
    b.normalizeNeighbours = normalizeNeighbours;
    b.blendBelow = blendBelow;
    b.blendWeight = blendWeight;
    b.threads = threads;
    return b;
  }

  /** Learns item similarities and global popularity from {@code holdings}. */
  public ItemRecommender fit(InteractionMatrix holdings) {
    return fit(holdings, new int[0]);
  }

  /**
   * Learns item similarities from {@code holdings}, and popularity per segment: {@code segments[c]}
   * is customer c's segment (0-based), or an empty array for global popularity only.
   */
  public ItemRecommender fit(InteractionMatrix holdings, int[] segments) {
    ItemSimilarity sim = ItemSimilarity.compute(holdings, this);
    Popularity pop = Popularity.of(holdings, segments);
    return new ItemRecommender(this, sim, pop, holdings);
  }

  /**
   * Learns from live co-occurrence counts (global popularity), without rescanning customers: the
   * recommender {@link #fit(InteractionMatrix)} gives on the holdings the counts follow.
   */
  public ItemRecommender fit(CoOccurrence counts) {
    return counts.recommender(this);
  }

  /**
   * Learns from co-occurrence counts made elsewhere — a distributed aggregation over holdings: of
   * {@code customers} customers, {@code support[i]} hold item i and {@code pairs[i * n + j]} hold both
   * i and j (symmetric; the diagonal is ignored). Gives the recommender {@link #fit(InteractionMatrix)}
   * gives on the binary matrix the counts were made from (global popularity), for catalogues of up to
   * {@value ItemSimilarity#DENSE_LIMIT} items.
   *
   * @throws RecommenderInputException if the arrays do not match the number of labels or a count is negative
   */
  public ItemRecommender fit(int customers, int[] support, int[] pairs, List<String> itemLabels) {
    int n = itemLabels.size();
    if (support.length != n || pairs.length != n * n || n > ItemSimilarity.DENSE_LIMIT) {
      throw new RecommenderInputException("counts for " + support.length + " items and " + pairs.length
          + " pairs do not match " + n + " item labels (at most " + ItemSimilarity.DENSE_LIMIT + " items)");
    }
    double[] sup = new double[n];
    double[] pop = new double[n];
    for (int i = 0; i < n; i++) {
      if (support[i] < 0 || support[i] > customers) {
        throw new RecommenderInputException("item " + itemLabels.get(i) + " is held by " + support[i] + " of "
            + customers + " customers; a count must be between 0 and the number of customers");
      }
      sup[i] = support[i];
      pop[i] = customers == 0 ? 0 : (double) support[i] / customers;
    }
    ItemSimilarity.ItemStats stats = new ItemSimilarity.ItemStats(sup, sup.clone(), customers);
    ItemSimilarity sim = ItemSimilarity.fromDenseCounts(n, pairs.clone(), null, stats, this);
    return new ItemRecommender(this, sim, new Popularity(pop, new double[0][]), List.copyOf(itemLabels));
  }

  /** Builds a {@link RecommenderSpec} one setting at a time. */
  public static final class Builder {
    private Similarity similarity = Similarity.COSINE;
    private double alpha = 0.5;
    private double shrinkage = 0;
    private int neighbours = 100;
    private boolean normalizeNeighbours = false;
    private int blendBelow = 2;
    private double blendWeight = 0.1;
    private int threads = Runtime.getRuntime().availableProcessors();

    private Builder() {}

    /** How item–item similarity is measured (default cosine). */
    public Builder similarity(Similarity value) {
      similarity = value;
      return this;
    }

    /** Popularity damping of conditional probability, 0..1 (default 0.5). */
    public Builder alpha(double value) {
      alpha = value;
      return this;
    }

    /** Shrinkage λ ≥ 0 (default 0, off). */
    public Builder shrinkage(double value) {
      shrinkage = value;
      return this;
    }

    /** Neighbours kept per item (default 100). */
    public Builder neighbours(int value) {
      neighbours = value;
      return this;
    }

    /** Whether each item's neighbour similarities are scaled to sum to 1 (default false). */
    public Builder normalizeNeighbours(boolean value) {
      normalizeNeighbours = value;
      return this;
    }

    /** Customers holding fewer than this many items get popularity blended in (default 2). */
    public Builder blendBelow(int value) {
      blendBelow = value;
      return this;
    }

    /** Weight of popularity blended into few-holding customers' scores (default 0.1). */
    public Builder blendWeight(double value) {
      blendWeight = value;
      return this;
    }

    /** Most threads used (default: available processors). */
    public Builder threads(int value) {
      threads = value;
      return this;
    }

    /** The settings. */
    public RecommenderSpec build() {
      return new RecommenderSpec(
          similarity, alpha, shrinkage, neighbours, normalizeNeighbours, blendBelow, blendWeight, threads);
    }
  }
}
