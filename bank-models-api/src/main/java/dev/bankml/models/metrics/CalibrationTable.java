package dev.bankml.models.metrics;

import dev.bankml.data.BankmlException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reliability of predicted probabilities: rows grouped into equal-width probability bins, each with
 * its mean prediction and observed positive rate, and the expected calibration error (ECE), the
 * row-weighted mean gap between the two. Empty bins are left out.
 */
public record CalibrationTable(List<Bin> bins, double expectedCalibrationError) {
  public CalibrationTable {
    bins = List.copyOf(bins);
  }

  /** One probability bin [lower, upper) (the last bin includes 1). */
  public record Bin(double lower, double upper, long count, double meanPredicted, double observedRate) {}

  /** The table with {@code binCount} equal-width bins over [0, 1]. */
  public static CalibrationTable of(int[] labels, double[] probabilities, int binCount) {
    BinaryInputs.checkProbabilities("calibration table", labels, probabilities);
    if (binCount < 1) {
      throw new BankmlException("calibration table: bin count must be at least 1, got " + binCount);
    }
    long[] count = new long[binCount];
    double[] sumP = new double[binCount];
    double[] sumY = new double[binCount];
    for (int i = 0; i < labels.length; i++) {
      int b = Math.min(binCount - 1, (int) (probabilities[i] * binCount));
      count[b]++;
      sumP[b] += probabilities[i];
      sumY[b] += labels[i];
    }
    List<Bin> bins = new ArrayList<>();
    double ece = 0;
    for (int b = 0; b < binCount; b++) {
      if (count[b] == 0) {
        continue;
      }
      double meanP = sumP[b] / count[b];
      double rate = sumY[b] / count[b];
      bins.add(new Bin((double) b / binCount, (double) (b + 1) / binCount, count[b], meanP, rate));
      ece += (double) count[b] / labels.length * Math.abs(meanP - rate);
    }
    return new CalibrationTable(bins, ece);
  }

  /** The table with ten bins. */
  public static CalibrationTable of(int[] labels, double[] probabilities) {
    return of(labels, probabilities, 10);
  }
}
