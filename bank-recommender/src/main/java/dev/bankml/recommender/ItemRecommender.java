package dev.bankml.recommender;

import dev.bankml.data.ProgressListener;
import dev.bankml.data.bundle.BundleKeys;
import dev.bankml.data.bundle.DataFingerprint;
import dev.bankml.data.bundle.LoadOptions;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fitted item-based recommender: a customer's score for an item is the sum of its similarities
 * to the items the customer holds; held and ineligible items are never recommended; customers
 * holding nothing get (segment) popularity and customers holding few get popularity blended in.
 * Immutable and safe to call from many threads. Made by {@link RecommenderSpec#fit}.
 */
public final class ItemRecommender {
  /** Segment value meaning "use global popularity". */
  public static final int NO_SEGMENT = -1;

  private static final int CHUNK = 8192;

  private final RecommenderSpec spec;
  private final ItemSimilarity similarity;
  private final Popularity popularity;
  private final List<String> itemLabels;
  private final TrainingData trainingData;
  private final String createdAt;

  /** A recommender fitted now on data not fingerprinted. */
  ItemRecommender(RecommenderSpec spec, ItemSimilarity similarity, Popularity popularity, List<String> itemLabels) {
    this(spec, similarity, popularity, itemLabels, new DataFingerprint(0, 0, ""),
        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
  }

  ItemRecommender(RecommenderSpec spec, ItemSimilarity similarity, Popularity popularity, List<String> itemLabels,
      DataFingerprint trainingData, String createdAt) {
    this(spec, similarity, popularity, itemLabels, new TrainingData(trainingData), createdAt);
  }

  /** A recommender fitted now on {@code holdings}, whose fingerprint is taken when first asked for. */
  ItemRecommender(RecommenderSpec spec, ItemSimilarity similarity, Popularity popularity, InteractionMatrix holdings) {
    this(spec, similarity, popularity, holdings.itemLabels(), new TrainingData(holdings),
        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
  }

  private ItemRecommender(RecommenderSpec spec, ItemSimilarity similarity, Popularity popularity,
      List<String> itemLabels, TrainingData trainingData, String createdAt) {
    this.spec = spec;
    this.similarity = similarity;
    this.popularity = popularity;
    this.itemLabels = List.copyOf(itemLabels);
    this.trainingData = trainingData;
    this.createdAt = createdAt;
  }

  /**
   * The fingerprint of the training holdings, taken on first use (saving, or {@link #trainingData()}):
   * hashing every holding costs more than fitting a small catalogue, and most fitted recommenders
   * score and are dropped without being saved. Until then it keeps the (immutable) holdings.
   */
  private static final class TrainingData {
    private InteractionMatrix holdings;
    private DataFingerprint fingerprint;

    TrainingData(DataFingerprint fingerprint) {
      this.fingerprint = fingerprint;
    }

    TrainingData(InteractionMatrix holdings) {
      this.holdings = holdings;
    }

    synchronized DataFingerprint get() {
      if (fingerprint == null) {
        fingerprint = holdings.fingerprint();
        holdings = null;
      }
      return fingerprint;
    }
  }

  /**
   * The popularity baseline: recommends the items most held in {@code holdings} (per segment when
   * {@code segments} is not empty) that a customer does not hold yet.
   */
  public static ItemRecommender popularityBaseline(InteractionMatrix holdings, int[] segments) {
    int n = holdings.items();
    ItemSimilarity none = new ItemSimilarity(Similarity.COSINE, new int[n + 1], new int[0], new float[0]);
    RecommenderSpec spec = RecommenderSpec.builder().blendWeight(0).build();
    return new ItemRecommender(spec, none, Popularity.of(holdings, segments), holdings);
  }

  /** The settings this recommender was fitted with. */
  public RecommenderSpec spec() {
    return spec;
  }

  /** The learned item–item similarities. */
  public ItemSimilarity similarity() {
    return similarity;
  }

  /** The learned popularity (global and per segment). */
  public Popularity popularity() {
    return popularity;
  }

  /** What this recommender was fitted on (rows = customers; an empty digest when not known). */
  public DataFingerprint trainingData() {
    return trainingData.get();
  }

  /** When it was fitted, ISO-8601 (empty for a recommender read from a file of an older bankml). */
  public String createdAt() {
    return createdAt;
  }

  /** Item names used in explanations. */
  public List<String> itemLabels() {
    return itemLabels;
  }

  /** Number of items in the catalogue. */
  public int items() {
    return similarity.items();
  }

  /** The top {@code k} items for a customer holding {@code heldItems}, every item eligible. */
  public List<Recommendation> recommend(int[] heldItems, int k) {
    return recommend(0, heldItems, NO_SEGMENT, k, OfferFilter.ALL);
  }

  /**
   * The top {@code k} items for customer {@code customer} (the index passed to {@code eligibility})
   * holding {@code heldItems}, in segment {@code segment} ({@link #NO_SEGMENT} for global
   * popularity).
   */
  public List<Recommendation> recommend(int customer, int[] heldItems, int segment, int k, OfferFilter eligibility) {
    checkK(k);
    int[] held = heldItems.clone();
    java.util.Arrays.sort(held);
    int distinct = 0;
    for (int p = 0; p < held.length; p++) {
      if (held[p] < 0 || held[p] >= items()) {
        throw new RecommenderInputException(
            "held item index " + held[p] + " is out of range; valid: 0.." + (items() - 1));
      }
      if (p == 0 || held[p] != held[p - 1]) {
        held[distinct++] = held[p];
      }
    }
    int kk = Math.min(k, items());
    int[] item = new int[kk];
    float[] score = new float[kk];
    int[] because = new int[kk];
    float[] becauseSim = new float[kk];
    int got = new Scorer(similarity, popularity, spec, kk)
        .score(customer, held, 0, distinct, segment, kk, eligibility, item, score, because, becauseSim, 0);
    boolean segmented = segment >= 0 && segment < popularity.segments();
    return new TopK(kk, new int[] {got}, item, score, because, becauseSim, itemLabels, segmented).of(0);
  }

  /** Every customer's top {@code k} in {@code holdings}, every item eligible, global popularity. */
  public TopK recommendAll(InteractionMatrix holdings, int k) {
    return recommendAll(holdings, k, OfferFilter.ALL, new int[0], ProgressListener.NONE);
  }

  /**
   * Every customer's top {@code k} in {@code holdings}, skipping items {@code eligibility} rejects;
   * {@code segments[c]} picks customer c's popularity (empty array: global), reporting progress.
   */
  public TopK recommendAll(
      InteractionMatrix holdings, int k, OfferFilter eligibility, int[] segments, ProgressListener progress) {
    checkK(k);
    if (holdings.items() != items()) {
      throw new RecommenderInputException(
          "holdings have " + holdings.items() + " items but the recommender was fitted on " + items()
              + "; use the same catalogue");
    }
    if (segments.length != 0 && segments.length != holdings.customers()) {
      throw new RecommenderInputException(
          "got " + segments.length + " segment labels for " + holdings.customers()
              + " customers; give one per customer, or none");
    }
    int customers = holdings.customers();
    int kk = Math.min(k, items());
    int[] count = new int[customers];
    int[] item = new int[customers * kk];
    float[] score = new float[customers * kk];
    int[] because = new int[customers * kk];
    float[] becauseSim = new float[customers * kk];
    int[] rowPtr = holdings.rowPtr();
    int[] rowItems = holdings.rowItems();
    int threads = customers < 2 * CHUNK ? 1 : spec.threads();
    // a small catalogue: customers share holding sets, so each set is ranked once per worker
    boolean bySet = HeldSetRankings.applies(similarity);
    CustomerScorer[] scorers = new CustomerScorer[threads];
    AtomicLong done = new AtomicLong();
    Parallel.forChunks(customers, threads, CHUNK, (worker, from, to) -> {
      if (scorers[worker] == null) {
        scorers[worker] = bySet
            ? new HeldSetRankings(similarity, popularity, spec, kk)
            : new Scorer(similarity, popularity, spec, kk);
      }
      CustomerScorer s = scorers[worker];
      for (int c = from; c < to; c++) {
        int seg = segments.length == 0 ? NO_SEGMENT : segments[c];
        count[c] = s.score(c, rowItems, rowPtr[c], rowPtr[c + 1], seg, kk, eligibility, item, score, because, becauseSim, c * kk);
      }
      progress.progress("recommend", done.addAndGet(to - from), customers);
    });
    return new TopK(kk, count, item, score, because, becauseSim, itemLabels, popularity.segments() > 0 && segments.length > 0);
  }

  /** Scores one customer at a time into flat output arrays; one instance per thread. */
  interface CustomerScorer {
    /**
     * Writes customer {@code customer}'s top {@code k} (holding {@code held[from..to)}, ascending and
     * distinct; segment {@code segment}) at {@code out*[at..]}; returns how many were written.
     */
    int score(int customer, int[] held, int from, int to, int segment, int k, OfferFilter eligibility,
        int[] outItem, float[] outScore, int[] outBecause, float[] outBecauseSim, int at);
  }

  private static void checkK(int k) {
    if (k < 1) {
      throw new RecommenderInputException("k is " + k + "; ask for at least 1 recommendation");
    }
  }

  /**
   * Saves this recommender to {@code file} as a bundle (kind {@code recommender}), atomically,
   * signed with the signing key of {@link BundleKeys#defaults()} (created on first use).
   *
   * @throws dev.bankml.data.BankmlException naming the file if it cannot be written
   */
  public void save(Path file) {
    save(file, BundleKeys.defaults());
  }

  /** As {@link #save(Path)}, signed with the signing key of {@code keys} (unsigned if it has none). */
  public void save(Path file, BundleKeys keys) {
    RecommenderFile.save(this, file, keys);
  }

  /**
   * Loads a recommender saved by {@link #save}, verified with {@link LoadOptions#defaults()}.
   *
   * @throws dev.bankml.data.bundle.BundleException if the bundle is refused (missing, corrupt, too
   *     large, altered, unsigned or signed by an untrusted key, another kind or format version, an
   *     inconsistent layout), naming file, entry and problem
   */
  public static ItemRecommender load(Path file) {
    return load(file, LoadOptions.defaults());
  }

  /** As {@link #load(Path)} with {@code options} (keys, limits, the opt-in for unsigned bundles). */
  public static ItemRecommender load(Path file, LoadOptions options) {
    return RecommenderFile.load(file, options);
  }
}
