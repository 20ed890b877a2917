package dev.bankml.models.tune;

import dev.bankml.data.BankmlException;
import dev.bankml.models.metrics.AveragePrecision;
import dev.bankml.models.metrics.BrierScore;
import dev.bankml.models.metrics.KolmogorovSmirnov;
import dev.bankml.models.metrics.LogLoss;
import dev.bankml.models.metrics.RocAuc;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a search maximises. Losses are negated so that higher is always better. */
public enum ScoringMetric {
  /** ROC AUC (the default). */
  AUC,
  /** Average precision (area under the precision–recall curve). */
  AVERAGE_PRECISION,
  /** Kolmogorov–Smirnov statistic. */
  KS,
  /** Negated log loss. */
  LOG_LOSS,
  /** Negated Brier score. */
  BRIER;

  /** The score of {@code probabilities} against {@code labels}; higher is better. */
  public double score(int[] labels, double[] probabilities) {
    return switch (this) {
      case AUC -> RocAuc.of(labels, probabilities);
      case AVERAGE_PRECISION -> AveragePrecision.of(labels, probabilities);
      case KS -> KolmogorovSmirnov.of(labels, probabilities);
      case LOG_LOSS -> -LogLoss.of(labels, probabilities);
      case BRIER -> -BrierScore.of(labels, probabilities);
    };
  }

  /** The snake_case name used in JSON and on the command line ({@code auc}, {@code log_loss}). */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The metric called {@code key} (case-insensitive, '-' or '_'). */
  public static ScoringMetric parse(String key) {
    String k = key.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (ScoringMetric m : values()) {
      if (m.name().equals(k)) {
        return m;
      }
    }
    throw new BankmlException("unknown metric '" + key + "'; valid: "
        + Arrays.stream(values()).map(ScoringMetric::key).collect(Collectors.joining(", ")));
  }
}
