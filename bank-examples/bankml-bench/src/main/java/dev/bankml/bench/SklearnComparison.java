package dev.bankml.bench;

import dev.bankml.data.ProgressListener;
import dev.bankml.data.domain.Holding;
import dev.bankml.data.io.BankCsvReader;
import dev.bankml.data.io.BankFiles;
import dev.bankml.data.io.BankTable;
import dev.bankml.features.FeatureMatrix;
import dev.bankml.features.pipeline.Columns;
import dev.bankml.features.pipeline.FeaturePipeline;
import dev.bankml.features.pipeline.FittedPipeline;
import dev.bankml.features.pipeline.Impute;
import dev.bankml.features.pipeline.Scale;
import dev.bankml.features.table.BinaryTarget;
import dev.bankml.features.table.ColumnRole;
import dev.bankml.features.table.ColumnType;
import dev.bankml.features.table.CsvTableReader;
import dev.bankml.features.table.CsvTableWriter;
import dev.bankml.features.table.Table;
import dev.bankml.features.view.CustomerBehaviourView;
import dev.bankml.features.view.LoanApplicationView;
import dev.bankml.models.metrics.RocAuc;
import dev.bankml.models.spi.AlgorithmSpec;
import dev.bankml.models.spi.Backends;
import dev.bankml.models.spi.Classifier;
import dev.bankml.models.spi.Hyperparameters;
import dev.bankml.models.spi.ModelBackend;
import dev.bankml.models.spi.Task;
import dev.bankml.models.split.Split;
import dev.bankml.models.split.StratifiedSplit;
import dev.bankml.recommender.InteractionMatrix;
import dev.bankml.recommender.ItemRecommender;
import dev.bankml.recommender.RecommenderSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * bankml's side of {@code benchmarks/compare-sklearn.sh}. {@code export BANKDIR OUTDIR} writes the
 * loan-application view split into {@code loans_train.csv}/{@code loans_test.csv} (stratified,
 * seeded) and the customer-behaviour view {@code customers_view.csv}, with only feature, target and
 * id columns. {@code run OUTDIR BANKDIR} trains every classifier of every backend with its default
 * hyperparameters on the same split, k-means (k = 6) on the customer view, and the item-item
 * recommender on the holdings, and prints one JSON object per line: task, backend, algorithm, auc,
 * seconds. Reading files is not timed; fitting the feature pipeline is, as on scikit-learn's side.
 * Every timed fit follows an untimed warm-up fit on the first 2,000 rows (JIT compilation and class
 * loading are a one-off cost of a long-running JVM, as imports are of a Python process).
 * {@code fit DIR BACKEND ALGORITHM} (for {@code benchmarks/scale-sklearn.sh}) trains one classifier
 * the same way on {@code DIR/loans_train.csv} and scores {@code DIR/loans_test.csv}.
 */
public final class SklearnComparison {
  private static final long SEED = 7;
  private static final String ALL_TASKS = "loan-default,segmentation,recommender";
  /** Rows of the untimed warm-up fit that precedes every timed fit. */
  private static final int WARM_UP_ROWS = 2_000;

  private SklearnComparison() {}

  /** Entry point; see the class comment. */
  public static void main(String[] args) {
    if (args.length == 3 && args[0].equals("export")) {
      export(Path.of(args[1]), Path.of(args[2]));
    } else if (args.length == 4 && args[0].equals("fit")) {
      fitOne(Path.of(args[1]), Backends.named(args[2]), Backends.algorithm(Backends.named(args[2]), args[3], Task.CLASSIFICATION));
    } else if ((args.length == 3 || args.length == 4) && args[0].equals("run")) {
      run(Path.of(args[1]), Path.of(args[2]), Set.of((args.length == 4 ? args[3] : ALL_TASKS).split(",")));
    } else {
      System.err.println("usage: SklearnComparison export BANKDIR OUTDIR | run OUTDIR BANKDIR [" + ALL_TASKS + "]"
          + " | fit DIR BACKEND ALGORITHM");
      System.exit(2);
    }
  }

  static void export(Path bankDir, Path out) {
    Table loans = modelColumns(LoanApplicationView.read(bankDir, ProgressListener.NONE));
    int[] y = labels(loans);
    Split split = StratifiedSplit.trainTest(y, 0.25, SEED);
    CsvTableWriter.write(loans.selectRows(split.train()), out.resolve("loans_train.csv"));
    CsvTableWriter.write(loans.selectRows(split.test()), out.resolve("loans_test.csv"));
    CsvTableWriter.write(modelColumns(CustomerBehaviourView.read(bankDir, ProgressListener.NONE)),
        out.resolve("customers_view.csv"));
  }

  static void run(Path dir, Path bankDir, Set<String> tasks) {
    if (tasks.contains("loan-default")) {
      loanDefault(dir);
    }
    if (tasks.contains("segmentation")) {
      segmentation(dir);
    }
    if (tasks.contains("recommender")) {
      recommender(bankDir);
    }
  }

  private static void loanDefault(Path dir) {
    for (ModelBackend backend : Backends.all()) {
      for (AlgorithmSpec algorithm : Backends.algorithms(backend, Task.CLASSIFICATION)) {
        fitOne(dir, backend, algorithm);
      }
    }
  }

  /** Trains {@code algorithm} on {@code dir}'s training file after an untimed warm-up and emits its test AUC and seconds. */
  private static void fitOne(Path dir, ModelBackend backend, AlgorithmSpec algorithm) {
    CsvTableReader reader = CsvTableReader.builder()
        .role("loan_id", ColumnRole.ID).role("customer_id", ColumnRole.ID)
        .role("defaulted", ColumnRole.TARGET).build();
    Table train = reader.read(dir.resolve("loans_train.csv"));
    Table test = reader.read(dir.resolve("loans_test.csv"));
    int[] yTrain = labels(train);
    int[] yTest = labels(test);
    // an untimed fit on a small slice first, so the timed fit measures the algorithm rather than
    // class loading and JIT compilation (scikit-learn's imports are not timed either)
    int[] slice = firstRows(Math.min(WARM_UP_ROWS, train.rows()));
    fitLoanModel(backend, algorithm, train.selectRows(slice), labels(train.selectRows(slice)));
    long t0 = System.nanoTime();
    Fitted fitted = fitLoanModel(backend, algorithm, train, yTrain);
    double seconds = (System.nanoTime() - t0) / 1e9;
    FittedPipeline pipeline = fitted.pipeline();
    Classifier model = fitted.model();
    double auc = RocAuc.of(yTest, model.probabilities(pipeline.transform(test)));
    System.out.printf(Locale.ROOT, "{\"task\":\"loan-default\",\"backend\":\"%s\",\"algorithm\":\"%s\",\"auc\":%.4f,"
        + "\"seconds\":%.3f,\"train_rows\":%d,\"test_rows\":%d,\"features\":%d}%n", backend.name(), algorithm.name(), auc,
        seconds, train.rows(), test.rows(), pipeline.featureNames().size());
  }

  private static void segmentation(Path dir) {
    Table customers = CsvTableReader.builder().role("customer_id", ColumnRole.ID).build()
        .read(dir.resolve("customers_view.csv"));
    List<String> numeric = new ArrayList<>();
    for (String name : customers.namesWithRole(ColumnRole.FEATURE)) {
      if (customers.column(name).type() == ColumnType.NUMERIC) {
        numeric.add(name);
      }
    }
    FeatureMatrix x = FeaturePipeline.builder()
        .add(Impute.median(Columns.numeric()))
        .add(Scale.standard(Columns.numeric()))
        .build().fit(customers.select(numeric)).transform(customers.select(numeric));
    for (ModelBackend backend : Backends.all()) {
      if (Backends.algorithms(backend, Task.CLUSTERING).stream().anyMatch(a -> a.name().equals("kmeans"))) {
        backend.clusteringTrainer("kmeans", new Hyperparameters(Map.of("k", 6)), SEED)
            .fit(x.selectRows(firstRows(Math.min(WARM_UP_ROWS, x.rows()))));
        long t0 = System.nanoTime();
        backend.clusteringTrainer("kmeans", new Hyperparameters(Map.of("k", 6)), SEED).fit(x);
        emit("segmentation", backend.name(), "kmeans", Double.NaN, (System.nanoTime() - t0) / 1e9);
      }
    }
  }

  private static void recommender(Path bankDir) {
    List<Holding> holdings = BankCsvReader.strict()
        .read(BankTable.HOLDINGS, bankDir.resolve(BankFiles.HOLDINGS)).records();
    Map<String, Integer> customers = new HashMap<>();
    Map<String, Integer> products = new HashMap<>();
    int[] c = new int[holdings.size()];
    int[] p = new int[holdings.size()];
    for (int i = 0; i < c.length; i++) {
      c[i] = customers.computeIfAbsent(holdings.get(i).customerId(), k -> customers.size());
      p[i] = products.computeIfAbsent(holdings.get(i).productId(), k -> products.size());
    }
    RecommenderSpec spec = RecommenderSpec.builder().blendWeight(0).build();
    InteractionMatrix warm = InteractionMatrix.binary(customers.size(), products.size(), c, p);
    spec.fit(warm).recommendAll(warm, 7);
    long t0 = System.nanoTime();
    InteractionMatrix m = InteractionMatrix.binary(customers.size(), products.size(), c, p);
    ItemRecommender model = spec.fit(m);
    model.recommendAll(m, 7);
    emit("recommender", "bankml", "item-item-cosine", Double.NaN, (System.nanoTime() - t0) / 1e9);
  }

  /** A fitted default pipeline and the classifier trained on its output. */
  private record Fitted(FittedPipeline pipeline, Classifier model) {}

  private static Fitted fitLoanModel(ModelBackend backend, AlgorithmSpec algorithm, Table train, int[] y) {
    FittedPipeline pipeline = FeaturePipeline.builder().addAll(FeaturePipeline.defaultSteps())
        .target("defaulted").build().fit(train);
    Classifier model = backend.classifierTrainer(algorithm.name(), Hyperparameters.DEFAULTS, SEED)
        .fit(pipeline.transform(train), y);
    return new Fitted(pipeline, model);
  }

  private static int[] firstRows(int n) {
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) {
      rows[i] = i;
    }
    return rows;
  }

  /** The feature, target and id columns: truth and ignored columns never leave the JVM. */
  private static Table modelColumns(Table t) {
    List<String> keep = new ArrayList<>();
    for (String name : t.columnNames()) {
      ColumnRole role = t.role(name);
      if (role == ColumnRole.FEATURE || role == ColumnRole.TARGET || role == ColumnRole.ID) {
        keep.add(name);
      }
    }
    return t.select(keep);
  }

  /** The 0/1 labels of the {@code defaulted} column (the one label rule, {@link BinaryTarget}). */
  private static int[] labels(Table t) {
    return BinaryTarget.of("defaulted").labels(t);
  }

  private static void emit(String task, String backend, String algorithm, double auc, double seconds) {
    System.out.printf(Locale.ROOT, "{\"task\":\"%s\",\"backend\":\"%s\",\"algorithm\":\"%s\",%s\"seconds\":%.3f}%n",
        task, backend, algorithm, Double.isNaN(auc) ? "" : String.format(Locale.ROOT, "\"auc\":%.4f,", auc), seconds);
  }
}
