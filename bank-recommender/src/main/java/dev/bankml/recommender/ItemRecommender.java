package dev.bankml.recommender;

import dev.bankml.data.ProgressListener;
import dev.bankml.data.bundle.BundleKeys;
import dev.bankml.data.bundle.DataFingerprint;
import dev.bankml.data.bundle.LoadOptions;
import dev.bankml.data.bundle.Saveable;
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
public final class ItemRecommender implements Saveable {
  /** Segment value meaning "use global popularity". */
  public static final int NO_SEGMENT = -1;

  private static final int CHUNK = 8192;
  private static final int BLOCK = 32;
  private static final int SHARED_PARALLEL_FROM = 1 << 20;

  private final RecommenderSpec spec;
  private final ItemSimilarity similarity;
  private final Popularity popularity;
  private final List<String> itemLabels;
  private final TrainingData trainingData;
  /** When fitted: an {@link Instant} (formatted when asked for: formatting costs more than a small fit) or a string read from a file. */
  private final Object createdAt;

  /** A recommender fitted now on data not fingerprinted. */
  ItemRecommender(RecommenderSpec spec, ItemSimilarity similarity, Popularity popularity, List<String> itemLabels) {
    this(spec, similarity, popularity, itemLabels, new TrainingData(new DataFingerprint(0, 0, "")),
        Instant.now().truncatedTo(ChronoUnit.SECONDS));
  }

  ItemRecommender(RecommenderSpec spec, ItemSimilarity similarity, Popularity popularity, List<String> itemLabels,
      DataFingerprint trainingData, String createdAt) {
    this(spec, similarity, popularity, itemLabels, new TrainingData(trainingData), createdAt);
  }

  /** A recommender fitted now on {@code holdings}, whose fingerprint is taken when first asked for. */
  ItemRecommender(RecommenderSpec spec, ItemSimilarity similarity, Popularity popularity, InteractionMatrix holdings) {
    this(spec, similarity, popularity, holdings.itemLabels(), new TrainingData(holdings),
        Instant.now().truncatedTo(ChronoUnit.SECONDS));
  }

  private ItemRecommender(RecommenderSpec spec, ItemSimilarity similarity, Popularity popularity,
      List<String> itemLabels, TrainingData trainingData, Object createdAt) {
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
    return createdAt.toString();
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
    TopK.Rows one = new TopK.Rows(1, kk);
    one.count[0] = new Scorer(similarity, popularity, spec, kk)
        .score(customer, held, 0, distinct, segment, kk, eligibility, one, 0);
    boolean segmented = segment >= 0 && segment < popularity.segments();
    return new TopK(kk, one, itemLabels, segmented).of(0);
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
    int kk = Math.min(k, items());
    boolean segmented = popularity.segments() > 0 && segments.length > 0;
    if (HeldSetRankings.applies(similarity)) {
      int threads = holdings.customers() < SHARED_PARALLEL_FROM ? 1 : spec.threads();
      return recommendBySet(holdings, kk, eligibility, segments, progress, segmented, threads);
    }
    int customers = holdings.customers();
    TopK.Rows lists = new TopK.Rows(customers, kk);
    int[] rowPtr = holdings.rowPtr();
    int[] rowItems = holdings.rowItems();
    int threads = customers < 2 * CHUNK ? 1 : spec.threads();
    Scorer[] scorers = new Scorer[threads];
    AtomicLong done = new AtomicLong();
    Parallel.forChunks(customers, threads, CHUNK, (worker, from, to) -> {
      if (scorers[worker] == null) {
        scorers[worker] = new Scorer(similarity, popularity, spec, kk);
      }
      Scorer s = scorers[worker];
      for (int c = from; c < to; c++) {
        int seg = segments.length == 0 ? NO_SEGMENT : segments[c];
        lists.count[c] = s.score(c, rowItems, rowPtr[c], rowPtr[c + 1], seg, kk, eligibility, lists, c * kk);
      }
      progress.progress("recommend", done.addAndGet(to - from), customers);
    });
    return new TopK(kk, lists, itemLabels, segmented);
  }

  /**
   * {@link #recommendAll} for a small catalogue: customers share held and eligible sets, so each
   * distinct (held, eligible, segment) is scored once per worker into a row that its customers share.
   * {@link #recommendAll} uses one worker below {@value #SHARED_PARALLEL_FROM} customers: the work per
   * customer is a hash lookup, and a second thread would score every key again.
   */
  TopK recommendBySet(InteractionMatrix holdings, int kk, OfferFilter eligibility, int[] segments,
      ProgressListener progress, boolean segmented, int threads) {
    int customers = holdings.customers();
    int[] rowOf = new int[customers];
    HeldSetRankings[] workers = new HeldSetRankings[threads];
    int[] workerOf = new int[(customers + CHUNK - 1) / CHUNK];
    AtomicLong done = new AtomicLong();
    Parallel.forChunks(customers, threads, CHUNK, (worker, from, to) -> {
      if (workers[worker] == null) {
        workers[worker] = new HeldSetRankings(this, kk, holdings, eligibility, segments, rowOf);
      }
      workerOf[from / CHUNK] = worker;
      // in short blocks: a small method is compiled after a few calls, a long loop only after ~60,000 turns
      for (int c = from; c < to; c += BLOCK) {
        workers[worker].fill(c, Math.min(to, c + BLOCK));
      }
      progress.progress("recommend", done.addAndGet(to - from), customers);
    });
    // one table of rows: each worker's after the previous one's
    int[] offset = new int[threads + 1];
    for (int w = 0; w < threads; w++) {
      offset[w + 1] = offset[w] + (workers[w] == null ? 0 : workers[w].rows());
    }
    TopK.Rows lists = new TopK.Rows(offset[threads], kk);
    for (int w = 0; w < threads; w++) {
      if (workers[w] != null) {
        workers[w].copyRows(offset[w], lists);
      }
    }
    for (int chunk = 0; chunk < workerOf.length && threads > 1; chunk++) {
      int add = offset[workerOf[chunk]];
      for (int c = chunk * CHUNK; c < Math.min(customers, (chunk + 1) * CHUNK) && add > 0; c++) {
        rowOf[c] += add;
      }
    }
    return new TopK(kk, rowOf, lists, itemLabels, segmented);
  }

  private static void checkK(int k) {
    if (k < 1) {
      throw new RecommenderInputException("k is " + k + "; ask for at least 1 recommendation");
    }
  }

  /** Writes this recommender as a bundle (kind {@code recommender}); see {@link Saveable}. */
  @Override
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
