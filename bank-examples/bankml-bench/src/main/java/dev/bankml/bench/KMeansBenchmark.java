package dev.bankml.bench;

import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.spi.Hyperparameters;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link BackendBenchmark} plus k-means (k = 6) on 100k and 1M synthetic customers x 12 behaviour
 * features in 6 overlapping groups, for the backends that cluster (Tribuo and Smile; XGBoost does
 * not).
 */
public abstract class KMeansBenchmark extends BackendBenchmark {
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
