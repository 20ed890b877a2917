package dev.bankml.bench;

import dev.bankml.features.FeatureMatrix;
import dev.bankml.features.pipeline.FeaturePipeline;
import dev.bankml.features.pipeline.FittedPipeline;
import dev.bankml.features.table.ColumnType;
import dev.bankml.features.table.Table;
import dev.bankml.models.spi.Classifier;
import dev.bankml.models.spi.Hyperparameters;
import dev.bankml.models.spi.ModelBackend;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the backends' benchmarks share: the synthetic loan applications (9 numeric and 3 categorical
 * columns through the default feature pipeline, about 20 % defaults) and customers (12 behaviour
 * features in 6 overlapping groups), prepared once per trial, and the benchmarks every backend
 * runs the same way: training logistic regression and the random forest on 10k and 100k rows, and
 * k-means (k = 6) on 100k and 1M customers. Each backend's subclass adds its boosting model and the
 * scoring benchmarks; JMH names the inherited benchmarks after the subclass.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-XX:+UseParallelGC"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public abstract class BackendBenchmark {
  /** The backend measured. */
  abstract ModelBackend backend();

  /**
   * A model of one algorithm trained on the 10k applications once per trial, so only the benchmarks
   * that score with it pay for it; each backend names its models with small subclasses.
   */
  public abstract static class Trained {
    private final ModelBackend backend;
    private final String algorithm;
    Classifier model;

    Trained(ModelBackend backend, String algorithm) {
      this.backend = backend;
      this.algorithm = algorithm;
    }

    /** Trains once per trial. */
    @Setup(Level.Trial)
    public void setUp(Loans loans) {
      model = backend.classifierTrainer(algorithm, Hyperparameters.DEFAULTS, 1).fit(loans.x10k, loans.y10k);
    }
  }

  /** Loan applications and the fitted default pipeline, prepared once. */
  @State(Scope.Benchmark)
  public static class Loans {
    FittedPipeline pipeline;
    FeatureMatrix x10k;
    int[] y10k;
    FeatureMatrix x100k;
    int[] y100k;
    List<Map<String, Object>> applications;
    int next;

    /** Generates the data outside every measurement. */
    @Setup(Level.Trial)
    public void setUp() {
      java.util.logging.Logger.getLogger("org.tribuo").setLevel(java.util.logging.Level.WARNING);
      LoanData d = LoanData.generate();
      pipeline = d.pipeline();
      x100k = d.x100k();
      y100k = d.y100k();
      x10k = d.x10k();
      y10k = d.y10k();
      applications = d.applications();
    }

    Map<String, Object> nextApplication() {
      next = (next + 1) & 1023;
      return applications.get(next);
    }
  }

  /**
   * 100k synthetic applications (seed 42) through the fitted default pipeline, their first 10k, and
   * 1,024 raw applications for single-row scoring; the same data for both backends' benchmarks.
   */
  record LoanData(FittedPipeline pipeline, FeatureMatrix x100k, int[] y100k, FeatureMatrix x10k, int[] y10k,
      List<Map<String, Object>> applications) {
    static LoanData generate() {
      List<Map<String, Object>> records = new ArrayList<>();
      int[] y = new int[100_000];
      SplittableRandom r = new SplittableRandom(42);
      for (int i = 0; i < y.length; i++) {
        records.add(application(r));
        y[i] = r.nextDouble() < truePd(records.get(i)) ? 1 : 0;
      }
      Map<String, ColumnType> schema = new LinkedHashMap<>();
      records.get(0).forEach((k, v) -> schema.put(k, v instanceof String ? ColumnType.CATEGORICAL : ColumnType.NUMERIC));
      Table all = Table.fromRecords(records, schema);
      FittedPipeline pipeline = FeaturePipeline.defaults().fit(all);
      FeatureMatrix x100k = pipeline.transform(all);
      return new LoanData(pipeline, x100k, y, firstRows(x100k, 10_000), java.util.Arrays.copyOf(y, 10_000),
          records.subList(0, 1024));
    }
  }

  /** The first {@code n} rows of {@code x}. */
  static FeatureMatrix firstRows(FeatureMatrix x, int n) {
    int[] first = new int[n];
    for (int i = 0; i < n; i++) {
      first[i] = i;
    }
    return x.selectRows(first);
  }

  static Map<String, Object> application(SplittableRandom r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("amount", Math.exp(9 + r.nextDouble() * 2));
    m.put("term_months", (double) (12 * (1 + r.nextInt(5))));
    m.put("interest_rate", 3 + 15 * r.nextDouble());
    m.put("annual_income", Math.exp(10 + r.nextDouble() * 1.5));
    m.put("debt_to_income", 0.6 * r.nextDouble());
    m.put("credit_score", 500 + 350 * r.nextDouble());
    m.put("delinquencies", (double) r.nextInt(4));
    m.put("recent_inquiries", (double) r.nextInt(6));
    m.put("employment_years", r.nextDouble() < 0.05 ? Double.NaN : 30 * r.nextDouble());
    m.put("grade", String.valueOf((char) ('A' + r.nextInt(7))));
    m.put("purpose", List.of("car", "home", "debt", "education", "business", "other").get(r.nextInt(6)));
    m.put("home_ownership", List.of("rent", "own", "mortgage").get(r.nextInt(3)));
    return m;
  }

  static double truePd(Map<String, Object> m) {
    double z = -2.2 + 3 * (double) m.get("debt_to_income") - 0.006 * ((double) m.get("credit_score") - 675)
        + 0.4 * (double) m.get("delinquencies") + 0.5 * (((String) m.get("grade")).charAt(0) - 'D') / 3.0;
    return 1 / (1 + Math.exp(-z));
  }

  /** Customers x 12 behaviour features in 6 overlapping groups, for k-means. */
  @State(Scope.Benchmark)
  public static class Customers {
    FeatureMatrix x100k;
    FeatureMatrix x1m;

    /** Generates both matrices once. */
    @Setup(Level.Trial)
    public void setUp() {
      x1m = customers(1_000_000);
      x100k = firstRows(x1m, 100_000);
    }
  }

  static FeatureMatrix customers(int n) {
    SplittableRandom r = new SplittableRandom(7);
    int p = 12;
    double[][] centres = new double[6][p];
    for (double[] c : centres) {
      for (int j = 0; j < p; j++) {
        c[j] = 2.5 * (r.nextDouble() * 2 - 1);
      }
    }
    double[] v = new double[n * p];
    for (int i = 0; i < n; i++) {
      double[] c = centres[r.nextInt(6)];
      for (int j = 0; j < p; j++) {
        v[i * p + j] = c[j] + (r.nextDouble() + r.nextDouble() + r.nextDouble() - 1.5) * 2;
      }
    }
    List<String> names = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      names.add("b" + j);
    }
    return FeatureMatrix.wrap(v, n, names, names);
  }

  Classifier train(String algorithm, FeatureMatrix x, int[] y) {
    return backend().classifierTrainer(algorithm, Hyperparameters.DEFAULTS, 1).fit(x, y);
  }

  // ---- training ---------------------------------------------------------------------------------

  /** Trains the backend's logistic regression on 10k applications. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Measurement(iterations = 3)
  public Classifier trainLogistic10k(Loans s) {
    return train("logistic", s.x10k, s.y10k);
  }

  /** Trains the backend's default random forest on 10k applications. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Measurement(iterations = 3)
  public Classifier trainRandomForest10k(Loans s) {
    return train("random-forest", s.x10k, s.y10k);
  }

  /** Trains the backend's logistic regression on 100k applications. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Measurement(iterations = 2)
  public Classifier trainLogistic100k(Loans s) {
    return train("logistic", s.x100k, s.y100k);
  }

  /** Trains the backend's default random forest on 100k applications. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Measurement(iterations = 2)
  public Classifier trainRandomForest100k(Loans s) {
    return train("random-forest", s.x100k, s.y100k);
  }

  // ---- clustering -------------------------------------------------------------------------------

  /** k-means, k = 6, the backend's default restarts, on 100k customers x 12 features. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Measurement(iterations = 3)
  public Object clusterKMeans100k(Customers s) {
    return backend().clusteringTrainer("kmeans", Hyperparameters.DEFAULTS.with("k", 6), 1).fit(s.x100k);
  }

  /** k-means, k = 6, one run (as scikit-learn's default n_init for k-means++), on 1M customers x 12. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Measurement(iterations = 2)
  public Object clusterKMeans1m(Customers s) {
    return backend().clusteringTrainer("kmeans", Hyperparameters.DEFAULTS.with("k", 6).with("restarts", 1), 1).fit(s.x1m);
  }
}
