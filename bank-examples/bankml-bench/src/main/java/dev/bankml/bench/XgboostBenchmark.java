package dev.bankml.bench;

import dev.bankml.models.spi.Hyperparameters;
import dev.bankml.models.spi.ModelBackend;
import dev.bankml.models.xgboost.XgboostBackend;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The XGBoost backend on the synthetic loan applications of {@link BackendBenchmark}: training each
 * classifier with its defaults (gradient boosting: hist, early stopping) on 10k and 100k rows, and
 * scoring one raw application ({@code SampleTime}: p50/p99) and a batch with the logistic model
 * (XGBoost's linear booster), the default 200-tree forest and exactly 300 boosted trees. Scoring is
 * bankml's Java walk of XGBoost's model, no native call. Run with {@code ./bankml bench
 * XgboostBenchmark}; training needs {@code OMP_WAIT_POLICY=passive} on a busy machine (./bankml
 * sets it).
 */
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-XX:+UseParallelGC"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class XgboostBenchmark extends BackendBenchmark {
  private static final XgboostBackend XGBOOST = new XgboostBackend();

  @Override
  ModelBackend backend() {
    return XGBOOST;
  }

  @Override
  String boostingAlgorithm() {
    return "gradient-boosting";
  }

  /** Exactly 300 boosted trees (300 rounds, early stopping off, the default depth 3): the latency target's model. */
  @Override
  Hyperparameters boostingForScoring() {
    return Hyperparameters.DEFAULTS.with("rounds", 300).with("early_stopping_rounds", 0);
  }
}
