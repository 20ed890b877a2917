package dev.bankml.web;

import dev.bankml.data.BankmlException;
import dev.bankml.data.ProgressListener;
import dev.bankml.data.bundle.LoadOptions;
import dev.bankml.data.io.BankFiles;
import dev.bankml.data.synth.SyntheticBank;
import dev.bankml.features.table.CsvTableReader;
import dev.bankml.features.table.Table;
import dev.bankml.features.view.LoanApplicationView;
import dev.bankml.models.loan.LoanDefaultModel;
import dev.bankml.models.loan.LoanDefaultOptions;
import dev.bankml.models.spi.Backends;
import dev.bankml.models.spi.ModelBackend;
import dev.bankml.models.tune.SearchStrategy;
import dev.bankml.recommender.Eligibility;
import dev.bankml.recommender.RecommenderSpec;
import dev.bankml.recommender.bank.BankHoldings;
import dev.bankml.recommender.eval.Evaluation;
import dev.bankml.recommender.eval.EvaluationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Prepares what {@code bankml serve} shows: a bank directory (the user's, or a synthetic one
 * generated into the cache the first time), loan models (the user's bundle, or one per backend
 * trained into the cache the first time on 80 % of the loan applications — the bank's
 * loan-application view: each loan with the customer as of the application and their transaction
 * aggregates), the model page's data on the other 20 %, the customer segmentation (k-means on the
 * customer-behaviour view, fitted into the cache the first time) and the product recommender with
 * its offline evaluation. Later runs reuse the cache.
 */
public final class Workspace {
  /** Customers of the default synthetic bank: enough for stable curves, quick to generate and train. */
  public static final int DEFAULT_CUSTOMERS = 4_000;
  /** Seed of the default bank, the split and training. */
  public static final long DEFAULT_SEED = 42;
  /** Bumped when the generator or a view changes what cached banks, models or segments contain. */
  private static final String CACHE_VERSION = "v3";
  /** The files trained models depend on (the loan-application view joins all three). */
  private static final List<String> MODEL_INPUTS =
      List.of(BankFiles.LOANS, BankFiles.CUSTOMERS, BankFiles.TRANSACTIONS);
  /** The files the segmentation depends on. */
  private static final List<String> SEGMENT_INPUTS =
      List.of(BankFiles.CUSTOMERS, BankFiles.TRANSACTIONS, BankFiles.LOANS, BankFiles.HOLDINGS);
  private static final double HOLDOUT_SHARE = 0.2;
  private static final int METRICS_K = 5;

  private Workspace() {}

  /**
   * What to serve.
   *
   * @param data a bank directory (as written by {@code bankml generate}); empty for the default bank
   * @param model a loan model bundle; empty to train models into the cache
   * @param cache where generated banks and trained models are kept
   * @param customers size of the synthetic bank generated when {@code data} is empty
   * @param trustUnsigned load {@code model} even if its signature cannot be verified (with a warning)
   */
  public record Spec(Optional<Path> data, Optional<Path> model, Path cache, int customers, boolean trustUnsigned) {
    /** Checks the bank size. */
    public Spec {
      if (customers < 1) {
        throw new BankmlException("customers is " + customers + "; must be at least 1");
      }
    }

    /** {@code data}, {@code model}, {@code cache} and {@code customers}, loading only a signed model. */
    public Spec(Optional<Path> data, Optional<Path> model, Path cache, int customers) {
      this(data, model, cache, customers, false);
    }

    /** {@code data}, {@code model} and {@code cache} with the default bank size, loading only a signed model. */
    public Spec(Optional<Path> data, Optional<Path> model, Path cache) {
      this(data, model, cache, DEFAULT_CUSTOMERS);
    }
  }

  /** {@code $BANKML_CACHE}, else {@code ~/.cache/bankml}. */
  public static Path defaultCache() {
    String env = System.getenv("BANKML_CACHE");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "bankml");
  }

  /**
   * Loads (generating and training the first time) everything in {@code spec}; {@code say}
   * receives one line per step for the person waiting.
   */
  public static UiSources prepare(Spec spec, ProgressListener progress, Consumer<String> say) {
    Path bankDir = spec.data().orElseGet(() -> defaultBank(spec.cache(), spec.customers(), progress, say));
    Path loansFile = bankDir.resolve(BankFiles.LOANS);
    if (!Files.isRegularFile(loansFile) || !Files.isRegularFile(bankDir.resolve(BankFiles.CUSTOMERS))) {
      throw new BankmlException(bankDir + " has no " + BankFiles.LOANS + " and " + BankFiles.CUSTOMERS
          + "; --data must be a bank directory written by 'bankml generate'");
    }
    say.accept("reading the loan applications of " + bankDir + " (loans joined with customers and transactions)");
    Table loans = LoanApplicationView.read(bankDir, progress);
    int[][] split = split(loans.rows(), DEFAULT_SEED);
    Table train = loans.selectRows(split[0]);
    Table holdout = loans.selectRows(split[1]);

    UiSources sources = UiSources.none();
    if (spec.model().isPresent()) {
      Path file = spec.model().get();
      say.accept("loading model " + file);
      LoanModelScorer scorer = new LoanModelScorer(
          LoanDefaultModel.load(file, LoadOptions.defaults().trustUnsigned(spec.trustUnsigned())));
      sources = sources.withScorer(scorer);
      try {
        Table rows = rowsFor(scorer.model(), loans, loansFile);
        sources = sources.withInsights(new LoanModelInsights(scorer.model(), rows, rows,
            scorer.label() + " on " + bankDir.getFileName() + " (may include its training rows)", DEFAULT_SEED));
      } catch (BankmlException e) {
        say.accept("model page unavailable: " + e.getMessage());
      }
    } else {
      // the view's columns are part of the key: a model cached before a view gained a column is not reused
      Path modelDir = spec.cache().resolve("models")
          .resolve(CACHE_VERSION + "-" + key(bankDir, MODEL_INPUTS, String.join(",", loans.columnNames())));
      for (ModelBackend backend : backends()) {
        LoanModelScorer scorer = new LoanModelScorer(cachedModel(modelDir, backend.name(), train, progress, say));
        sources = sources.withScorer(scorer);
        if (sources.insights().isEmpty()) {
          say.accept("evaluating " + scorer.label() + " on " + holdout.rows() + " held-out loans");
          sources = sources.withInsights(
              new LoanModelInsights(scorer.model(), holdout, train, scorer.label(), DEFAULT_SEED));
        }
      }
    }
    Path segmentDir = spec.cache().resolve("segments").resolve(CACHE_VERSION + "-" + key(bankDir, SEGMENT_INPUTS));
    Optional<SegmentsSource> segments = SegmentationCache.prepare(bankDir, segmentDir, DEFAULT_SEED, progress, say);
    if (segments.isPresent()) {
      sources = sources.withSegments(segments.get());
    }
    return withRecommender(sources, bankDir, say);
  }

  /**
   * The rows a user's bundle is evaluated on: the loan-application view when it has every input the
   * model takes (a bundle trained with {@code bankml train --data BANKDIR}), else {@code loans.csv}
   * as it is (a bundle trained on that file).
   */
  private static Table rowsFor(LoanDefaultModel model, Table view, Path loansFile) {
    boolean fits = model.inputSchema().stream().allMatch(f -> view.has(f.name()));
    return fits ? view : CsvTableReader.defaults().read(loansFile);
  }

  private static Path defaultBank(Path cache, int customers, ProgressListener progress, Consumer<String> say) {
    Path dir = cache.resolve("bank-" + CACHE_VERSION + "-" + customers + "-seed" + DEFAULT_SEED);
    if (Files.isRegularFile(dir.resolve(BankFiles.LOANS))) {
      say.accept("using the synthetic bank in " + dir);
      return dir;
    }
    say.accept("generating a synthetic bank of " + customers + " customers into " + dir + " (first run only)");
    try {
      Files.createDirectories(cache);
      Path tmp = Files.createTempDirectory(cache, ".bank-");
      SyntheticBank.builder().customers(customers).seed(DEFAULT_SEED).build().generate(tmp, progress);
      Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the synthetic bank into " + cache + ": " + e.getMessage(), e);
    }
    return dir;
  }

  private static List<ModelBackend> backends() {
    List<ModelBackend> all = new ArrayList<>(Backends.all());
    if (all.isEmpty()) {
      throw new BankmlException("no model backend is on the class path; add bank-models-tribuo or bank-models-smile");
    }
    all.sort(Comparator.comparing((ModelBackend b) -> !b.name().equals("tribuo")).thenComparing(ModelBackend::name));
    return all;
  }

  private static LoanDefaultModel cachedModel(
      Path dir, String backend, Table train, ProgressListener progress, Consumer<String> say) {
    Path file = dir.resolve("loan-" + backend + ".bankml");
    if (Files.isRegularFile(file)) {
      try {
        LoanDefaultModel m = LoanDefaultModel.load(file);
        say.accept("using the " + backend + " model in " + file);
        return m;
      } catch (BankmlException e) {
        say.accept("retraining: the cached model " + file + " was refused (" + e.getMessage() + ")");
      }
    }
    say.accept("training a " + backend + " logistic model on " + train.rows() + " loan applications (first run only)");
    LoanDefaultOptions.Builder options = LoanDefaultOptions.builder()
        .backend(backend)
        .algorithm("logistic")
        .tuning(new SearchStrategy.Defaults())
        .folds(3)
        .seed(DEFAULT_SEED)
        .pipeline(LoanApplicationView.pipeline()) // the view marks ids, target and ignored columns itself
        .progress(progress);
    LoanDefaultModel model = LoanDefaultModel.train(train, options.build());
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
    }
    model.save(file);
    return model;
  }

  private static UiSources withRecommender(UiSources sources, Path bankDir, Consumer<String> say) {
    if (!Files.isRegularFile(bankDir.resolve(BankFiles.HOLDINGS))) {
      say.accept("no " + BankFiles.HOLDINGS + " in " + bankDir + "; the recommendations page is off");
      return sources;
    }
    say.accept("fitting the product recommender");
    BankHoldings holdings = BankHoldings.read(bankDir);
    RecommenderSpec spec = RecommenderSpec.defaults();
    EvaluationReport report = Evaluation.run(spec, holdings.temporal(holdings.defaultCutoff()), METRICS_K,
        Eligibility.ALL, new int[0], holdings.propensity());
    return sources.withRecommendations(new BankRecommendations(holdings, spec, report));
  }

  /** Training and held-out row indices: a seeded shuffle, {@link #HOLDOUT_SHARE} held out. */
  static int[][] split(int rows, long seed) {
    int[] order = IntStream.range(0, rows).toArray();
    Random random = new Random(seed);
    for (int i = rows - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int held = (int) Math.round(rows * HOLDOUT_SHARE);
    int[] holdout = java.util.Arrays.copyOfRange(order, 0, held);
    int[] train = java.util.Arrays.copyOfRange(order, held, rows);
    java.util.Arrays.sort(holdout);
    java.util.Arrays.sort(train);
    return new int[][] {train, holdout};
  }

  /** Identifies a bank directory's {@code files} by the directory's path and their sizes and modification times. */
  private static String key(Path bankDir, List<String> files) {
    return key(bankDir, files, "");
  }

  /** As {@link #key(Path, List)}, also covering {@code extra} (e.g. the columns a model was trained on). */
  private static String key(Path bankDir, List<String> files, String extra) {
    StringBuilder id = new StringBuilder(bankDir.toAbsolutePath().normalize().toString()).append('|').append(extra);
    for (String name : files) {
      Path file = bankDir.resolve(name);
      try {
        if (Files.isRegularFile(file)) {
          id.append('|').append(name).append('|').append(Files.size(file)).append('|')
              .append(Files.getLastModifiedTime(file).toMillis());
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
