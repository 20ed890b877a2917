package dev.bankml.models.loan;

import dev.bankml.data.BankmlException;
import dev.bankml.models.calibrate.CalibrationChoice;
import dev.bankml.models.calibrate.CalibrationMethod;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether and how {@link LoanDefaultModel#train} calibrates the classifier's raw scores. The
 * calibrator is fitted on the winning configuration's out-of-fold scores (never on rows a model was
 * trained on) and applied to every probability the model returns; the threshold is chosen on the
 * calibrated probabilities.
 */
public enum CalibrationMode {
  /**
   * Platt, isotonic (from {@value #ISOTONIC_MIN_ROWS} rows) or none, whichever gives the lowest
   * cross-fitted log loss on the out-of-fold scores ({@link CalibrationChoice}): a calibrator is
   * kept only when it makes held-out probabilities better, so already well-calibrated scores (a
   * logistic regression, often a forest's vote shares) stay as they are.
   */
  AUTO,
  /** Raw scores as they are. */
  NONE,
  /** Platt scaling (a logistic fit on the score's log-odds). */
  PLATT,
  /** Isotonic regression (pool-adjacent-violators). */
  ISOTONIC;

  /** Rows from which {@link #AUTO} prefers isotonic to Platt. */
  public static final int ISOTONIC_MIN_ROWS = 5000;

  /**
   * The calibration to fit on out-of-fold {@code scores} with 0/1 {@code labels}: fixed for
   * {@link #NONE}, {@link #PLATT} and {@link #ISOTONIC}; chosen by cross-fitted log loss for
   * {@link #AUTO} (seeded by {@code seed}).
   */
  public CalibrationChoice choose(int[] labels, double[] scores, long seed) {
    return switch (this) {
      case NONE -> new CalibrationChoice(Optional.empty(), Map.of());
      case PLATT -> new CalibrationChoice(Optional.of(CalibrationMethod.PLATT), Map.of());
      case ISOTONIC -> new CalibrationChoice(Optional.of(CalibrationMethod.ISOTONIC), Map.of());
      case AUTO -> CalibrationChoice.select(labels.length >= ISOTONIC_MIN_ROWS
          ? List.of(CalibrationMethod.PLATT, CalibrationMethod.ISOTONIC) : List.of(CalibrationMethod.PLATT),
          labels, scores, seed);
    };
  }

  /** Lower-case name, as on the command line. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The mode called {@code name}: {@code auto}, {@code none}, {@code platt} or {@code isotonic}.
   *
   * @throws BankmlException for any other name
   */
  public static CalibrationMode parse(String name) {
    for (CalibrationMode m : values()) {
      if (m.key().equals(name.trim().toLowerCase(Locale.ROOT))) {
        return m;
      }
    }
    throw new BankmlException("unknown calibration '" + name + "'; valid: auto, none, platt, isotonic");
  }
}
