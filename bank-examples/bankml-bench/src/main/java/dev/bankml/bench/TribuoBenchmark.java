package dev.bankml.bench;

import dev.bankml.models.spi.ModelBackend;
import dev.bankml.models.tribuo.TribuoBackend;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Tribuo backend on the synthetic loan applications and customers of {@link BackendBenchmark}
 * and {@link KMeansBenchmark}: training, scoring one application and a batch, and k-means; its
 * boosted trees are Tribuo's XGBoost (the default 300 rounds, 600 trees). Run with
 * {@code ./bankml bench TribuoBenchmark}.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-XX:+UseParallelGC"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class TribuoBenchmark extends KMeansBenchmark {
  private static final TribuoBackend TRIBUO = new TribuoBackend();

  @Override
  ModelBackend backend() {
    return TRIBUO;
  }

  @Override
  String boostingAlgorithm() {
    return "xgboost";
  }
}
