package dev.bankml.models.calibrate;

import dev.bankml.models.metrics.LogLoss;
import dev.bankml.models.split.Split;
import dev.bankml.models.split.StratifiedSplit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which calibration, if any, makes held-out scores better probabilities. Each candidate method is
 * cross-fitted on the scores themselves (fit on k−1 parts, applied to the remaining one) and scored
 * by log loss against the raw scores' log loss; in-sample calibration would always look better, so
 * only the cross-fitted loss counts. The raw scores win ties.
 *
 * @param method the method with the lowest cross-fitted log loss, or empty when the raw scores have it
 * @param logLoss log loss per candidate: {@code none} (raw), then each method's key
 */
public record CalibrationChoice(Optional<CalibrationMethod> method, Map<String, Double> logLoss) {

  /** Parts of the cross-fit. */
  static final int PARTS = 5;

  public CalibrationChoice {
    logLoss = Map.copyOf(logLoss);
  }

  /**
   * Compares {@code candidates} with the raw {@code scores} (probabilities in [0, 1]) on 0/1
   * {@code labels}; the parts are stratified and seeded by {@code seed}. With fewer than two rows of
   * either class per part no calibrator can be judged and the raw scores are kept.
   */
  public static CalibrationChoice select(List<CalibrationMethod> candidates, int[] labels, double[] scores, long seed) {
    Map<String, Double> losses = new LinkedHashMap<>();
    double rawLoss = LogLoss.of(labels, scores);
    losses.put("none", rawLoss);
    int positives = 0;
    for (int y : labels) {
      positives += y;
    }
    if (candidates.isEmpty() || Math.min(positives, labels.length - positives) < 2 * PARTS) {
      return new CalibrationChoice(Optional.empty(), losses);
    }
    List<Split> parts = StratifiedSplit.kFold(labels, PARTS, seed);
    Optional<CalibrationMethod> best = Optional.empty();
    double bestLoss = rawLoss;
    for (CalibrationMethod m : candidates) {
      double loss = LogLoss.of(labels, crossFitted(m, parts, labels, scores));
      losses.put(m.key(), loss);
      if (loss < bestLoss) {
        bestLoss = loss;
        best = Optional.of(m);
      }
    }
    return new CalibrationChoice(best, losses);
  }

  private static double[] crossFitted(CalibrationMethod m, List<Split> parts, int[] labels, double[] scores) {
    double[] out = new double[scores.length];
    for (Split s : parts) {
      int[] tr = s.train();
      int[] y = new int[tr.length];
      double[] x = new double[tr.length];
      for (int i = 0; i < tr.length; i++) {
        y[i] = labels[tr[i]];
        x[i] = scores[tr[i]];
      }
      Calibrator c = m.fit(y, x);
      for (int i : s.test()) {
        out[i] = c.calibrate(scores[i]);
      }
    }
    return out;
  }
}
