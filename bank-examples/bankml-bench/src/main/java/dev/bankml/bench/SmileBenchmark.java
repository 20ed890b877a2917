package dev.bankml.bench;

import dev.bankml.models.spi.ModelBackend;
import dev.bankml.models.smile.SmileBackend;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Smile backend on the synthetic loan applications and customers of {@link BackendBenchmark}
 * and {@link KMeansBenchmark}: training, scoring one application and a batch, and k-means; its
 * boosted trees are the default 300-tree gradient boosting. Run with
 * {@code ./bankml bench SmileBenchmark}.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-XX:+UseParallelGC"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class SmileBenchmark extends KMeansBenchmark {
  private static final SmileBackend SMILE = new SmileBackend();

  @Override
  ModelBackend backend() {
    return SMILE;
  }

  @Override
  String boostingAlgorithm() {
    return "gradient-boosting";
  }
}
