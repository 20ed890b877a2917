package dev.bankml.models.calibrate;

import dev.bankml.data.BankmlException;

/** Checks shared by the calibrators' fits: equal lengths, at least one row, 0/1 labels, scores in [0, 1]. */
final class CalibrationInputs {
  private CalibrationInputs() {}

  static void check(String method, int[] labels, double[] scores) {
    if (labels.length != scores.length) {
      throw new BankmlException(method + " calibration: " + labels.length + " labels but " + scores.length
          + " scores; they must be equal in number");
    }
    if (labels.length == 0) {
      throw new BankmlException(method + " calibration: no rows to fit on");
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] != 0 && labels[i] != 1) {
        throw new BankmlException(method + " calibration: label at row " + i + " is " + labels[i] + "; labels must be 0 or 1");
      }
      if (!(scores[i] >= 0 && scores[i] <= 1)) {
        throw new BankmlException(method + " calibration: score at row " + i + " is " + scores[i]
            + "; scores must be in [0, 1]");
      }
    }
  }

  static double number(java.util.Map<?, ?> m, String key, String method) {
    if (!(m.get(key) instanceof Number n) || !Double.isFinite(n.doubleValue())) {
      throw new BankmlException(method + " calibration: '" + key + "' must be a finite number, got " + m.get(key));
    }
    return n.doubleValue();
  }
}
