package dev.bankml.bench;

import dev.bankml.features.FeatureMatrix;
import dev.bankml.features.pipeline.FittedPipeline;
import dev.bankml.models.spi.Classifier;
import dev.bankml.models.spi.Hyperparameters;
import dev.bankml.models.tribuo.TribuoBackend;
import java.util.List;
import java.util.Map;
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
 * The Tribuo backend on the same synthetic loan applications and customers as
 * {@link SmileBenchmark} (9 numeric and 3 categorical columns through the default feature
 * pipeline): training each classifier on 10k and 100k rows, scoring one raw application through
 * pipeline + model ({@code SampleTime}: p50/p99), batch scoring, and k-means (k = 6) on 100k and
 * 1M customers x 12 features. Run with
 * {@code java -jar bank-examples/target/benchmarks.jar TribuoBenchmark}.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-XX:+UseParallelGC"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class TribuoBenchmark {
  private static final TribuoBackend TRIBUO = new TribuoBackend();

  /** Loan applications, the fitted default pipeline, and trained models, prepared once. */
  @State(Scope.Benchmark)
  public static class Loans {
    FittedPipeline pipeline;
    FeatureMatrix x10k;
    int[] y10k;
    FeatureMatrix x100k;
    int[] y100k;
    List<Map<String, Object>> applications;
    int next;

    /** Generates the data and trains the scoring models outside every measurement. */
    @Setup(Level.Trial)
    public void setUp() {
      java.util.logging.Logger.getLogger("org.tribuo").setLevel(java.util.logging.Level.WARNING);
      SmileBenchmark.LoanData d = SmileBenchmark.LoanData.generate();
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

  /** Logistic regression trained on the 10k applications (only benchmarks that score with it pay for it). */
  @State(Scope.Benchmark)
  public static class Logistic {
    Classifier model;

    /** Trains once per trial. */
    @Setup(Level.Trial)
    public void setUp(Loans loans) {
      model = train("logistic", loans.x10k, loans.y10k);
    }
  }

  /** The default 300-round (600-tree) XGBoost model trained on the 10k applications. */
  @State(Scope.Benchmark)
  public static class Xgboost {
    Classifier model;

    /** Trains once per trial. */
    @Setup(Level.Trial)
    public void setUp(Loans loans) {
      model = train("xgboost", loans.x10k, loans.y10k);
    }
  }

  /** The default 60-tree random forest trained on the 10k applications. */
  @State(Scope.Benchmark)
  public static class Forest {
    Classifier model;

    /** Trains once per trial. */
    @Setup(Level.Trial)
    public void setUp(Loans loans) {
      model = train("random-forest", loans.x10k, loans.y10k);
    }
  }

  static Classifier train(String algorithm, FeatureMatrix x, int[] y) {
    return TRIBUO.classifierTrainer(algorithm, Hyperparameters.DEFAULTS, 1).fit(x, y);
  }

  /** Customers x 12 behaviour features in 6 overlapping groups (as in {@link SmileBenchmark}). */
  @State(Scope.Benchmark)
  public static class Customers {
    FeatureMatrix x100k;
    FeatureMatrix x1m;

    /** Generates both matrices once. */
    @Setup(Level.Trial)
    public void setUp() {
      java.util.logging.Logger.getLogger("org.tribuo").setLevel(java.util.logging.Level.WARNING);
      x1m = SmileBenchmark.customers(1_000_000);
      x100k = SmileBenchmark.firstRows(x1m, 100_000);
    }
  }

  // ---- training ---------------------------------------------------------------------------------

  /** Trains Tribuo logistic regression (20 AdaGrad epochs) on 10k applications. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Measurement(iterations = 3)
  public Classifier trainLogistic10k(Loans s) {
    return train("logistic", s.x10k, s.y10k);
  }

  /** Trains the default 60-tree Tribuo random forest (30 % bootstrap samples) on 10k applications. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Measurement(iterations = 3)
  public Classifier trainRandomForest10k(Loans s) {
    return train("random-forest", s.x10k, s.y10k);
  }

  /** Trains the default 300-round XGBoost on 10k applications. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Measurement(iterations = 3)
  public Classifier trainXgboost10k(Loans s) {
    return train("xgboost", s.x10k, s.y10k);
  }

  /** Trains Tribuo logistic regression on 100k applications. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Measurement(iterations = 2)
  public Classifier trainLogistic100k(Loans s) {
    return train("logistic", s.x100k, s.y100k);
  }

  /** Trains the default Tribuo random forest on 100k applications. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Measurement(iterations = 2)
  public Classifier trainRandomForest100k(Loans s) {
    return train("random-forest", s.x100k, s.y100k);
  }

  /** Trains the default XGBoost on 100k applications. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Measurement(iterations = 2)
  public Classifier trainXgboost100k(Loans s) {
    return train("xgboost", s.x100k, s.y100k);
  }

  // ---- scoring ----------------------------------------------------------------------------------

  /** One raw application through the fitted pipeline and Tribuo logistic regression. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public double scoreOneLogistic(Loans s, Logistic m) {
    return m.model.probability(s.pipeline.transformRow(s.nextApplication()));
  }

  /** One raw application through the fitted pipeline and the 300-round XGBoost model. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public double scoreOneXgboost(Loans s, Xgboost m) {
    return m.model.probability(s.pipeline.transformRow(s.nextApplication()));
  }

  /** One raw application through the fitted pipeline and the 100-tree random forest. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public double scoreOneRandomForest(Loans s, Forest m) {
    return m.model.probability(s.pipeline.transformRow(s.nextApplication()));
  }

  /** 10k already-transformed applications scored by XGBoost in one call. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public double[] scoreBatchXgboost10k(Loans s, Xgboost m) {
    return m.model.probabilities(s.x10k);
  }

  /** 10k already-transformed applications scored by logistic regression in one call. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public double[] scoreBatchLogistic10k(Loans s, Logistic m) {
    return m.model.probabilities(s.x10k);
  }

  // ---- clustering -------------------------------------------------------------------------------

  /** Tribuo k-means, k = 6, default 4 restarts, on 100k customers x 12 features. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Measurement(iterations = 3)
  public Object clusterKMeans100k(Customers s) {
    return TRIBUO.clusteringTrainer("kmeans", Hyperparameters.DEFAULTS.with("k", 6), 1).fit(s.x100k);
  }

  /** Tribuo k-means, k = 6, one run (as scikit-learn's default n_init for k-means++), on 1M x 12. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Measurement(iterations = 2)
  public Object clusterKMeans1m(Customers s) {
    return TRIBUO.clusteringTrainer("kmeans", Hyperparameters.DEFAULTS.with("k", 6).with("restarts", 1), 1).fit(s.x1m);
  }
}
