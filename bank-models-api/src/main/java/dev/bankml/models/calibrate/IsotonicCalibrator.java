package dev.bankml.models.calibrate;

import dev.bankml.data.BankmlException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Isotonic calibration: a non-decreasing piecewise-linear function through knots {@code (scores[k],
 * probabilities[k])}, constant before the first knot and after the last. Fitted by
 * pool-adjacent-violators, so each flat stretch is the observed default rate of a block of
 * adjacent scores.
 *
 * @param scores knot positions, strictly increasing
 * @param probabilities calibrated values at the knots, non-decreasing, in [0, 1]
 */
public record IsotonicCalibrator(double[] scores, double[] probabilities) implements Calibrator {
  public IsotonicCalibrator {
    scores = scores.clone();
    probabilities = probabilities.clone();
    if (scores.length == 0 || scores.length != probabilities.length) {
      throw new BankmlException("isotonic calibration: needs at least one knot and as many probabilities as scores, got "
          + scores.length + " scores and " + probabilities.length + " probabilities");
    }
    for (int k = 0; k < scores.length; k++) {
      if (!Double.isFinite(scores[k]) || !(probabilities[k] >= 0 && probabilities[k] <= 1)) {
        throw new BankmlException("isotonic calibration: knot " + k + " is (" + scores[k] + ", " + probabilities[k]
            + "); scores must be finite and probabilities in [0, 1]");
      }
      if (k > 0 && (scores[k] <= scores[k - 1] || probabilities[k] < probabilities[k - 1])) {
        throw new BankmlException("isotonic calibration: knot " + k + " (" + scores[k] + ", " + probabilities[k]
            + ") does not follow (" + scores[k - 1] + ", " + probabilities[k - 1]
            + "); scores must increase strictly and probabilities must not decrease");
      }
    }
  }

  /**
   * Fits the isotonic regression of {@code labels} on {@code scores}: rows with equal scores are
   * averaged first, then adjacent blocks whose rates decrease are pooled until none do. Each block
   * gives a knot at its lowest and its highest score; knots in the middle of a flat run are dropped.
   */
  public static IsotonicCalibrator fit(int[] labels, double[] scores) {
    CalibrationInputs.check("isotonic", labels, scores);
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (i, j) -> Double.compare(scores[i], scores[j]));
    // blocks on a stack: sum of labels, row count, lowest and highest score
    double[] sum = new double[order.length];
    double[] count = new double[order.length];
    double[] lo = new double[order.length];
    double[] hi = new double[order.length];
    int top = -1;
    for (int r = 0; r < order.length; r++) {
      int i = order[r];
      if (top >= 0 && hi[top] == scores[i]) {
        sum[top] += labels[i];
        count[top]++;
      } else {
        top++;
        sum[top] = labels[i];
        count[top] = 1;
        lo[top] = scores[i];
        hi[top] = scores[i];
      }
      while (top > 0 && sum[top - 1] / count[top - 1] > sum[top] / count[top]) {
        sum[top - 1] += sum[top];
        count[top - 1] += count[top];
        hi[top - 1] = hi[top];
        top--;
      }
    }
    List<double[]> knots = new ArrayList<>();
    for (int k = 0; k <= top; k++) {
      double v = sum[k] / count[k];
      knots.add(new double[] {lo[k], v});
      if (hi[k] > lo[k]) {
        knots.add(new double[] {hi[k], v});
      }
    }
    return of(dropFlatMiddles(knots));
  }

  private static List<double[]> dropFlatMiddles(List<double[]> knots) {
    List<double[]> kept = new ArrayList<>();
    for (int k = 0; k < knots.size(); k++) {
      boolean middle = k > 0 && k < knots.size() - 1
          && knots.get(k - 1)[1] == knots.get(k)[1] && knots.get(k + 1)[1] == knots.get(k)[1];
      if (!middle) {
        kept.add(knots.get(k));
      }
    }
    return kept;
  }

  private static IsotonicCalibrator of(List<double[]> knots) {
    double[] x = new double[knots.size()];
    double[] y = new double[knots.size()];
    for (int k = 0; k < x.length; k++) {
      x[k] = knots.get(k)[0];
      y[k] = knots.get(k)[1];
    }
    return new IsotonicCalibrator(x, y);
  }

  @Override
  public double calibrate(double score) {
    int last = scores.length - 1;
    if (!(score > scores[0])) {
      return probabilities[0]; // also NaN: the lowest calibrated value, never NaN
    }
    if (score >= scores[last]) {
      return probabilities[last];
    }
    int k = Arrays.binarySearch(scores, score);
    if (k >= 0) {
      return probabilities[k];
    }
    int right = -k - 1;
    int left = right - 1;
    double f = (score - scores[left]) / (scores[right] - scores[left]);
    return probabilities[left] + f * (probabilities[right] - probabilities[left]);
  }

  @Override
  public Calibration method() {
    return Calibration.ISOTONIC;
  }

  /** A copy of the knot positions. */
  @Override
  public double[] scores() {
    return scores.clone();
  }

  /** A copy of the calibrated values at the knots. */
  @Override
  public double[] probabilities() {
    return probabilities.clone();
  }

  @Override
  public Map<String, Object> toManifest() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("method", method().key());
    m.put("scores", Arrays.stream(scores).boxed().toList());
    m.put("probabilities", Arrays.stream(probabilities).boxed().toList());
    return m;
  }

  static IsotonicCalibrator fromManifest(Map<?, ?> m) {
    return new IsotonicCalibrator(doubles(m.get("scores"), "scores"), doubles(m.get("probabilities"), "probabilities"));
  }

  private static double[] doubles(Object o, String key) {
    if (!(o instanceof List<?> list)) {
      throw new BankmlException("isotonic calibration: '" + key + "' must be a list of numbers, got " + o);
    }
    double[] out = new double[list.size()];
    for (int i = 0; i < out.length; i++) {
      if (!(list.get(i) instanceof Number n)) {
        throw new BankmlException("isotonic calibration: '" + key + "' holds " + list.get(i) + " at " + i + ", not a number");
      }
      out[i] = n.doubleValue();
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IsotonicCalibrator c && Arrays.equals(scores, c.scores) && Arrays.equals(probabilities, c.probabilities);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(scores) + Arrays.hashCode(probabilities);
  }

  @Override
  public String toString() {
    return "IsotonicCalibrator[" + scores.length + " knots from " + scores[0] + " to " + scores[scores.length - 1] + "]";
  }
}
