package dev.bankml.models.calibrate;

import dev.bankml.data.BankmlException;
import java.util.Map;

/**
 * A fitted map from a classifier's raw score in [0, 1] to a calibrated probability, learnt on
 * held-out (out-of-fold) scores by a {@link Calibration}. Immutable and safe to call from
 * many threads. Its {@link #toManifest()} form is plain JSON values for a model bundle's manifest;
 * {@link #fromManifest(Object)} reads it back to an equal calibrator.
 */
public sealed interface Calibrator permits PlattCalibrator, IsotonicCalibrator {
  /** The calibrated probability of raw score {@code score}; non-decreasing in {@code score}. */
  double calibrate(double score);

  /** {@link #calibrate} of every score, in a new array. */
  default double[] calibrateAll(double[] scores) {
    double[] out = new double[scores.length];
    for (int i = 0; i < scores.length; i++) {
      out[i] = calibrate(scores[i]);
    }
    return out;
  }

  /** The calibration that fitted this calibrator: {@link Calibration#PLATT} or {@link Calibration#ISOTONIC}. */
  Calibration method();

  /**
   * This calibrator as plain values (strings, numbers, lists) for a bundle manifest, e.g.
   * {@code {"method": "platt", "slope": 1.7, "intercept": -0.3}}.
   */
  Map<String, Object> toManifest();

  /**
   * The calibrator written by {@link #toManifest()} (after a JSON round trip: a map of numbers and
   * lists).
   *
   * @throws BankmlException if {@code manifest} is not such a map, names an unknown method, or its
   *     values are missing or invalid
   */
  static Calibrator fromManifest(Object manifest) {
    if (!(manifest instanceof Map<?, ?> m)) {
      throw new BankmlException("calibration: expected an object with a 'method', got " + manifest);
    }
    Object method = m.get("method");
    if (!(method instanceof String name)) {
      throw new BankmlException("calibration: the 'method' is missing; valid methods are platt, isotonic");
    }
    Calibration c = Calibration.values().stream().filter(v -> v.key().equals(name.trim().toLowerCase(java.util.Locale.ROOT)))
        .findFirst().orElse(Calibration.NONE);
    if (c.equals(Calibration.PLATT)) {
      return PlattCalibrator.fromManifest(m);
    }
    if (c.equals(Calibration.ISOTONIC)) {
      return IsotonicCalibrator.fromManifest(m);
    }
    throw new BankmlException("unknown calibration method '" + name + "'; valid methods are platt, isotonic");
  }
}
