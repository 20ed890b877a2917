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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * What the backends' benchmarks share: the synthetic loan applications (9 numeric and 3 categorical
 * columns through the default feature pipeline, about 20 % defaults), prepared once per trial, and
 * the benchmarks every backend runs the same way: training logistic regression, the random forest
 * and the boosted trees with their defaults on 10k and 100k rows, and scoring with models trained on
 * the 10k one raw application through pipeline + model ({@code SampleTime}: p50/p99) and 10k
 * transformed rows in one call. A backend's subclass names the backend and its boosting algorithm;
 * {@link KMeansBenchmark} adds k-means for the backends that cluster. JMH names the inherited
 * benchmarks after the subclass.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-XX:+UseParallelGC"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public abstract class BackendBenchmark {
  /** The backend measured. */
  abstract ModelBackend backend();

  /** The backend's boosted-trees algorithm (its name in the backend). */
  abstract String boostingAlgorithm();

  /** The boosted model's settings in the scoring benchmarks (default: the backend's defaults). */
  Hyperparameters boostingForScoring() {
    return Hyperparameters.DEFAULTS;
  }

  /**
   * A model trained on the 10k applications once per trial, so only the benchmarks that score with
   * it pay for it. The backend is the one of the benchmark class being run (a state cannot see the
   * benchmark object itself).
   */
  public abstract static class Trained {
    Classifier model;

    /** The algorithm this state trains with {@code owner}'s backend. */
    abstract String algorithm(BackendBenchmark owner);

    /** Its hyperparameters (default: the backend's defaults). */
    Hyperparameters hyperparameters(BackendBenchmark owner) {
      return Hyperparameters.DEFAULTS;
    }

    /** Trains once per trial. */
    @Setup(Level.Trial)
    public void setUp(Loans loans, BenchmarkParams params) throws ReflectiveOperationException {
      String benchmark = params.getBenchmark();
      BackendBenchmark owner = (BackendBenchmark) Class.forName(benchmark.substring(0, benchmark.lastIndexOf('.')))
          .getDeclaredConstructor().newInstance();
      model = owner.backend().classifierTrainer(algorithm(owner), hyperparameters(owner), 1)
          .fit(loans.x10k, loans.y10k);
    }
  }

  /** The backend's default logistic regression. */
  @State(Scope.Benchmark)
  public static class Logistic extends Trained {
    @Override
    String algorithm(BackendBenchmark owner) {
      return "logistic";
    }
  }

  /** The backend's default random forest. */
  @State(Scope.Benchmark)
  public static class Forest extends Trained {
    @Override
    String algorithm(BackendBenchmark owner) {
      return "random-forest";
    }
  }

  /** The backend's boosted trees, with {@link #boostingForScoring()}. */
  @State(Scope.Benchmark)
  public static class Boosting extends Trained {
    @Override
    String algorithm(BackendBenchmark owner) {
      return owner.boostingAlgorithm();
    }

    @Override
    Hyperparameters hyperparameters(BackendBenchmark owner) {
      return owner.boostingForScoring();
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

  /** Trains the backend's default boosted trees on 10k applications. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Measurement(iterations = 3)
  public Classifier trainGradientBoosting10k(Loans s) {
    return train(boostingAlgorithm(), s.x10k, s.y10k);
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

  /** Trains the backend's default boosted trees on 100k applications. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Measurement(iterations = 2)
  public Classifier trainGradientBoosting100k(Loans s) {
    return train(boostingAlgorithm(), s.x100k, s.y100k);
  }

  // ---- scoring ----------------------------------------------------------------------------------

  /** One raw application through the fitted pipeline and the logistic regression. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public double scoreOneLogistic(Loans s, Logistic m) {
    return m.model.probability(s.pipeline.transformRow(s.nextApplication()));
  }

  /** One raw application through the fitted pipeline and the default random forest. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public double scoreOneRandomForest(Loans s, Forest m) {
    return m.model.probability(s.pipeline.transformRow(s.nextApplication()));
  }

  /** One raw application through the fitted pipeline and the boosted trees. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public double scoreOneGradientBoosting(Loans s, Boosting m) {
    return m.model.probability(s.pipeline.transformRow(s.nextApplication()));
  }

  /** 10k already-transformed applications scored by the boosted trees in one call. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public double[] scoreBatchGradientBoosting10k(Loans s, Boosting m) {
    return m.model.probabilities(s.x10k);
  }

  /** 10k already-transformed applications scored by the logistic regression in one call. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public double[] scoreBatchLogistic10k(Loans s, Logistic m) {
    return m.model.probabilities(s.x10k);
  }
}
