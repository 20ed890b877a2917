package dev.bankml.models.segment;

import dev.bankml.data.BankmlException;
import dev.bankml.data.ProgressListener;
import dev.bankml.data.SettingException;
import dev.bankml.features.FeatureMatrix;
import dev.bankml.features.pipeline.PcaFit;
import dev.bankml.features.table.Column;
import dev.bankml.features.table.NumericColumn;
import dev.bankml.features.table.Table;
import dev.bankml.models.metrics.AdjustedRandIndex;
import dev.bankml.models.metrics.CalinskiHarabasz;
import dev.bankml.models.metrics.DaviesBouldin;
import dev.bankml.models.metrics.Inertia;
import dev.bankml.models.metrics.Silhouette;
import dev.bankml.models.spi.Backends;
import dev.bankml.models.spi.Clustering;
import dev.bankml.models.spi.Hyperparameters;
import dev.bankml.models.spi.ModelBackend;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Customer segmentation: a specification (built with {@link #builder()}) whose {@code fit} turns a
 * table of customers into an immutable {@link FittedSegmentation}.
 *
 * <p>What {@code fit} does: drops identifier, personal-data, date, constant and almost-empty
 * columns; fits a feature pipeline that turns categories into indicators, log-compresses skewed
 * columns, imputes medians, standardises and clips at ±5, and optionally projects on principal
 * components (see {@link SegmentationPipeline}); chooses the number of segments k (see {@link
 * KSelection}) unless forced; clusters with the chosen backend and algorithm; measures quality and
 * stability; and profiles and names every segment. The fitted segmentation is that pipeline plus the
 * clustering.
 *
 * <p>The k rule: for k = kMin … kMax (fitted on a seeded sample of at most {@code selectionSample}
 * rows) four criteria each name their best k — the knee of the inertia curve, the highest
 * silhouette, the lowest Davies–Bouldin and the highest Calinski–Harabasz; the k named most often
 * wins, ties going to the higher Calinski–Harabasz. Each k's {@link PredictionStrength prediction
 * strength} is computed and reported as evidence. For Gaussian mixtures the lowest BIC decides instead.
 * Density methods (hdbscan, dbscan) find k themselves.
 */
public final class CustomerSegmentation {
  private static final Logger LOG = LoggerFactory.getLogger(CustomerSegmentation.class);
  /**
   * Default k-means restarts. With three, the fit for the true number of groups of a 20,000-customer
   * generated bank often lands in a local optimum that cuts one persona in two and merges two
   * others, and the k rule then picks a wrong k (docs/segmentation.md).
   */
  public static final int DEFAULT_RESTARTS = 10;
  /** At most this many points are drawn in the scatter plot. */
  public static final int PLOT_POINTS = 5_000;

  private final Builder b;

  private CustomerSegmentation(Builder b) {
    this.b = b;
  }

  /** The specification with the defaults: first backend found, k-means, k chosen from 2…10, seed 42. */
  public static CustomerSegmentation defaults() {
    return builder().build();
  }

  /** A builder of a specification, starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Segments the customers (rows) of {@code table}. The id column is the first with role ID, else
   * {@code customer_id}, else the first named like an id; other identifiers, personal data
   * (name, email, phone, address, city…), dates, non-feature roles, categories with more than 12
   * levels, constant and almost-empty columns are left out (see {@link
   * FittedSegmentation#dropped()}); categories become 0/1 indicators of their levels.
   *
   * @throws BankmlException when no usable column remains or there are fewer than 3 rows
   */
  public FittedSegmentation fit(Table table) {
    return fit(InputColumns.select(table));
  }

  /**
   * Segments the rows of {@code raw} (raw numbers, {@code NaN} for missing, one feature per column,
   * identified by {@code ids}); use this for data that is already numeric.
   *
   * @throws BankmlException when the ids and rows differ in number or a value is infinite
   */
  public FittedSegmentation fit(FeatureMatrix raw, List<String> ids) {
    if (ids.size() != raw.rows()) {
      throw new BankmlException("segmentation: " + raw.rows() + " rows but " + ids.size() + " ids");
    }
    List<Column> cols = new ArrayList<>();
    for (int j = 0; j < raw.cols(); j++) {
      double[] c = new double[raw.rows()];
      for (int i = 0; i < c.length; i++) {
        c[i] = raw.get(i, j);
        if (Double.isInfinite(c[i])) {
          throw new BankmlException("column '" + raw.names().get(j) + "' has value " + c[i] + " in row " + (i + 1)
              + " (id " + ids.get(i) + "); segmentation needs finite numbers (NaN for missing)");
        }
      }
      cols.add(NumericColumn.wrap(raw.names().get(j), c));
    }
    return fit(new InputColumns.Selected("id", ids, Table.of(cols), List.of()));
  }

  FittedSegmentation fit(InputColumns.Selected input) {
    long start = System.nanoTime();
    ProgressListener progress = b.progress;
    int n = input.ids().size();
    if (n < 3) {
      throw new BankmlException("segmentation needs at least 3 customers, got " + n);
    }
    ModelBackend backend = b.backend.orElseGet(() -> defaultBackend(b.algorithm));
    ClusterRunner runner = new ClusterRunner(backend, b.algorithm, b.hyperparameters, b.restarts);
    // Gaussian mixtures need a non-singular covariance: without a PCA setting they cluster on the
    // components holding 99.9 % of the variance, which drops exactly collinear directions (shares
    // that sum to 1)
    OptionalDouble pcaShare = b.pcaVariance.isPresent() || !runner.algorithm().equalsIgnoreCase("gmm")
        ? b.pcaVariance : OptionalDouble.of(0.999);
    SegmentationPipeline.Fitted prepared = SegmentationPipeline.fit(input.features(), pcaShare, input.dropped());
    List<DroppedColumn> dropped = new ArrayList<>(input.dropped());
    dropped.addAll(prepared.screened());
    FeatureMatrix x = prepared.clustered();

    KSelection selection;
    Clustering clustering;
    int[] assigned = null;
    if (!runner.takesK()) {
      progress.progress("segmentation: clustering", 0, 1);
      // density methods are quadratic in memory or time: fit on a sample, assign the rest
      int[] sample = RowSample.of(n, b.selectionSample, b.seed);
      clustering = runner.fit(sample.length == n ? x : x.selectRows(sample), 0, b.seed);
      if (sample.length < n) {
        assigned = clustering.assign(x);
      }
      progress.progress("segmentation: clustering", 1, 1);
      selection = new KSelection(List.of(), clustering.k(), clustering.k(), false,
          runner.algorithm() + " finds the number of segments itself"
              + (sample.length < n ? " (fitted on " + sample.length + " sampled rows, the rest assigned)" : ""));
    } else if (b.k.isPresent()) {
      int k = b.k.getAsInt();
      if (k < 1 || k >= n) {
        throw new SettingException("k", "k = " + k + " segments is out of range: it must be between 1 and " + (n - 1)
            + " for " + n + " customers");
      }
      int distinct = distinctRows(x, k);
      if (k > distinct) {
        throw new SettingException("k", "k = " + k + " segments is more than the " + distinct
            + " distinct customers the data holds (after scaling); choose at most " + distinct);
      }
      progress.progress("segmentation: clustering", 0, 1);
      clustering = runner.fit(x, k, b.seed);
      progress.progress("segmentation: clustering", 1, 1);
      KCandidate c = candidate(x, clustering, k, b.seed);
      selection = new KSelection(List.of(c), k, k, true, "k = " + k + " was set by the user");
    } else {
      int[] sample = RowSample.of(n, b.selectionSample, b.seed);
      FeatureMatrix xs = sample.length == n ? x : x.selectRows(sample);
      int kMax = Math.min(b.kMax, xs.rows() - 1);
      kMax = Math.max(1, Math.min(kMax, distinctRows(xs, kMax)));
      int kMin = Math.min(b.kMin, kMax);
      List<KCandidate> candidates = new ArrayList<>();
      Map<Integer, Clustering> fits = new HashMap<>();
      for (int k = kMin; k <= kMax; k++) {
        progress.progress("segmentation: choosing k", k - kMin, kMax - kMin + 1);
        Clustering c = runner.fit(xs, k, b.seed);
        fits.put(k, c);
        candidates.add(candidate(xs, c, k, b.seed)
            .withPredictionStrength(PredictionStrength.of(runner, xs, k, b.seed + 7L * k)));
      }
      progress.progress("segmentation: choosing k", kMax - kMin + 1, kMax - kMin + 1);
      selection = KRule.choose(candidates);
      LOG.info("segmentation: chose k = {} ({})", selection.chosen(), selection.rule());
      if (sample.length == n) {
        clustering = fits.get(selection.chosen());
      } else {
        progress.progress("segmentation: clustering", 0, 1);
        clustering = runner.fit(x, selection.chosen(), b.seed);
        progress.progress("segmentation: clustering", 1, 1);
      }
    }
    LOG.info("segmentation: prepared and clustered {} rows x {} inputs in {} s", n, x.cols(), seconds(start));
    int[] labels = assigned != null ? assigned : clustering.trainingLabels();
    int k = clustering.k();
    long t = System.nanoTime();
    double stability = stability(runner, x, labels, k, progress);
    LOG.info("segmentation: stability {} in {} s", stability, seconds(t));
    t = System.nanoTime();
    SegmentationQuality quality = quality(x, labels, k, stability);
    LOG.info("segmentation: quality metrics in {} s", seconds(t));
    t = System.nanoTime();
    List<SegmentProfile> profiles = Profiles.compute(prepared.encoded(), input.ids(), labels, k, b.outcomes);
    LOG.info("segmentation: profiles in {} s", seconds(t));
    List<String> names = SegmentNamer.names(profiles);
    List<SegmentProfile> named = new ArrayList<>();
    for (int i = 0; i < profiles.size(); i++) {
      SegmentProfile p = profiles.get(i);
      named.add(p.withName(b.names.getOrDefault(p.segment(), names.get(i))));
    }
    ScatterSample scatter = scatter(prepared.plot(), prepared.scaled(), labels, b.seed);
    return new FittedSegmentation(new FittedSegmentation.Provenance(backend.name(), backend.version(),
            runner.algorithm(), runner.hyperparameters(k), b.seed, n),
        input.idColumn(), dropped, prepared.pipeline(), prepared.plot(), backend, clustering, selection, quality,
        named, input.ids(), labels, scatter);
  }

  private static String seconds(long since) {
    return String.format(java.util.Locale.ROOT, "%.2f", (System.nanoTime() - since) / 1e9);
  }

  /**
   * The number of distinct rows of {@code x}, counted up to {@code enough}: more segments than
   * distinct customers cannot all be populated.
   */
  static int distinctRows(FeatureMatrix x, int enough) {
    Set<Point> seen = new HashSet<>();
    for (int i = 0; i < x.rows() && seen.size() < enough; i++) {
      double[] r = x.row(i);
      for (int j = 0; j < r.length; j++) {
        r[j] = r[j] == 0.0 ? 0.0 : r[j]; // -0.0 and 0.0 are the same point
      }
      seen.add(new Point(r));
    }
    return seen.size();
  }

  /** A row compared by value. */
  private record Point(double[] v) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Point p && Arrays.equals(p.v, v);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(v);
    }
  }

  private static ModelBackend defaultBackend(String algorithm) {
    List<ModelBackend> all = Backends.all();
    for (ModelBackend backend : all) {
      boolean offers = backend.algorithms().stream().anyMatch(a -> a.name().equalsIgnoreCase(algorithm));
      if (offers) {
        return backend;
      }
    }
    throw new BankmlException(all.isEmpty()
        ? "no model backend is on the class path (add bank-models-xgboost, bank-models-tribuo or bank-models-smile)"
        : "no backend on the class path offers clustering algorithm '" + algorithm + "'");
  }

  static KCandidate candidate(FeatureMatrix x, Clustering c, int k, long seed) {
    int[] labels = c.trainingLabels();
    double inertia = Inertia.of(x, labels);
    boolean two = distinctClusters(labels) >= 2;
    return new KCandidate(k, inertia,
        two ? Silhouette.auto(x, labels, seed) : Double.NaN,
        two ? DaviesBouldin.of(x, labels) : Double.NaN,
        two ? CalinskiHarabasz.of(x, labels) : Double.NaN,
        c.bic());
  }

  static int distinctClusters(int[] labels) {
    return (int) Arrays.stream(labels).filter(l -> l != Clustering.NOISE).distinct().count();
  }

  private SegmentationQuality quality(FeatureMatrix x, int[] labels, int k, double stability) {
    long noise = Arrays.stream(labels).filter(l -> l == Clustering.NOISE).count();
    boolean two = distinctClusters(labels) >= 2;
    return new SegmentationQuality(k,
        two ? Silhouette.auto(x, labels, b.seed) : Double.NaN,
        two ? DaviesBouldin.of(x, labels) : Double.NaN,
        two ? CalinskiHarabasz.of(x, labels) : Double.NaN,
        noise < labels.length ? Inertia.of(x, labels) : Double.NaN,
        noise, stability);
  }

  /**
   * Mean adjusted Rand index between the fitted labels and refits (new seed) on 80 % bootstrap
   * subsamples of a seeded sample of at most {@code stabilitySample} rows.
   */
  private double stability(ClusterRunner runner, FeatureMatrix x, int[] labels, int k, ProgressListener progress) {
    if (b.stabilityRuns == 0) {
      return Double.NaN;
    }
    int[] sample = RowSample.of(x.rows(), b.stabilitySample, b.seed + 1);
    double sum = 0;
    for (int r = 0; r < b.stabilityRuns; r++) {
      progress.progress("segmentation: stability", r, b.stabilityRuns);
      int[] pick = RowSample.of(sample.length, (int) Math.ceil(sample.length * 0.8), b.seed + 100 + r);
      int[] rows = new int[pick.length];
      int[] reference = new int[pick.length];
      for (int i = 0; i < pick.length; i++) {
        rows[i] = sample[pick[i]];
        reference[i] = labels[rows[i]];
      }
      Clustering refit = runner.fit(x.selectRows(rows), k, b.seed + 1000 + r);
      sum += AdjustedRandIndex.of(reference, refit.trainingLabels());
    }
    progress.progress("segmentation: stability", b.stabilityRuns, b.stabilityRuns);
    return sum / b.stabilityRuns;
  }

  private static ScatterSample scatter(PcaFit plot, FeatureMatrix z, int[] labels, long seed) {
    int[] rows = RowSample.of(z.rows(), PLOT_POINTS, seed + 2);
    double[] a = new double[rows.length];
    double[] c = new double[rows.length];
    int[] seg = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      double[] p = plot.project(z.row(rows[i]));
      a[i] = p[0];
      c[i] = p.length > 1 ? p[1] : 0.0;
      seg[i] = labels[rows[i]];
    }
    double[] ev = plot.explainedVariance();
    return new ScatterSample(a, c, seg, ev.length > 0 ? ev[0] : 0, ev.length > 1 ? ev[1] : 0);
  }

  /** Options of a {@link CustomerSegmentation}; every one has a sensible default. */
  public static final class Builder {
    private Optional<ModelBackend> backend = Optional.empty();
    private String algorithm = "kmeans";
    private Hyperparameters hyperparameters = Hyperparameters.DEFAULTS;
    private OptionalInt k = OptionalInt.empty();
    private int kMin = 2;
    private int kMax = 10;
    private long seed = 42;
    private int restarts = DEFAULT_RESTARTS;
    private OptionalDouble pcaVariance = OptionalDouble.empty();
    private int selectionSample = 50_000;
    private int stabilityRuns = 3;
    private int stabilitySample = 10_000;
    private CustomerOutcomes outcomes = CustomerOutcomes.NONE;
    private Map<Integer, String> names = Map.of();
    private ProgressListener progress = ProgressListener.NONE;

    private Builder() {}

    /** The backend by name ({@code tribuo}, {@code smile}); default: the first that offers the algorithm. */
    public Builder backend(String name) {
      this.backend = Optional.of(Backends.named(name));
      return this;
    }

    /** The backend to cluster with. */
    public Builder backend(ModelBackend backend) {
      this.backend = Optional.of(backend);
      return this;
    }

    /** The clustering algorithm: {@code kmeans} (default), {@code gmm}, {@code hdbscan}, {@code dbscan}. */
    public Builder algorithm(String algorithm) {
      this.algorithm = algorithm;
      return this;
    }

    /** Extra hyperparameters for the algorithm (k is set by the segmentation). */
    public Builder hyperparameters(Hyperparameters hyperparameters) {
      this.hyperparameters = hyperparameters;
      return this;
    }

    /** Forces the number of segments instead of choosing it. */
    public Builder k(int k) {
      this.k = OptionalInt.of(k);
      return this;
    }

    /** The range of k tried when choosing (default 2 … 10). */
    public Builder kRange(int min, int max) {
      if (min < 2 || max < min) {
        throw new BankmlException("k range " + min + "…" + max + " is invalid: it needs 2 ≤ min ≤ max");
      }
      this.kMin = min;
      this.kMax = max;
      return this;
    }

    /** The random seed (default 42); the same seed and data give the same segments. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * k-means restarts (k-means++ seeding), the lowest inertia kept, for every fit: each candidate
     * k, the prediction-strength halves, the final segmentation and the stability refits (default
     * {@value CustomerSegmentation#DEFAULT_RESTARTS}).
     */
    public Builder restarts(int restarts) {
      if (restarts < 1) {
        throw new BankmlException("restarts must be at least 1, got " + restarts);
      }
      this.restarts = restarts;
      return this;
    }

    /** Clusters on the principal components that explain this share of variance (0 < share ≤ 1). */
    public Builder pcaVariance(double share) {
      if (!(share > 0 && share <= 1)) {
        throw new BankmlException("PCA variance share must be in (0, 1], got " + share);
      }
      this.pcaVariance = OptionalDouble.of(share);
      return this;
    }

    /**
     * At most this many rows (seeded sample) are used to choose k, and to fit density methods
     * (hdbscan, dbscan), which then assign the other rows (default 50,000).
     */
    public Builder selectionSample(int rows) {
      this.selectionSample = Math.max(10, rows);
      return this;
    }

    /** Number of bootstrap refits for the stability score (default 3; 0 skips it). */
    public Builder stabilityRuns(int runs) {
      this.stabilityRuns = Math.max(0, runs);
      return this;
    }

    /** Default rates and product holdings to add to the profiles. */
    public Builder outcomes(CustomerOutcomes outcomes) {
      this.outcomes = outcomes;
      return this;
    }

    /** Names to use instead of the automatic ones, by segment number. */
    public Builder names(Map<Integer, String> names) {
      this.names = Map.copyOf(names);
      return this;
    }

    /** Receives progress of the fit. */
    public Builder progress(ProgressListener progress) {
      this.progress = progress;
      return this;
    }

    /** The specification. */
    public CustomerSegmentation build() {
      if (k.isPresent() && k.getAsInt() < 1) {
        throw new BankmlException("k must be at least 1, got " + k.getAsInt());
      }
      return new CustomerSegmentation(copy());
    }

    private Builder copy() {
      Builder c = new Builder();
      c.backend = backend;
      c.algorithm = algorithm;
      c.hyperparameters = hyperparameters;
      c.k = k;
      c.kMin = kMin;
      c.kMax = kMax;
      c.seed = seed;
      c.restarts = restarts;
      c.pcaVariance = pcaVariance;
      c.selectionSample = selectionSample;
      c.stabilityRuns = stabilityRuns;
      c.stabilitySample = stabilitySample;
      c.outcomes = outcomes;
      c.names = names;
      c.progress = progress;
      return c;
    }
  }
}
