package dev.bankml.models.loan;

import dev.bankml.features.dictionary.DataDictionary;
import dev.bankml.data.BankmlException;
import dev.bankml.features.FeatureMatrix;
import dev.bankml.features.pipeline.FittedPipeline;
import dev.bankml.features.pipeline.InputField;
import dev.bankml.features.table.BinaryTarget;
import dev.bankml.features.table.Column;
import dev.bankml.features.table.ColumnRole;
import dev.bankml.features.table.NumericColumn;
import dev.bankml.features.table.Table;
import dev.bankml.data.bundle.Bundle;
import dev.bankml.data.bundle.BundleException;
import dev.bankml.data.bundle.BundleKeys;
import dev.bankml.data.bundle.DataFingerprint;
import dev.bankml.data.bundle.LoadOptions;
import dev.bankml.data.bundle.Saveable;
import dev.bankml.data.bundle.Provenance;
import dev.bankml.models.calibrate.Calibrator;
import dev.bankml.models.explain.ColumnImportance;
import dev.bankml.models.explain.Explainer;
import dev.bankml.models.explain.Explanation;
import dev.bankml.models.explain.PermutationImportance;
import dev.bankml.models.metrics.BinaryMetrics;
import dev.bankml.models.schema.InputSchema;
import dev.bankml.models.schema.InvalidInputException;
import dev.bankml.data.ProgressListener;
import dev.bankml.models.spi.AlgorithmSpec;
import dev.bankml.models.spi.Classifier;
import dev.bankml.models.spi.Hyperparameters;
import dev.bankml.models.spi.ModelBackend;
import dev.bankml.models.split.CrossValidation;
import dev.bankml.models.split.FoldMatrices;
import dev.bankml.models.split.Split;
import dev.bankml.models.split.StratifiedSplit;
import dev.bankml.models.tune.HyperparameterSearch;
import dev.bankml.models.tune.Leaderboard;
import dev.bankml.models.tune.SkippedCandidate;
import dev.bankml.models.tune.ScoringMetric;
import dev.bankml.models.tune.SearchResult;
import dev.bankml.models.tune.Trial;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loan-default model a bank embeds: a fitted feature pipeline, a classifier from a backend, a
 * decision threshold, score scaling and an explainer, trained in one line and saved as one signed
 * bundle (see {@link Bundle}; kind {@code loan-model}).
 *
 * <pre>{@code
 * LoanDefaultModel m = LoanDefaultOptions.defaults().fit(table);
 * double pd = m.probability(Map.of("income", 52000, "purpose", "car", ...));
 * m.save(Path.of("loans.bankml"));
 * LoanDefaultModel again = LoanDefaultModel.load(Path.of("loans.bankml"));
 * }</pre>
 *
 * <p>{@link #save(Path)} signs with {@link BundleKeys#defaults()} and {@link #load(Path)} verifies
 * with them; {@link #load(Path, LoadOptions)} takes other keys, limits, or the opt-in for unsigned
 * bundles (including those of bankml before signing existed).
 *
 * <p>Immutable and safe to call from many threads at once.
 */
public final class LoanDefaultModel implements Saveable {
  private static final Logger LOG = LoggerFactory.getLogger(LoanDefaultModel.class);

  private final FittedPipeline pipeline;
  private final InputSchema schema;
  private final Classifier classifier;
  private final Provenance provenance;
  private final LoanSettings settings;
  private final Explainer explainer;
  private final PrincipalReasons reasons;
  private final ScoreScaling scaling;
  private final RiskGrades grades;
  private final Optional<Calibrator> calibrator;
  private final double reviewBand;
  private final DataDictionary dictionary;

  private LoanDefaultModel(FittedPipeline pipeline, InputSchema schema, Classifier classifier, Provenance provenance,
      LoanSettings settings, Optional<Calibrator> calibrator, DataDictionary dictionary) {
    if (classifier.featureCount() != pipeline.featureNames().size()) {
      throw new BankmlException("the classifier expects " + classifier.featureCount() + " features but the pipeline makes "
          + pipeline.featureNames().size() + "; the model is inconsistent");
    }
    this.pipeline = pipeline;
    this.schema = schema;
    this.classifier = classifier;
    this.provenance = provenance;
    this.settings = settings;
    double[] baseline = settings.baseline();
    this.explainer = Explainer.of(classifier, baseline, pipeline.sources());
    this.reasons = new PrincipalReasons(pipeline.featureNames(), pipeline.sources(), baseline);
    this.scaling = settings.scoreScaling();
    this.grades = settings.riskGrades();
    this.calibrator = calibrator;
    this.reviewBand = settings.reviewBand();
    this.dictionary = dictionary;
  }

  // ---- training -------------------------------------------------------------------------------

  /**
   * Cross-validates the recipe in {@code options} on {@code table} ({@link LoanDefaultOptions#evaluate}). A fixed recipe (one candidate)
   * is scored by plain k-fold cross-validation, the pipeline fitted inside every fold. When a search
   * chooses among candidates ({@code auto}, or tuning), the evaluation is nested: the search, the
   * pipeline and the calibration run inside each outer training fold on inner folds, and the outer
   * test folds only score each outer fold's winner ({@link Selection#NESTED}); each outer fold's
   * search gets an equal share of the time limit.
   */
  static LoanEvaluation evaluate(Table table, LoanDefaultOptions options) {
    Training t = new Training(table, options);
    return t.searchSize() > 1 ? t.nestedCrossValidate() : t.crossValidate();
  }

  /**
   * Trains on all of {@code table} the configuration that cross-validation picks ({@link
   * LoanDefaultOptions#fit}). The metrics stored
   * with it are the winner's cross-validated ones; when a search chose among candidates they are a
   * selection score ({@link Selection#SAME_FOLDS}, recorded as {@code selection} in the manifest).
   */
  static LoanDefaultModel fit(Table table, LoanDefaultOptions options) {
    Training t = new Training(table, options);
    LoanEvaluation eval = t.crossValidate();
    return t.fitFinal(eval, t.calibrator);
  }

  /** Shared state of one training run. */
  private static final class Training {
    final LoanDefaultOptions o;
    final ModelBackend backend;
    final Table table;
    final int[] y;
    final double[] w;
    /** Fitted by {@link #crossValidate} on the winner's out-of-fold scores, when calibrating. */
    Optional<Calibrator> calibrator = Optional.empty();

    Training(Table raw, LoanDefaultOptions options) {
      this.o = options;
      this.backend = options.resolveBackend();
      HyperparameterSearch.algorithms(backend, options.algorithm()); // fail fast on a bad name
      if (raw.rows() < 2 * options.folds()) {
        throw new BankmlException("the data has " + raw.rows() + " rows; at least " + 2 * options.folds()
            + " are needed for " + options.folds() + "-fold cross-validation");
      }
      this.y = new BinaryTarget(options.target(), options.positiveLabel()).labels(raw);
      int pos = 0;
      for (int v : y) {
        pos += v;
      }
      if (pos < options.folds() || y.length - pos < options.folds()) {
        throw new BankmlException("the target '" + options.target() + "' has " + pos + " positive and " + (y.length - pos)
            + " negative rows; each class needs at least " + options.folds() + " (one per fold)");
      }
      this.table = prepare(raw, options, y);
      this.w = new double[y.length];
      double wPos = options.balanceClasses() ? y.length / (2.0 * pos) : 1;
      double wNeg = options.balanceClasses() ? y.length / (2.0 * (y.length - pos)) : 1;
      for (int i = 0; i < y.length; i++) {
        w[i] = y[i] == 1 ? wPos : wNeg;
      }
    }

    /** How many candidates the search scores when its time limit is not reached. */
    int searchSize() {
      List<AlgorithmSpec> algorithms = HyperparameterSearch.algorithms(backend, o.algorithm());
      if (algorithms.size() == 1) {
        return o.tuning().candidates(algorithms.get(0), o.seed()).size();
      }
      return algorithms.size() + algorithms.stream().mapToInt(a -> o.tuning().candidates(a, o.seed()).size() - 1).max().orElse(0);
    }

    /** The search over folds of {@code rows} of the table, each fold's pipeline fitted on its training rows. */
    SearchResult search(int[] rows, List<Split> splits, Duration limit, ProgressListener progress) {
      Table part = rows.length == y.length ? table : table.selectRows(rows);
      int[] py = select(y, rows);
      double[] pw = select(w, rows);
      List<FoldMatrices> folds = CrossValidation.run(splits, o.threads(), ProgressListener.NONE,
          (f, split) -> {
            FittedPipeline p = o.pipeline().fit(part.selectRows(split.train()));
            return foldMatrices(f, split, p.transform(part.selectRows(split.train())),
                p.transform(part.selectRows(split.test())), py, pw);
          });
      return HyperparameterSearch.run(backend, HyperparameterSearch.algorithms(backend, o.algorithm()),
          o.tuning(), o.seed(), folds, rows.length, o.threads(), o.metric(), limit, progress);
    }

    LoanEvaluation crossValidate() {
      List<Split> splits = StratifiedSplit.kFold(y, o.folds(), o.seed());
      SearchResult result = search(all(y.length), splits, o.timeLimit(), o.progress());
      double[] raw = result.bestScore().outOfFold();
      calibrator = o.calibration().fit(y, raw, o.seed());
      String calibration = calibrator.map(c -> c.method().key()).orElse("none");
      double[] oof = calibrator.map(c -> c.calibrateAll(raw)).orElse(raw);
      // a threshold of exactly 0 or 1 (possible only on degenerate scores) is kept inside (0, 1), where bundles require it
      double threshold = Math.min(Math.max(o.thresholdPolicy().choose(y, oof), Double.MIN_VALUE), Math.nextDown(1.0));
      BinaryMetrics metrics = BinaryMetrics.of(y, oof, threshold);
      Selection selection = result.leaderboard().trials().size() + result.skipped().size() > 1
          ? Selection.SAME_FOLDS : Selection.NONE;
      LOG.info("{} {}: cross-validated AUC {} ({}), calibration {}", backend.name(), result.best().algorithm(),
          metrics.auc(), selection.key(), calibration);
      return new LoanEvaluation(backend.name(), metrics, result.leaderboard(), result.best(), o.folds(), y, oof,
          calibration, selection, List.of(), result.skipped());
    }

    /**
     * Nested cross-validation: in each outer fold the search runs on inner folds of the outer
     * training rows, its winner is calibrated on its inner out-of-fold scores, refitted (pipeline
     * included) on the outer training rows and scored on the outer test rows.
     */
    LoanEvaluation nestedCrossValidate() {
      List<Split> outer = StratifiedSplit.kFold(y, o.folds(), o.seed());
      Duration share = o.timeLimit().dividedBy(outer.size());
      double[] oof = new double[y.length];
      List<NestedFold> nested = new ArrayList<>();
      List<SkippedCandidate> skipped = new ArrayList<>();
      List<Trial> allTrials = new ArrayList<>();
      List<String> calibrations = new ArrayList<>();
      for (int f = 0; f < outer.size(); f++) {
        int[] train = outer.get(f).train();
        int[] test = outer.get(f).test();
        int[] innerY = select(y, train);
        SearchResult result = search(train, StratifiedSplit.kFold(innerY, o.folds(), o.seed()), share,
            outerFoldProgress(f, outer.size()));
        Trial winner = result.best();
        double[] innerRaw = result.bestScore().outOfFold();
        Optional<Calibrator> cal = o.calibration().fit(innerY, innerRaw, o.seed());
        Table trainPart = table.selectRows(train);
        FittedPipeline p = o.pipeline().fit(trainPart);
        Classifier c = backend.classifierTrainer(winner.algorithm(), winner.hyperparameters(), o.seed())
            .fit(p.transform(trainPart), innerY, select(w, train));
        double[] raw = c.probabilities(p.transform(table.selectRows(test)));
        double[] prob = cal.map(k -> k.calibrateAll(raw)).orElse(raw);
        for (int i = 0; i < test.length; i++) {
          oof[test[i]] = prob[i];
        }
        String calName = cal.map(k -> k.method().key()).orElse("none");
        calibrations.add(calName);
        double outerScore = o.metric().score(select(y, test), prob);
        nested.add(new NestedFold(f, winner, calName, outerScore, result.leaderboard().trials().size(), result.skipped().size()));
        allTrials.addAll(result.leaderboard().trials());
        skipped.addAll(result.skipped());
        LOG.info("outer fold {}/{}: {} {} inner {} {}, outer {}", f + 1, outer.size(), winner.algorithm(),
            winner.hyperparameters().values(), o.metric().key(), winner.score(), outerScore);
      }
      double threshold = o.thresholdPolicy().choose(y, oof);
      BinaryMetrics metrics = BinaryMetrics.of(y, oof, threshold);
      Leaderboard board = averaged(allTrials);
      Trial best = mostFrequentWinner(nested, board);
      String calibration = calibrations.stream().distinct().count() == 1 ? calibrations.get(0) : String.join(",", calibrations);
      LOG.info("{} {}: nested cross-validated AUC {}", backend.name(), best.algorithm(), metrics.auc());
      return new LoanEvaluation(backend.name(), metrics, board, best, o.folds(), y, oof, calibration, Selection.NESTED,
          nested, skipped);
    }

    /** Progress of an outer fold's search, its task named after the fold. */
    ProgressListener outerFoldProgress(int fold, int folds) {
      ProgressListener p = o.progress();
      String prefix = "outer fold " + (fold + 1) + "/" + folds + ": ";
      return new ProgressListener() {
        @Override
        public void progress(String task, long done, long total) {
          p.progress(prefix + task, done, total);
        }

        @Override
        public void progress(String task, long done, long total, String status) {
          p.progress(prefix + task, done, total, status);
        }
      };
    }

    /** One trial per candidate: its inner scores averaged over the outer folds that tried it, seconds summed. */
    Leaderboard averaged(List<Trial> trials) {
      Map<List<Object>, List<Trial>> byCandidate = new LinkedHashMap<>();
      for (Trial t : trials) {
        byCandidate.computeIfAbsent(List.of(t.algorithm(), t.hyperparameters()), k -> new ArrayList<>()).add(t);
      }
      List<Trial> out = new ArrayList<>();
      for (List<Trial> same : byCandidate.values()) {
        Trial first = same.get(0);
        out.add(new Trial(first.algorithm(), first.hyperparameters(),
            same.stream().mapToDouble(Trial::score).average().orElse(Double.NaN),
            same.stream().mapToDouble(Trial::scoreStd).average().orElse(Double.NaN),
            same.stream().mapToDouble(Trial::seconds).sum()));
      }
      return new Leaderboard(o.metric(), out);
    }

    /** The candidate that won most outer folds (ties: the better averaged inner score), as on {@code board}. */
    static Trial mostFrequentWinner(List<NestedFold> nested, Leaderboard board) {
      Map<List<Object>, Integer> wins = new LinkedHashMap<>();
      for (NestedFold n : nested) {
        wins.merge(List.of(n.winner().algorithm(), n.winner().hyperparameters()), 1, Integer::sum);
      }
      Trial best = null;
      int bestWins = 0;
      for (Trial t : board.trials()) {
        int k = wins.getOrDefault(List.of(t.algorithm(), t.hyperparameters()), 0);
        if (k > bestWins) {
          best = t;
          bestWins = k;
        }
      }
      return best;
    }

    FoldMatrices foldMatrices(int f, Split split, FeatureMatrix trainX, FeatureMatrix testX, int[] y, double[] w) {
      int[] tr = split.train();
      int[] te = split.test();
      int[] trY = new int[tr.length];
      double[] trW = new double[tr.length];
      for (int i = 0; i < tr.length; i++) {
        trY[i] = y[tr[i]];
        trW[i] = w[tr[i]];
      }
      int[] teY = new int[te.length];
      for (int i = 0; i < te.length; i++) {
        teY[i] = y[te[i]];
      }
      return new FoldMatrices(f, split, trainX, trY, trW, testX, teY);
    }

    static int[] all(int n) {
      int[] out = new int[n];
      for (int i = 0; i < n; i++) {
        out[i] = i;
      }
      return out;
    }

    static int[] select(int[] v, int[] rows) {
      int[] out = new int[rows.length];
      for (int i = 0; i < rows.length; i++) {
        out[i] = v[rows[i]];
      }
      return out;
    }

    static double[] select(double[] v, int[] rows) {
      double[] out = new double[rows.length];
      for (int i = 0; i < rows.length; i++) {
        out[i] = v[rows[i]];
      }
      return out;
    }

    LoanDefaultModel fitFinal(LoanEvaluation eval, Optional<Calibrator> calibration) {
      Trial best = eval.best();
      FittedPipeline pipeline = o.pipeline().fit(table);
      FeatureMatrix x = pipeline.transform(table);
      Classifier classifier = backend.classifierTrainer(best.algorithm(), best.hyperparameters(), o.seed()).fit(x, y, w);
      double[] baseline = Explainer.of(classifier, x).baseline();
      List<LoanSettings.Trial> board = new ArrayList<>();
      for (Trial t : eval.leaderboard().trials()) {
        board.add(new LoanSettings.Trial(t.algorithm(), t.hyperparameters().values(), t.score(), t.scoreStd()));
      }
      Map<String, Double> metrics = new LinkedHashMap<>();
      eval.metrics().asMap().forEach((k, v) -> metrics.put("cv_" + k, v));
      List<LoanSettings.Skipped> skipped = new ArrayList<>();
      for (SkippedCandidate c : eval.skipped()) {
        skipped.add(new LoanSettings.Skipped(c.algorithm(), c.hyperparameters().values(), c.reason()));
      }
      LoanSettings settings = new LoanSettings(o.target(), o.positiveLabel().orElse(""), eval.metrics().threshold(),
          o.thresholdPolicy().describe(), o.reviewBand(), o.scoreScaling(), o.riskGrades(),
          LoanSettings.Calibration.of(calibration), toList(baseline), o.idColumns(), o.folds(), o.tuning().toString(),
          eval.selection(), skipped, board, o.metric().key(), pipeline.inputSchema());
      Provenance provenance = new Provenance(Bundle.bankmlVersion(), backend.name(), backend.version(), best.algorithm(),
          best.hyperparameters().values(), o.seed(), fingerprint(table, y), metrics,
          Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
      List<String> others = new ArrayList<>(table.columnNames());
      others.removeAll(pipeline.inputSchema().stream().map(InputField::name).toList());
      InputSchema schema = InputSchema.fromPipelineInputs(pipeline.inputSchema(), others);
      DataDictionary dictionary = o.dictionary().select(pipeline.inputSchema().stream().map(InputField::name).toList());
      return new LoanDefaultModel(pipeline, schema, classifier, provenance, settings, calibration, dictionary);
    }
  }

  /** The table with the target as a 0/1 column of role TARGET and ids and exclusions kept out of the features. */
  private static Table prepare(Table raw, LoanDefaultOptions o, int[] y) {
    double[] yy = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      yy[i] = y[i];
    }
    Table t = raw.with(NumericColumn.of(o.target(), yy));
    Map<String, ColumnRole> roles = new LinkedHashMap<>();
    for (String other : t.namesWithRole(ColumnRole.TARGET)) {
      roles.put(other, ColumnRole.IGNORED);
    }
    roles.put(o.target(), ColumnRole.TARGET);
    for (String id : o.idColumns()) {
      requireColumn(t, id, "id column");
      roles.put(id, ColumnRole.ID);
    }
    for (String ex : o.excludedColumns()) {
      requireColumn(t, ex, "excluded column");
      roles.put(ex, ColumnRole.IGNORED);
    }
    return t.withRoles(roles);
  }

  private static void requireColumn(Table t, String name, String what) {
    if (!t.has(name)) {
      throw new BankmlException(what + " '" + name + "' is not in the data; columns are " + t.columnNames());
    }
  }

  private static DataFingerprint fingerprint(Table t, int[] y) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Column c : t.columns()) {
        md.update((c.name() + "\u0001" + c.type() + "\u0001").getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < c.size(); i++) {
          md.update((c.text(i) + "\u0002").getBytes(StandardCharsets.UTF_8));
        }
      }
      long pos = 0;
      for (int v : y) {
        pos += v;
      }
      return new DataFingerprint(t.rows(), pos, HexFormat.of().formatHex(md.digest()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Double> toList(double[] v) {
    List<Double> out = new ArrayList<>(v.length);
    for (double d : v) {
      out.add(d);
    }
    return out;
  }

  // ---- scoring --------------------------------------------------------------------------------

  /**
   * Probability of default (calibrated, when the model has a calibrator) of one application given
   * as column name → value.
   *
   * @throws InvalidInputException if the record does not pass the model's {@link #schema()}
   */
  public double probability(Map<String, ?> record) {
    return calibrate(classifier.probability(features(record)));
  }

  /**
   * Probability of default of every row of {@code table}, scored as one batch.
   *
   * @throws InvalidInputException if a row or column does not pass the model's {@link #schema()}
   */
  public double[] probabilities(Table table) {
    double[] raw = classifier.probabilities(features(table));
    return calibrator.map(c -> c.calibrateAll(raw)).orElse(raw);
  }

  /** The features of one record that passes the schema. */
  private double[] features(Map<String, ?> record) {
    return pipeline.transformRow(schema.validate(record));
  }

  /** The features of every row of a table that passes the schema (rows named by 1-based position). */
  private FeatureMatrix features(Table table) {
    schema.check(table).requireValid("", i -> "row " + (i + 1));
    return pipeline.transform(table);
  }

  private double calibrate(double raw) {
    return calibrator.isPresent() ? calibrator.get().calibrate(raw) : raw;
  }

  /** The target this model predicts: its column and the value that means default. */
  public BinaryTarget target() {
    return new BinaryTarget(settings.target(), Optional.of(settings.positiveLabel()));
  }

  /** The calibrator applied to the classifier's raw scores, if any. */
  public Optional<Calibrator> calibrator() {
    return calibrator;
  }

  /** The risk grade letter of probability of default {@code p}. */
  public String grade(double p) {
    return grades.grade(p);
  }

  /** The risk-grade bands. */
  public RiskGrades riskGrades() {
    return grades;
  }

  /** The decision for probability of default {@code p}. */
  public Decision decide(double p) {
    double t = settings.threshold();
    if (reviewBand > 0 && p >= t - reviewBand && p < t + reviewBand) {
      return Decision.REVIEW;
    }
    return p >= t ? Decision.DECLINE : Decision.APPROVE;
  }

  /** Score points for probability of default {@code p}. */
  public long score(double p) {
    return scaling.points(p);
  }

  /** Probability, decision, score and principal reasons for one application. */
  public Assessment assess(Map<String, ?> record) {
    return assessRow(features(record));
  }

  /** {@link #assess} for every row of {@code table}. */
  public List<Assessment> assessAll(Table table) {
    FeatureMatrix x = features(table);
    List<Assessment> out = new ArrayList<>(x.rows());
    double[] row = new double[x.cols()];
    for (int i = 0; i < x.rows(); i++) {
      out.add(assessRow(x.copyRow(i, row)));
    }
    return out;
  }

  private Assessment assessRow(double[] features) {
    Explanation e = explainer.explain(features);
    double p = calibrate(e.probability());
    Decision d = decide(p);
    List<Reason> principal = reasons.of(features, e, d);
    List<String> texts = principal.stream().map(Reason::text).toList();
    return new Assessment(p, d, score(p), texts, e, grades.grade(p), principal);
  }

  /** How the prediction for one application came about, per source column. */
  public Explanation explain(Map<String, ?> record) {
    return explainer.explain(features(record));
  }

  /** Permutation importance of each input column on labelled held-out {@code table}. */
  public List<ColumnImportance> permutationImportance(Table table, int repeats, long seed) {
    int[] labels = target().labels(table);
    return PermutationImportance.of(classifier, pipeline.transform(table), labels, ScoringMetric.AUC, repeats, seed);
  }

  /** Metrics of this model on labelled {@code table} (e.g. a hold-out set) at the stored threshold. */
  public BinaryMetrics test(Table table) {
    int[] labels = target().labels(table);
    return BinaryMetrics.of(labels, probabilities(table), settings.threshold());
  }

  // ---- inspection -----------------------------------------------------------------------------

  /** The decision threshold on the probability of default. */
  public double threshold() {
    return settings.threshold();
  }

  /** Where this model came from: bankml version, backend, algorithm, hyperparameters, seed, data, metrics, date. */
  public Provenance provenance() {
    return provenance;
  }

  /** Everything this model decides with besides pipeline and classifier (what its bundle's manifest holds). */
  public LoanSettings settings() {
    return settings;
  }

  /**
   * What the model's input columns mean, as stored in its bundle when it was trained (empty for a
   * bundle written before bundles carried it).
   */
  public DataDictionary dataDictionary() {
    return dictionary;
  }

  /** The raw inputs the model reads, with training ranges, levels and a typical value (what a form pre-fills). */
  public List<InputField> inputSchema() {
    return pipeline.inputSchema();
  }

  /**
   * What the model accepts as input: the schema every entry point validates records and tables
   * against before scoring ({@link #assess}, {@link #probabilities} and the others check through it
   * too).
   */
  public InputSchema schema() {
    return schema;
  }

  /** The fitted feature pipeline. */
  public FittedPipeline pipeline() {
    return pipeline;
  }

  /** The trained classifier. */
  public Classifier classifier() {
    return classifier;
  }

  /** The score scaling. */
  public ScoreScaling scoreScaling() {
    return scaling;
  }

  // ---- persistence ----------------------------------------------------------------------------

  /** Writes the model as a bundle (kind {@code loan-model}); see {@link Saveable}. */
  @Override
  public void save(Path path, BundleKeys keys) {
    LoanBundle.write(path, keys, provenance, settings, pipeline, schema, classifier, dictionary);
  }

  /**
   * Reads a model saved by {@link #save}, verified with {@link LoadOptions#defaults()}: signed by a
   * trusted key, unchanged since, within the size limits, every setting in range.
   *
   * @throws BundleException if the bundle is refused (missing, corrupt, too large, altered,
   *     unsigned or signed by an untrusted key, another kind or format version, a value out of
   *     range), naming file, entry and problem
   * @throws BankmlException if the backend that trained it is not on the class path
   */
  public static LoanDefaultModel load(Path path) {
    return load(path, LoadOptions.defaults());
  }

  /** As {@link #load(Path)} with {@code options} (keys, limits, the opt-in for unsigned bundles). */
  public static LoanDefaultModel load(Path path, LoadOptions options) {
    LoanBundle.Contents c = LoanBundle.read(path, options);
    return new LoanDefaultModel(c.pipeline(), c.schema(), c.classifier(), c.provenance(), c.settings(), c.calibrator(), c.dictionary());
  }

  @Override
  public String toString() {
    return "LoanDefaultModel[" + provenance.backend() + " " + provenance.algorithm() + ", threshold " + settings.threshold()
        + "]";
  }
}
