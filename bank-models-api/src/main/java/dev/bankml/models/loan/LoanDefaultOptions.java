package dev.bankml.models.loan;

import dev.bankml.features.dictionary.DataDictionary;
import dev.bankml.data.BankmlException;
import dev.bankml.data.ProgressListener;
import dev.bankml.features.pipeline.FeaturePipeline;
import dev.bankml.features.table.Table;
import dev.bankml.models.calibrate.Calibration;
import dev.bankml.models.spi.Backends;
import dev.bankml.models.spi.ModelBackend;
import dev.bankml.models.tune.ScoringMetric;
import dev.bankml.models.tune.SearchStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to train a {@link LoanDefaultModel}. {@code LoanDefaultOptions.defaults()} is a good start:
 * target {@code defaulted}, the default feature pipeline, the fastest Apache-licensed backend on the
 * class path ({@code xgboost}, else {@code tribuo}, else the first found), algorithm {@code auto}
 * (every classifier of the backend with its defaults, cheapest first, then {@value #AUTO_TRIALS} - 1
 * random candidates of the best one, best by 5-fold cross-validated ROC AUC, within a
 * {@link #DEFAULT_TIME_LIMIT 10-minute} search), seed 42, threshold at maximum F1, calibration {@code auto} (Platt, isotonic or none on
 * out-of-fold scores, whichever has the lowest cross-fitted log loss), risk grades A–G, all cores. A named algorithm is trained with its defaults
 * unless a {@link #tuning() search} is set.
 */
public final class LoanDefaultOptions {
  /** Candidates per algorithm (defaults included) that {@code auto} tries when no search is set. */
  public static final int AUTO_TRIALS = 4;

  /** How long a model search may run unless told otherwise: 10 minutes. */
  public static final Duration DEFAULT_TIME_LIMIT = Duration.ofMinutes(10);

  /** Backends {@link #defaults()} prefers, fastest Apache-licensed first. */
  static final List<String> PREFERRED_BACKENDS = List.of("xgboost", "tribuo");

  private final String target;
  private final Optional<String> positiveLabel;
  private final List<String> idColumns;
  private final List<String> excludedColumns;
  private final FeaturePipeline pipeline;
  private final String backend;
  private final String algorithm;
  private final SearchStrategy requestedTuning; // null: the default for the algorithm
  private final ScoringMetric metric;
  private final int folds;
  private final Duration timeLimit;
  private final long seed;
  private final int threads;
  private final boolean balanceClasses;
  private final ThresholdPolicy thresholdPolicy;
  private final double reviewBand;
  private final ScoreScaling scoreScaling;
  private final RiskGrades riskGrades;
  private final Calibration calibration;
  private final ProgressListener progress;
  private final DataDictionary dictionary;

  private LoanDefaultOptions(Builder b) {
    this.target = b.target;
    this.positiveLabel = b.positiveLabel;
    this.idColumns = List.copyOf(b.idColumns);
    this.excludedColumns = List.copyOf(b.excludedColumns);
    this.pipeline = b.pipeline;
    this.backend = b.backend;
    this.algorithm = b.algorithm;
    this.requestedTuning = b.tuning;
    this.metric = b.metric;
    this.folds = b.folds;
    this.timeLimit = b.timeLimit;
    this.seed = b.seed;
    this.threads = b.threads;
    this.balanceClasses = b.balanceClasses;
    this.thresholdPolicy = b.thresholdPolicy;
    this.reviewBand = b.reviewBand;
    this.scoreScaling = b.scoreScaling;
    this.riskGrades = b.riskGrades;
    this.calibration = b.calibration;
    this.progress = b.progress;
    this.dictionary = b.dictionary;
  }

  /** The defaults described above. */
  public static LoanDefaultOptions defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Trains a model on all of {@code table} with the configuration that cross-validation picks: the
   * pipeline, the classifier, the calibrator, the threshold and the explainer, fitted on every row.
   * The metrics stored with it are the winner's cross-validated ones (a selection score when a
   * search chose among candidates).
   *
   * @throws dev.bankml.data.BankmlException when the target is not a binary outcome, a column named
   *     here is absent, the backend or algorithm is unknown, or there are too few rows per class
   */
  public LoanDefaultModel fit(Table table) {
    return LoanDefaultModel.fit(table, this);
  }

  /**
   * Cross-validates this recipe on {@code table} without keeping a model: the out-of-fold
   * probabilities, their metrics, the leaderboard and the winner. A fixed recipe is scored by plain
   * k-fold cross-validation; a search ({@code auto}, tuning) by nested cross-validation.
   */
  public LoanEvaluation evaluate(Table table) {
    return LoanDefaultModel.evaluate(table, this);
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.target = target;
    b.positiveLabel = positiveLabel;
    b.idColumns = new ArrayList<>(idColumns);
    b.excludedColumns = new ArrayList<>(excludedColumns);
    b.pipeline = pipeline;
    b.backend = backend;
    b.algorithm = algorithm;
    b.tuning = requestedTuning;
    b.metric = metric;
    b.folds = folds;
    b.timeLimit = timeLimit;
    b.seed = seed;
    b.threads = threads;
    b.balanceClasses = balanceClasses;
    b.thresholdPolicy = thresholdPolicy;
    b.reviewBand = reviewBand;
    b.scoreScaling = scoreScaling;
    b.riskGrades = riskGrades;
    b.calibration = calibration;
    b.progress = progress;
    b.dictionary = dictionary;
    return b;
  }

  /** The target column. */
  public String target() {
    return target;
  }

  /** The target value meaning "defaulted", when the target is not already boolean or 0/1. */
  public Optional<String> positiveLabel() {
    return positiveLabel;
  }

  /** Identifier columns: kept out of the features. */
  public List<String> idColumns() {
    return idColumns;
  }

  /** Further columns kept out of the features. */
  public List<String> excludedColumns() {
    return excludedColumns;
  }

  /** The feature pipeline specification, fitted inside every fold and then on all rows. */
  public FeaturePipeline pipeline() {
    return pipeline;
  }

  /** The backend name. */
  public String backend() {
    return backend;
  }

  /** The algorithm name, or {@code auto}. */
  public String algorithm() {
    return algorithm;
  }

  /** How hyperparameters are searched. */
  public SearchStrategy tuning() {
    if (requestedTuning != null) {
      return requestedTuning;
    }
    return algorithm.equalsIgnoreCase("auto") ? new SearchStrategy.RandomSearch(AUTO_TRIALS) : new SearchStrategy.Defaults();
  }

  /** What the search maximises. */
  public ScoringMetric metric() {
    return metric;
  }

  /** Number of cross-validation folds. */
  public int folds() {
    return folds;
  }

  /**
   * How long the model search may run (default {@link #DEFAULT_TIME_LIMIT}): once it has passed no
   * candidate or fold is started, and what was left out is reported. In a nested evaluation each
   * outer fold's search gets an equal share.
   */
  public Duration timeLimit() {
    return timeLimit;
  }

  /** The random seed for splits, search and training. */
  public long seed() {
    return seed;
  }

  /** Thread budget for cross-validation. */
  public int threads() {
    return threads;
  }

  /** Whether training weights make both classes weigh the same in total. */
  public boolean balanceClasses() {
    return balanceClasses;
  }

  /** How the decision threshold is chosen. */
  public ThresholdPolicy thresholdPolicy() {
    return thresholdPolicy;
  }

  /** Half-width of the review band around the threshold, in probability. */
  public double reviewBand() {
    return reviewBand;
  }

  /** Score-point scaling. */
  public ScoreScaling scoreScaling() {
    return scoreScaling;
  }

  /** The risk-grade bands. */
  public RiskGrades riskGrades() {
    return riskGrades;
  }

  /** Whether and how raw scores are calibrated (default {@link Calibration#AUTO}). */
  public Calibration calibration() {
    return calibration;
  }

  /** Where progress is reported. */
  public ProgressListener progress() {
    return progress;
  }

  /**
   * What the model's input columns mean (labels, units, descriptions, groups); the descriptions of
   * its inputs are stored in the bundle. Default: {@link DataDictionary#bank()}.
   */
  public DataDictionary dictionary() {
    return dictionary;
  }

  /**
   * The backend {@link #defaults()} uses: the first of {@code xgboost}, {@code tribuo} on the class
   * path, else the first backend found ({@code tribuo} when there is none, so the error names it).
   */
  public static String defaultBackendName() {
    List<String> present = Backends.all().stream().map(ModelBackend::name).toList();
    return PREFERRED_BACKENDS.stream().filter(present::contains).findFirst()
        .orElse(present.isEmpty() ? "tribuo" : present.get(0));
  }

  /** The backend these options name. */
  ModelBackend resolveBackend() {
    return Backends.named(backend);
  }

  /** Collects options; every setter checks its value. */
  public static final class Builder {
    private String target = "defaulted";
    private Optional<String> positiveLabel = Optional.empty();
    private List<String> idColumns = new ArrayList<>();
    private List<String> excludedColumns = new ArrayList<>();
    private FeaturePipeline pipeline = FeaturePipeline.defaults();
    private String backend = defaultBackendName();
    private String algorithm = "auto";
    private SearchStrategy tuning;
    private ScoringMetric metric = ScoringMetric.AUC;
    private int folds = 5;
    private Duration timeLimit = DEFAULT_TIME_LIMIT;
    private long seed = 42;
    private int threads = Runtime.getRuntime().availableProcessors();
    private boolean balanceClasses;
    private ThresholdPolicy thresholdPolicy = new ThresholdPolicy.MaxF1();
    private double reviewBand;
    private ScoreScaling scoreScaling = ScoreScaling.DEFAULT;
    private RiskGrades riskGrades = RiskGrades.DEFAULT;
    private Calibration calibration = Calibration.AUTO;
    private ProgressListener progress = ProgressListener.NONE;
    private DataDictionary dictionary = DataDictionary.bank();

    private Builder() {}

    /** The 0/1, boolean or categorical target column. */
    public Builder target(String column) {
      this.target = requireText(column, "target");
      return this;
    }

    /** The target value that means "defaulted" (e.g. {@code bad}, {@code yes}, {@code 1}). */
    public Builder positiveLabel(String value) {
      this.positiveLabel = Optional.of(requireText(value, "positive label"));
      return this;
    }

    /** An identifier column, never a feature. */
    public Builder idColumn(String column) {
      idColumns.add(requireText(column, "id column"));
      return this;
    }

    /** A column that is never a feature. */
    public Builder exclude(String column) {
      excludedColumns.add(requireText(column, "excluded column"));
      return this;
    }

    /** The feature pipeline specification. */
    public Builder pipeline(FeaturePipeline p) {
      this.pipeline = Objects.requireNonNull(p, "pipeline");
      return this;
    }

    /** The backend, e.g. {@code xgboost}, {@code tribuo} or {@code smile}. */
    public Builder backend(String name) {
      this.backend = requireText(name, "backend");
      return this;
    }

    /** The algorithm, e.g. {@code logistic}, or {@code auto} for all of the backend's classifiers. */
    public Builder algorithm(String name) {
      this.algorithm = requireText(name, "algorithm");
      return this;
    }

    /** The hyperparameter search (default: a small random search for {@code auto}, none for a named algorithm). */
    public Builder tuning(SearchStrategy s) {
      this.tuning = Objects.requireNonNull(s, "tuning");
      return this;
    }

    /** The metric the search maximises. */
    public Builder metric(ScoringMetric m) {
      this.metric = Objects.requireNonNull(m, "metric");
      return this;
    }

    /** Cross-validation folds, at least 2. */
    public Builder folds(int k) {
      if (k < 2) {
        throw new BankmlException("cross-validation needs at least 2 folds, got " + k);
      }
      this.folds = k;
      return this;
    }

    /** How long the model search may run; positive. */
    public Builder timeLimit(Duration limit) {
      Objects.requireNonNull(limit, "time limit");
      if (limit.isNegative() || limit.isZero()) {
        throw new BankmlException("the time limit must be positive, got " + limit);
      }
      this.timeLimit = limit;
      return this;
    }

    /** The random seed. */
    public Builder seed(long s) {
      this.seed = s;
      return this;
    }

    /** Thread budget, at least 1. */
    public Builder threads(int n) {
      if (n < 1) {
        throw new BankmlException("threads must be at least 1, got " + n);
      }
      this.threads = n;
      return this;
    }

    /** Weight rows so that defaulters and non-defaulters weigh the same in total. */
    public Builder balanceClasses(boolean b) {
      this.balanceClasses = b;
      return this;
    }

    /** How the threshold is chosen. */
    public Builder thresholdPolicy(ThresholdPolicy p) {
      this.thresholdPolicy = Objects.requireNonNull(p, "threshold policy");
      return this;
    }

    /** Half-width of the review band around the threshold (0 = no review decisions). */
    public Builder reviewBand(double halfWidth) {
      if (!(halfWidth >= 0 && halfWidth < 0.5)) {
        throw new BankmlException("review band half-width must be in [0, 0.5), got " + halfWidth);
      }
      this.reviewBand = halfWidth;
      return this;
    }

    /** Score-point scaling. */
    public Builder scoreScaling(ScoreScaling s) {
      this.scoreScaling = Objects.requireNonNull(s, "score scaling");
      return this;
    }

    /** Risk-grade bands on the probability of default. */
    public Builder riskGrades(RiskGrades g) {
      this.riskGrades = Objects.requireNonNull(g, "risk grades");
      return this;
    }

    /** Whether and how raw scores are calibrated: auto (default), none, platt or isotonic. */
    public Builder calibration(Calibration m) {
      this.calibration = Objects.requireNonNull(m, "calibration");
      return this;
    }

    /** Where progress is reported. */
    public Builder progress(ProgressListener p) {
      this.progress = Objects.requireNonNull(p, "progress");
      return this;
    }

    /** What the input columns mean; the descriptions of the model's inputs travel in its bundle. */
    public Builder dictionary(DataDictionary d) {
      this.dictionary = Objects.requireNonNull(d, "dictionary");
      return this;
    }

    /** The options. */
    public LoanDefaultOptions build() {
      return new LoanDefaultOptions(this);
    }

    private static String requireText(String s, String what) {
      if (s == null || s.isBlank()) {
        throw new BankmlException(what + " must not be empty");
      }
      return s.trim();
    }
  }
}
