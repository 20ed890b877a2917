package dev.bankml.bench;

import dev.bankml.models.smile.SmileBackend;
import dev.bankml.models.spi.Classifier;
import dev.bankml.models.spi.ModelBackend;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Smile backend on the synthetic loan applications and customers of {@link BackendBenchmark}:
 * training each classifier on 10k and 100k rows, scoring one raw application through pipeline +
 * model ({@code SampleTime}: p50/p99), batch scoring, and k-means (k = 6) on 100k and 1M customers
 * x 12 features. Run with {@code ./bankml bench SmileBenchmark}.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-XX:+UseParallelGC"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class SmileBenchmark extends BackendBenchmark {
  private static final SmileBackend SMILE = new SmileBackend();

  @Override
  ModelBackend backend() {
    return SMILE;
  }

  /** Logistic regression trained on the 10k applications. */
  @State(Scope.Benchmark)
  public static class Logistic extends Trained {
    public Logistic() {
      super(SMILE, "logistic");
    }
  }

  /** The default 300-tree gradient boosting trained on the 10k applications. */
  @State(Scope.Benchmark)
  public static class Boosting extends Trained {
    public Boosting() {
      super(SMILE, "gradient-boosting");
    }
  }

  /** The default 200-tree random forest trained on the 10k applications. */
  @State(Scope.Benchmark)
  public static class Forest extends Trained {
    public Forest() {
      super(SMILE, "random-forest");
    }
  }

  // ---- training (logistic regression and the forest: BackendBenchmark) ------------------------

  /** Trains the default 300-tree gradient boosting on 10k applications. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Measurement(iterations = 3)
  public Classifier trainGradientBoosting10k(Loans s) {
    return train("gradient-boosting", s.x10k, s.y10k);
  }

  /** Trains the default gradient boosting on 100k applications. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Measurement(iterations = 2)
  public Classifier trainGradientBoosting100k(Loans s) {
    return train("gradient-boosting", s.x100k, s.y100k);
  }

  // ---- scoring ----------------------------------------------------------------------------------

  /** One raw application through the fitted pipeline and logistic regression. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public double scoreOneLogistic(Loans s, Logistic m) {
    return m.model.probability(s.pipeline.transformRow(s.nextApplication()));
  }

  /** One raw application through the fitted pipeline and the 300-tree boosted model. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public double scoreOneGradientBoosting(Loans s, Boosting m) {
    return m.model.probability(s.pipeline.transformRow(s.nextApplication()));
  }

  /** One raw application through the fitted pipeline and the 200-tree random forest. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public double scoreOneRandomForest(Loans s, Forest m) {
    return m.model.probability(s.pipeline.transformRow(s.nextApplication()));
  }

  /** 10k already-transformed applications scored by the boosted model in one call. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public double[] scoreBatchGradientBoosting10k(Loans s, Boosting m) {
    return m.model.probabilities(s.x10k);
  }

  /** 10k already-transformed applications scored by logistic regression in one call. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public double[] scoreBatchLogistic10k(Loans s, Logistic m) {
    return m.model.probabilities(s.x10k);
  }
}
