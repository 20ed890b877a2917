package dev.bankml.models.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headline numbers of a binary classifier on one evaluation set: threshold metrics at
 * {@code threshold} and the threshold-free ranking and probability metrics.
 */
public record BinaryMetrics(
    long rows, double positiveRate, double threshold, double auc, double accuracy, double precision,
    double recall, double f1, double ks, double gini, double averagePrecision, double brier,
    double logLoss, double ece) {

  /** Every metric of {@code probabilities} against {@code labels} (which must hold both classes). */
  public static BinaryMetrics of(int[] labels, double[] probabilities, double threshold) {
    ConfusionMatrix cm = ConfusionMatrix.at(labels, probabilities, threshold);
    double auc = RocAuc.of(labels, probabilities);
    return new BinaryMetrics(
        labels.length,
        (double) BinaryInputs.positives(labels) / labels.length,
        threshold,
        auc,
        cm.accuracy(),
        cm.precision(),
        cm.recall(),
        cm.f1(),
        KolmogorovSmirnov.of(labels, probabilities),
        2 * auc - 1,
        AveragePrecision.of(labels, probabilities),
        BrierScore.of(labels, probabilities),
        LogLoss.of(labels, probabilities),
        CalibrationTable.of(labels, probabilities).expectedCalibrationError());
  }

  /** The metrics by their snake_case names ({@code auc}, {@code log_loss}, …), in a stable order. */
  public Map<String, Double> asMap() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("auc", auc);
    m.put("accuracy", accuracy);
    m.put("precision", precision);
    m.put("recall", recall);
    m.put("f1", f1);
    m.put("ks", ks);
    m.put("gini", gini);
    m.put("average_precision", averagePrecision);
    m.put("brier", brier);
    m.put("log_loss", logLoss);
    m.put("ece", ece);
    m.put("threshold", threshold);
    m.put("positive_rate", positiveRate);
    m.put("rows", (double) rows);
    return m;
  }
}
