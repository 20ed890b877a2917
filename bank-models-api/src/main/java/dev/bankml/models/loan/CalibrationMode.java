package dev.bankml.models.loan;

import dev.bankml.data.BankmlException;
import dev.bankml.models.calibrate.CalibrationMethod;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether and how {@link LoanDefaultModel#train} calibrates the classifier's raw scores. The
 * calibrator is fitted on the winning configuration's out-of-fold scores (never on rows a model was
 * trained on) and applied to every probability the model returns; the threshold is chosen on the
 * calibrated probabilities.
 */
public enum CalibrationMode {
  /**
   * No calibration for {@code logistic} (its scores are already probabilities); for every other
   * algorithm (forests, boosting) isotonic when there are at least {@value #ISOTONIC_MIN_ROWS}
   * rows, else Platt.
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

  /** The method to fit for {@code algorithm} on {@code rows} out-of-fold scores, or empty for none. */
  public Optional<CalibrationMethod> methodFor(String algorithm, int rows) {
    return switch (this) {
      case NONE -> Optional.empty();
      case PLATT -> Optional.of(CalibrationMethod.PLATT);
      case ISOTONIC -> Optional.of(CalibrationMethod.ISOTONIC);
      case AUTO -> algorithm.equals("logistic") ? Optional.empty()
          : Optional.of(rows >= ISOTONIC_MIN_ROWS ? CalibrationMethod.ISOTONIC : CalibrationMethod.PLATT);
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
