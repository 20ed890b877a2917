package dev.bankml.web;

import dev.bankml.data.BankmlException;
import dev.bankml.data.SettingException;
import dev.bankml.data.ProgressListener;
import dev.bankml.data.bundle.LoadOptions;
import dev.bankml.data.domain.Product;
import dev.bankml.data.io.BankCsvReader;
import dev.bankml.data.io.BankFiles;
import dev.bankml.data.io.BankTable;
import dev.bankml.data.synth.SyntheticBank;
import dev.bankml.features.dictionary.DataDictionary;
import dev.bankml.features.table.CsvTableReader;
import dev.bankml.features.table.Table;
import dev.bankml.features.view.LoanApplicationView;
import dev.bankml.models.loan.LoanDefaultModel;
import dev.bankml.models.loan.LoanDefaultOptions;
import dev.bankml.models.spi.Backends;
import dev.bankml.models.spi.ModelBackend;
import dev.bankml.models.tune.SearchStrategy;
import dev.bankml.recommender.OfferFilter;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Prepares what {@code bankml serve} shows: a bank directory (the user's, or a synthetic one
 * generated into the cache the first time), loan models (the user's bundles, or the demo models —
 * a logistic scorecard and a gradient-boosting challenger — trained into the cache the first time on
 * 80 % of the loan applications: the bank's loan-application view, each loan with the customer as
 * of the application and their transaction aggregates), the model page's data on the other 20 %,
 * every customer as an applicant today (to fill the loan form from a customer id), the data
 * dictionary, the customer segmentation (k-means on the customer-behaviour view, fitted into the
 * cache the first time) and the product recommender with its offline evaluation. Later runs reuse
 * the cache.
 */
public final class Workspace {
  /** Customers of the default synthetic bank: enough for smooth curves, quick to generate and train. */
  public static final int DEFAULT_CUSTOMERS = 4_000;
  /** Seed of the default bank, the split and training. */
  public static final long DEFAULT_SEED = 42;
  /** Bumped when the generator, a view or the demo models change what cached banks, models or segments contain. */
  private static final String CACHE_VERSION = "v4";
  /** The files trained models depend on (the loan-application view joins all three). */
  private static final List<String> MODEL_INPUTS =
      List.of(BankFiles.LOANS, BankFiles.CUSTOMERS, BankFiles.TRANSACTIONS);
  /** The files the segmentation depends on. */
  private static final List<String> SEGMENT_INPUTS =
      List.of(BankFiles.CUSTOMERS, BankFiles.TRANSACTIONS, BankFiles.LOANS, BankFiles.HOLDINGS);
  private static final double HOLDOUT_SHARE = 0.2;
  private static final int METRICS_K = 5;
  /**
   * The demo's models, one per role, each the first candidate whose backend is on the class path: a
   * logistic scorecard (what a bank files with its regulator) and a gradient-boosting challenger
   * (XGBoost, the default backend; Smile's when XGBoost is absent). Both train with their backend's
   * fixed defaults (no hyperparameter search), so the first run of the demo stays quick.
   */
  static final List<List<DemoModel>> DEMO_MODELS = List.of(
      List.of(new DemoModel("tribuo", "logistic", "scorecard"), new DemoModel("smile", "logistic", "scorecard"),
          new DemoModel("xgboost", "logistic", "scorecard")),
      List.of(new DemoModel("xgboost", "gradient-boosting", "challenger"),
          new DemoModel("smile", "gradient-boosting", "challenger")));

  /** One demo model: backend, algorithm and its role. */
  record DemoModel(String backend, String algorithm, String role) {}

  private Workspace() {}

  /**
   * What to serve.
   *
   * @param data a bank directory (as written by {@code bankml generate}); empty for the default bank
   * @param models loan model bundles; empty to train the demo models into the cache
   * @param cache where generated banks and trained models are kept
   * @param customers size of the synthetic bank generated when {@code data} is empty
   * @param dictionary a data-dictionary CSV overriding the built-in labels; empty for none
   * @param trustUnsigned load {@code models} even if their signature cannot be verified (with a warning)
   */
  public record Spec(Optional<Path> data, List<Path> models, Path cache, int customers, Optional<Path> dictionary,
      boolean trustUnsigned) {
    /** Checks the bank size and copies the list. */
    public Spec {
      models = List.copyOf(models);
      if (customers < 1) {
        throw new BankmlException("customers is " + customers + "; must be at least 1");
      }
    }

    /** As the canonical constructor, loading only signed models. */
    public Spec(Optional<Path> data, List<Path> models, Path cache, int customers, Optional<Path> dictionary) {
      this(data, models, cache, customers, dictionary, false);
    }

    /** {@code data}, at most one {@code model} and {@code cache} with the default bank size and no dictionary file. */
    public Spec(Optional<Path> data, Optional<Path> model, Path cache) {
      this(data, model.map(List::of).orElse(List.of()), cache, DEFAULT_CUSTOMERS, Optional.empty());
    }

    /** As {@link #Spec(Optional, Optional, Path)} with a bank size. */
    public Spec(Optional<Path> data, Optional<Path> model, Path cache, int customers) {
      this(data, model.map(List::of).orElse(List.of()), cache, customers, Optional.empty());
    }
  }

  /** {@code $BANKML_CACHE}, else {@code $XDG_CACHE_HOME/bankml}, else {@code $HOME/.cache/bankml}. */
  public static Path defaultCache() {
    return defaultCache(System.getenv());
  }

  /** {@link #defaultCache()} for the given environment variables. */
  static Path defaultCache(Map<String, String> env) {
    String explicit = env.get("BANKML_CACHE");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String xdg = env.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, "bankml");
    }
    String home = env.get("HOME");
    if (home == null || home.isBlank()) {
      home = System.getProperty("user.home");
    }
    return Path.of(home, ".cache", "bankml");
  }

  /**
   * Loads (generating and training the first time) everything in {@code spec}; {@code say}
   * receives one line per step for the person waiting.
   */
  public static UiSources prepare(Spec spec, ProgressListener progress, Consumer<String> say) {
    Path bankDir = spec.data().orElseGet(() -> defaultBank(spec.cache(), spec.customers(), progress, say));
    Path loansFile = bankDir.resolve(BankFiles.LOANS);
    if (!Files.isRegularFile(loansFile) || !Files.isRegularFile(bankDir.resolve(BankFiles.CUSTOMERS))) {
      throw new SettingException("data", bankDir + " has no " + BankFiles.LOANS + " and " + BankFiles.CUSTOMERS
          + "; the data must be a bank directory written by 'bankml generate'");
    }
    Optional<DataDictionary> overrides = spec.dictionary().map(DataDictionary::read);
    DataDictionary dictionary = dictionary(bankDir, overrides);
    say.accept("reading the loan applications of " + bankDir + " (loans joined with customers and transactions)");
    Table loans = LoanApplicationView.read(bankDir, progress);
    int[][] split = split(loans.rows(), DEFAULT_SEED);
    Table train = loans.selectRows(split[0]);
    Table holdout = loans.selectRows(split[1]);

    UiSources sources = UiSources.none().withDictionary(dictionary);
    if (!spec.models().isEmpty()) {
      for (Path file : spec.models()) {
        say.accept("loading model " + file);
        LoanDefaultModel model = LoanDefaultModel.load(file, LoadOptions.defaults().trustUnsigned(spec.trustUnsigned()));
        // the bundle's descriptions of its inputs win over the built-in ones; the --dictionary file over both
        dictionary = dictionary.withOverrides(model.dataDictionary());
        if (overrides.isPresent()) {
          dictionary = dictionary.withOverrides(overrides.get());
        }
        sources = sources.withDictionary(dictionary);
        boolean fits = fits(model, loans);
        Table rows = fits ? loans : CsvTableReader.defaults().read(loansFile);
        LoanModelScorer scorer = new LoanModelScorer(model, MedianApplicant.of(rows, names(model)));
        sources = sources.withScorer(scorer);
        try {
          sources = sources.withInsights(new LoanModelInsights(model, rows, rows, scorer.label(),
              "all " + rows.rows() + " applications of " + bankDir.getFileName()
                  + ", which may include its training rows", false, DEFAULT_SEED));
        } catch (BankmlException e) {
          say.accept("model page unavailable for " + file + ": " + e.getMessage());
        }
      }
    } else {
      // the view's columns are part of the key: a model cached before a view gained a column is not reused
      Path modelDir = spec.cache().resolve("models")
          .resolve(CACHE_VERSION + "-" + key(bankDir, MODEL_INPUTS, String.join(",", loans.columnNames())));
      Map<String, String> typical = MedianApplicant.of(train, loans.columnNames());
      for (DemoModel demo : demoModels()) {
        LoanDefaultModel model = cachedModel(modelDir, demo, train, dictionary, progress, say);
        LoanModelScorer scorer = new LoanModelScorer(model, typical);
        sources = sources.withScorer(scorer);
        sources = sources.withInsights(new LoanModelInsights(model, holdout, train, scorer.label(),
            holdout.rows() + " held-out applications (" + Math.round(100 * HOLDOUT_SHARE)
                + " % of the bank's, never used in training)", true, DEFAULT_SEED));
      }
    }
    LocalDate asOf = applicantsDay(loans);
    say.accept("reading every customer as an applicant on " + asOf + " (for the loan form's customer id)");
    sources = sources.withApplicants(new TableApplicants(LoanApplicationView.applicantsAsOf(bankDir, asOf, progress), asOf));
    Path segmentDir = spec.cache().resolve("segments").resolve(CACHE_VERSION + "-" + key(bankDir, SEGMENT_INPUTS));
    Optional<SegmentsSource> segments =
        SegmentationCache.prepare(bankDir, segmentDir, DEFAULT_SEED, progress, say, dictionary);
    if (segments.isPresent()) {
      sources = sources.withSegments(segments.get());
    }
    return withRecommender(sources, bankDir, say);
  }

  /** The built-in dictionary with the bank's product names and the {@code overrides} (a --dictionary file). */
  private static DataDictionary dictionary(Path bankDir, Optional<DataDictionary> overrides) {
    DataDictionary d = DataDictionary.bank();
    Path products = bankDir.resolve(BankFiles.PRODUCTS);
    if (Files.isRegularFile(products)) {
      Map<String, String> names = new LinkedHashMap<>();
      for (Product p : BankCsvReader.strict().read(BankTable.PRODUCTS, products).records()) {
        names.put(p.productId(), p.name());
      }
      d = d.withLevels("product_id", names);
    }
    return overrides.map(d::withOverrides).orElse(d);
  }

  /**
   * The day the loan form's customers are described as of: today, or the day after the bank's
   * latest loan application when its data end earlier (a synthetic bank lives in the past).
   */
  static LocalDate applicantsDay(Table loans) {
    LocalDate today = LocalDate.now();
    if (!loans.has("application_date")) {
      return today;
    }
    LocalDate last = null;
    var dates = loans.column("application_date");
    for (int i = 0; i < loans.rows(); i++) {
      if (!dates.isMissing(i)) {
        LocalDate d = LocalDate.parse(dates.text(i));
        last = last == null || d.isAfter(last) ? d : last;
      }
    }
    return last == null || !last.plusDays(1).isBefore(today) ? today : last.plusDays(1);
  }

  private static List<String> names(LoanDefaultModel model) {
    return model.inputSchema().stream().map(dev.bankml.features.pipeline.InputField::name).toList();
  }

  /** Whether the loan-application view has every input the model takes (a bundle trained with {@code --data BANKDIR}). */
  private static boolean fits(LoanDefaultModel model, Table view) {
    return model.inputSchema().stream().allMatch(f -> view.has(f.name()));
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

  /** Per role of {@link #DEMO_MODELS}, the first model whose backend is on the class path; a logistic model per backend when none is. */
  static List<DemoModel> demoModels() {
    List<ModelBackend> all = new ArrayList<>(Backends.all());
    if (all.isEmpty()) {
      throw new BankmlException("no model backend is on the class path; add one of bank-models-xgboost, "
          + "bank-models-tribuo or bank-models-smile");
    }
    List<String> names = all.stream().map(ModelBackend::name).toList();
    List<DemoModel> out = new ArrayList<>();
    for (List<DemoModel> role : DEMO_MODELS) {
      role.stream().filter(d -> names.contains(d.backend())).findFirst().ifPresent(out::add);
    }
    if (!out.isEmpty()) {
      return out;
    }
    all.sort(Comparator.comparing(ModelBackend::name));
    return all.stream().map(b -> new DemoModel(b.name(), "logistic", "scorecard")).toList();
  }

  private static LoanDefaultModel cachedModel(
      Path dir, DemoModel demo, Table train, DataDictionary dictionary, ProgressListener progress, Consumer<String> say) {
    Path file = dir.resolve("loan-" + demo.backend() + "-" + demo.algorithm() + ".bankml");
    if (Files.isRegularFile(file)) {
      try {
        LoanDefaultModel m = LoanDefaultModel.load(file);
        say.accept("using the " + demo.backend() + " " + demo.algorithm() + " model in " + file);
        return m;
      } catch (BankmlException e) {
        say.accept("retraining: the cached model " + file + " was refused (" + e.getMessage() + ")");
      }
    }
    say.accept("training the " + demo.role() + ": a " + demo.backend() + " " + demo.algorithm() + " model on "
        + train.rows() + " loan applications (first run only)");
    LoanDefaultOptions.Builder options = LoanDefaultOptions.builder()
        .backend(demo.backend())
        .algorithm(demo.algorithm())
        .tuning(new SearchStrategy.Defaults())
        .folds(3)
        .seed(DEFAULT_SEED)
        .pipeline(LoanApplicationView.pipeline()) // the view marks ids, target and ignored columns itself
        .dictionary(dictionary)
        .progress(progress);
    LoanDefaultModel model = options.build().fit(train);
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
    LocalDate cutoff = holdings.defaultCutoff();
    dev.bankml.recommender.eval.Holdout split = holdings.temporal(cutoff);
    EvaluationReport report = Evaluation.run(spec, split, METRICS_K, OfferFilter.ALL, new int[0], holdings.propensity());
    RecommendationsSource.Evaluation method = new RecommendationsSource.Evaluation(
        "temporal split: fitted on the holdings opened before " + cutoff + ", asked to rank the products each "
            + "customer opened on or after it (the last year), against recommending the most popular products",
        cutoff.toString(), split.evaluatedCustomers(), METRICS_K);
    return sources.withRecommendations(new BankRecommendations(holdings, spec, report, method));
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
