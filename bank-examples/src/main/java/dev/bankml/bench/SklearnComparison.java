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
import dev.bankml.features.table.BooleanColumn;
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

/**
 * bankml's side of {@code benchmarks/compare-sklearn.sh}. {@code export BANKDIR OUTDIR} writes the
 * loan-application view split into {@code loans_train.csv}/{@code loans_test.csv} (stratified,
 * seeded) and the customer-behaviour view {@code customers_view.csv}, with only feature, target and
 * id columns. {@code run OUTDIR BANKDIR} trains every classifier of every backend with its default
 * hyperparameters on the same split, k-means (k = 6) on the customer view, and the item-item
 * recommender on the holdings, and prints one JSON object per line: task, backend, algorithm, auc,
 * seconds. Reading files is not timed; fitting the feature pipeline is, as on scikit-learn's side.
 */
public final class SklearnComparison {
  private static final long SEED = 7;

  private SklearnComparison() {}

  /** Entry point; see the class comment. */
  public static void main(String[] args) {
    if (args.length == 3 && args[0].equals("export")) {
      export(Path.of(args[1]), Path.of(args[2]));
    } else if (args.length == 3 && args[0].equals("run")) {
      run(Path.of(args[1]), Path.of(args[2]));
    } else {
      System.err.println("usage: SklearnComparison export BANKDIR OUTDIR | run OUTDIR BANKDIR");
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

  static void run(Path dir, Path bankDir) {
    CsvTableReader reader = CsvTableReader.builder()
        .role("loan_id", ColumnRole.ID).role("customer_id", ColumnRole.ID)
        .role("defaulted", ColumnRole.TARGET).type("defaulted", ColumnType.BOOLEAN).build();
    Table train = reader.read(dir.resolve("loans_train.csv"));
    Table test = reader.read(dir.resolve("loans_test.csv"));
    int[] yTrain = labels(train);
    int[] yTest = labels(test);
    for (ModelBackend backend : Backends.all()) {
      for (AlgorithmSpec algorithm : Backends.algorithms(backend, Task.CLASSIFICATION)) {
        long t0 = System.nanoTime();
        FittedPipeline pipeline = FeaturePipeline.builder().addAll(FeaturePipeline.defaultSteps())
            .target("defaulted").build().fit(train);
        Classifier model = backend.classifierTrainer(algorithm.name(), Hyperparameters.DEFAULTS, SEED)
            .fit(pipeline.transform(train), yTrain);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double auc = RocAuc.of(yTest, model.probabilities(pipeline.transform(test)));
        emit("loan-default", backend.name(), algorithm.name(), auc, seconds);
      }
    }
    Table customers = reader.read(dir.resolve("customers_view.csv"));
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
        long t0 = System.nanoTime();
        backend.clustererTrainer("kmeans", new Hyperparameters(Map.of("k", 6)), SEED).fit(x);
        emit("segmentation", backend.name(), "kmeans", Double.NaN, (System.nanoTime() - t0) / 1e9);
      }
    }
    recommender(bankDir);
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
    long t0 = System.nanoTime();
    InteractionMatrix m = InteractionMatrix.binary(customers.size(), products.size(), c, p);
    ItemRecommender model = RecommenderSpec.builder().blendWeight(0).build().fit(m);
    model.recommendAll(m, 7);
    emit("recommender", "bankml", "item-item-cosine", Double.NaN, (System.nanoTime() - t0) / 1e9);
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

  private static int[] labels(Table t) {
    BooleanColumn target = t.bool("defaulted");
    int[] y = new int[t.rows()];
    for (int i = 0; i < y.length; i++) {
      y[i] = target.state(i) == 1 ? 1 : 0;
    }
    return y;
  }

  private static void emit(String task, String backend, String algorithm, double auc, double seconds) {
    System.out.printf(Locale.ROOT, "{\"task\":\"%s\",\"backend\":\"%s\",\"algorithm\":\"%s\",%s\"seconds\":%.3f}%n",
        task, backend, algorithm, Double.isNaN(auc) ? "" : String.format(Locale.ROOT, "\"auc\":%.4f,", auc), seconds);
  }
}
