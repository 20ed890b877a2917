package dev.bankml.models.tribuo;

import dev.bankml.data.BankmlException;
import dev.bankml.models.spi.AlgorithmSpec;
import dev.bankml.models.spi.Hyperparameters;

/**
 * The hyperparameters of one Tribuo algorithm, with its defaults filled in. Each value is read
 * together with the range it must lie in, and a value outside it is refused with a message naming
 * the algorithm, the hyperparameter, the value and the range.
 */
final class Settings {
  private final String algorithm;
  private final Hyperparameters values;

  private Settings(String algorithm, Hyperparameters values) {
    this.algorithm = algorithm;
    this.values = values;
  }

  /**
   * {@code h} for {@code spec}, names absent from {@code h} taking the spec's defaults.
   *
   * @throws BankmlException naming the valid names when {@code h} sets one the spec does not declare
   */
  static Settings of(AlgorithmSpec spec, Hyperparameters h) {
    return new Settings(spec.name(), spec.declared("tribuo", h).withDefaults(spec.defaults()));
  }

  /** The whole number {@code name}, which must be at least {@code min}. */
  int intAtLeast(String name, int min) {
    int v = values.getInt(name, min);
    if (v < min) {
      throw new BankmlException(algorithm + " hyperparameter '" + name + "' is " + v + "; must be >= " + min);
    }
    return v;
  }

  /** The number {@code name}, which must lie in [{@code min}, {@code max}]. */
  double between(String name, double min, double max) {
    double v = values.getDouble(name, min);
    if (!(v >= min && v <= max)) {
      throw new BankmlException(algorithm + " hyperparameter '" + name + "' is " + v
          + "; must be between " + min + " and " + max);
    }
    return v;
  }

  /** The thread budget: hyperparameter {@code threads}, where 0 (its default) means every available processor. */
  int threads() {
    int t = values.getInt("threads", 0);
    if (t < 0) {
      throw new BankmlException("hyperparameter 'threads' is " + t
          + "; use 0 for every available processor or a positive count");
    }
    return t == 0 ? Runtime.getRuntime().availableProcessors() : t;
  }
}
