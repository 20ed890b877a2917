package dev.bankml.models.calibrate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Platt scaling: {@code p = 1 / (1 + exp(-(slope · logit(s) + intercept)))} where {@code s} is the
 * raw score clipped to [{@value #EPSILON}, 1 − {@value #EPSILON}] (so forests' votes of exactly 0
 * or 1 stay finite). The identity is {@code slope = 1, intercept = 0}; a slope below 1 tempers an
 * over-confident model.
 */
public record PlattCalibrator(double slope, double intercept) implements Calibrator {
  /** How far from 0 and 1 raw scores are clipped before taking their log-odds. */
  public static final double EPSILON = 1e-6;

  private static final int MAX_ITERATIONS = 100;

  public PlattCalibrator {
    if (!Double.isFinite(slope) || !Double.isFinite(intercept)) {
      throw new dev.bankml.data.BankmlException("platt calibration: slope and intercept must be finite, got "
          + slope + ", " + intercept);
    }
  }

  /**
   * Fits slope and intercept by maximum likelihood (Newton's method with step halving, as in Lin,
   * Lin and Weng's note on Platt's algorithm) against Platt's smoothed targets {@code (N₊ + 1) /
   * (N₊ + 2)} for positives and {@code 1 / (N₋ + 2)} for negatives, which keep the fit finite
   * even when the scores separate the classes.
   */
  public static PlattCalibrator fit(int[] labels, double[] scores) {
    CalibrationInputs.check("platt", labels, scores);
    int n = labels.length;
    int pos = 0;
    for (int y : labels) {
      pos += y;
    }
    double hi = (pos + 1.0) / (pos + 2.0);
    double lo = 1.0 / (n - pos + 2.0);
    double[] x = new double[n];
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = logit(scores[i]);
      t[i] = labels[i] == 1 ? hi : lo;
    }
    double a = 1;
    double b = 0;
    double loss = loss(x, t, a, b);
    for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
      double ga = 0;
      double gb = 0;
      double haa = 1e-12;
      double hab = 0;
      double hbb = 1e-12;
      for (int i = 0; i < n; i++) {
        double q = sigmoid(a * x[i] + b);
        double r = q - t[i];
        double w = q * (1 - q);
        ga += r * x[i];
        gb += r;
        haa += w * x[i] * x[i];
        hab += w * x[i];
        hbb += w;
      }
      if (Math.abs(ga) + Math.abs(gb) < 1e-10 * n) {
        break;
      }
      double det = haa * hbb - hab * hab;
      double da = -(hbb * ga - hab * gb) / det;
      double db = -(-hab * ga + haa * gb) / det;
      double step = 1;
      double next = loss(x, t, a + da, b + db);
      while (!(next <= loss) && step > 1e-10) {
        step /= 2;
        next = loss(x, t, a + step * da, b + step * db);
      }
      if (!(next <= loss)) {
        break; // no step lowers the loss: at the optimum within floating-point precision
      }
      a += step * da;
      b += step * db;
      boolean converged = loss - next < 1e-14 * Math.max(1, Math.abs(loss));
      loss = next;
      if (converged) {
        break;
      }
    }
    return new PlattCalibrator(a, b);
  }

  @Override
  public double calibrate(double score) {
    return sigmoid(slope * logit(score) + intercept);
  }

  @Override
  public Calibration method() {
    return Calibration.PLATT;
  }

  @Override
  public Map<String, Object> toManifest() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("method", method().key());
    m.put("slope", slope);
    m.put("intercept", intercept);
    return m;
  }

  static PlattCalibrator fromManifest(Map<?, ?> m) {
    return new PlattCalibrator(CalibrationInputs.number(m, "slope", "platt"), CalibrationInputs.number(m, "intercept", "platt"));
  }

  static double logit(double s) {
    double c = Math.min(1 - EPSILON, Math.max(EPSILON, s));
    return Math.log(c / (1 - c));
  }

  private static double sigmoid(double z) {
    return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  }

  /** Cross-entropy of targets {@code t} against {@code sigmoid(a·x + b)}, computed without overflow. */
  private static double loss(double[] x, double[] t, double a, double b) {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      double z = a * x[i] + b;
      sum += t[i] * softplus(-z) + (1 - t[i]) * softplus(z);
    }
    return sum;
  }

  private static double softplus(double u) {
    return Math.max(u, 0) + Math.log1p(Math.exp(-Math.abs(u)));
  }
}
