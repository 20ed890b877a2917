package dev.bankml.models.tribuo;

import dev.bankml.data.BankmlException;
import dev.bankml.models.spi.Hyperparameters;

/** Reads hyperparameters and rejects values outside their valid range with a clear message. */
final class Check {
  private Check() {}

  static int intAtLeast(Hyperparameters h, String algorithm, String name, int min) {
    int v = h.getInt(name, min);
    if (v < min) {
      throw new BankmlException(algorithm + " hyperparameter '" + name + "' is " + v + "; must be >= " + min);
    }
    return v;
  }

  static double between(Hyperparameters h, String algorithm, String name, double min, double max) {
    double v = h.getDouble(name, min);
    if (!(v >= min && v <= max)) {
      throw new BankmlException(algorithm + " hyperparameter '" + name + "' is " + v
          + "; must be between " + min + " and " + max);
    }
    return v;
  }
}
