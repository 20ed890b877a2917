package dev.bankml.bench;

import dev.bankml.features.FeatureMatrix;
import dev.bankml.features.pipeline.FittedPipeline;
import dev.bankml.models.spi.Classifier;
import dev.bankml.models.spi.Hyperparameters;
import dev.bankml.models.xgboost.XgboostBackend;
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
 * The XGBoost backend on the same synthetic loan applications as {@link SmileBenchmark} and
 * {@link TribuoBenchmark} (9 numeric and 3 categorical columns through the default feature
 * pipeline): scoring one raw application through pipeline + model ({@code SampleTime}: p50/p99) for
 * the logistic model (XGBoost's linear booster), 300 boosted trees (the latency target's model:
 * 300 rounds, early stopping off, depth 3) and the default 200-tree forest; batch scoring; training
 * each classifier with its defaults on 10k and 100k rows. Scoring is bankml's Java walk of XGBoost's
 * model, no native call. Run with {@code java -jar bank-examples/bankml-bench/target/benchmarks.jar
 * XgboostBenchmark}; training needs {@code OMP_WAIT_POLICY=passive} on a busy machine.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-XX:+UseParallelGC"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class XgboostBenchmark {
  private static final XgboostBackend XGBOOST = new XgboostBackend();

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

  /** The default logistic model (XGBoost's gblinear) trained on the 10k applications. */
  @State(Scope.Benchmark)
  public static class Logistic {
    Classifier model;

    /** Trains once per trial. */
    @Setup(Level.Trial)
    public void setUp(Loans loans) {
      model = train("logistic", Hyperparameters.DEFAULTS, loans.x10k, loans.y10k);
    }
  }

  /** Exactly 300 boosted trees (300 rounds, early stopping off, the default depth 3) on the 10k applications. */
  @State(Scope.Benchmark)
  public static class Boosting300 {
    Classifier model;

    /** Trains once per trial. */
    @Setup(Level.Trial)
    public void setUp(Loans loans) {
      model = train("gradient-boosting", Hyperparameters.DEFAULTS.with("rounds", 300).with("early_stopping_rounds", 0),
          loans.x10k, loans.y10k);
    }
  }

  /** The default random forest (200 trees, depth 8) on the 10k applications. */
  @State(Scope.Benchmark)
  public static class Forest {
    Classifier model;

    /** Trains once per trial. */
    @Setup(Level.Trial)
    public void setUp(Loans loans) {
      model = train("random-forest", Hyperparameters.DEFAULTS, loans.x10k, loans.y10k);
    }
  }

  static Classifier train(String algorithm, Hyperparameters h, FeatureMatrix x, int[] y) {
    return XGBOOST.classifierTrainer(algorithm, h, 1).fit(x, y);
  }

  // ---- training ---------------------------------------------------------------------------------

  /** Trains the default logistic model (100 passes of coordinate descent) on 10k applications. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Measurement(iterations = 3)
  public Classifier trainLogistic10k(Loans s) {
    return train("logistic", Hyperparameters.DEFAULTS, s.x10k, s.y10k);
  }

  /** Trains the default gradient boosting (hist, early stopping) on 10k applications. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Measurement(iterations = 3)
  public Classifier trainGradientBoosting10k(Loans s) {
    return train("gradient-boosting", Hyperparameters.DEFAULTS, s.x10k, s.y10k);
  }

  /** Trains the default random forest on 10k applications. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Measurement(iterations = 3)
  public Classifier trainRandomForest10k(Loans s) {
    return train("random-forest", Hyperparameters.DEFAULTS, s.x10k, s.y10k);
  }

  /** Trains the default logistic model on 100k applications. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Measurement(iterations = 2)
  public Classifier trainLogistic100k(Loans s) {
    return train("logistic", Hyperparameters.DEFAULTS, s.x100k, s.y100k);
  }

  /** Trains the default gradient boosting on 100k applications. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Measurement(iterations = 2)
  public Classifier trainGradientBoosting100k(Loans s) {
    return train("gradient-boosting", Hyperparameters.DEFAULTS, s.x100k, s.y100k);
  }

  /** Trains the default random forest on 100k applications. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Measurement(iterations = 2)
  public Classifier trainRandomForest100k(Loans s) {
    return train("random-forest", Hyperparameters.DEFAULTS, s.x100k, s.y100k);
  }

  // ---- scoring ----------------------------------------------------------------------------------

  /** One raw application through the fitted pipeline and the logistic model. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public double scoreOneLogistic(Loans s, Logistic m) {
    return m.model.probability(s.pipeline.transformRow(s.nextApplication()));
  }

  /** One raw application through the fitted pipeline and 300 boosted trees. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public double scoreOneGradientBoosting(Loans s, Boosting300 m) {
    return m.model.probability(s.pipeline.transformRow(s.nextApplication()));
  }

  /** One raw application through the fitted pipeline and the 200-tree random forest. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public double scoreOneRandomForest(Loans s, Forest m) {
    return m.model.probability(s.pipeline.transformRow(s.nextApplication()));
  }

  /** 10k already-transformed applications scored by the 300 boosted trees in one call. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public double[] scoreBatchGradientBoosting10k(Loans s, Boosting300 m) {
    return m.model.probabilities(s.x10k);
  }

  /** 10k already-transformed applications scored by the logistic model in one call. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public double[] scoreBatchLogistic10k(Loans s, Logistic m) {
    return m.model.probabilities(s.x10k);
  }
}
