package dev.bankml.models.calibrate;

import dev.bankml.data.BankmlException;
import java.util.Locale;

/**
 * How raw classifier scores are turned into probabilities. Fit on held-out scores (out-of-fold
 * predictions), never on the rows the classifier was trained on: in-sample scores of a forest are
 * far more confident than its scores on new rows.
 */
public enum CalibrationMethod {
  /**
   * Platt scaling: a logistic regression on the score's log-odds, {@code p = 1 / (1 + exp(-(a ·
   * logit(s) + b)))}, with Platt's smoothed targets. Two parameters: suits small validation sets
   * and scores whose distortion is sigmoid-shaped (over- or under-confidence).
   */
  PLATT,
  /**
   * Isotonic regression by pool-adjacent-violators: the non-decreasing step function closest to
   * the labels in squared error, interpolated linearly between steps. Corrects any monotone
   * distortion; wants a few thousand validation rows.
   */
  ISOTONIC;

  /** Fits a calibrator of this kind to 0/1 {@code labels} and raw {@code scores} in [0, 1]. */
  public Calibrator fit(int[] labels, double[] scores) {
    return switch (this) {
      case PLATT -> PlattCalibrator.fit(labels, scores);
      case ISOTONIC -> IsotonicCalibrator.fit(labels, scores);
    };
  }

  /** Lower-case name, as in manifests and on the command line. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The method called {@code name} ({@code platt} or {@code isotonic}, any case).
   *
   * @throws BankmlException for any other name
   */
  public static CalibrationMethod parse(String name) {
    for (CalibrationMethod m : values()) {
      if (m.key().equals(name.trim().toLowerCase(Locale.ROOT))) {
        return m;
      }
    }
    throw new BankmlException("unknown calibration method '" + name + "'; valid methods are platt, isotonic");
  }
}
