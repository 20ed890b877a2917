package dev.bankml.models.tribuo;

import dev.bankml.data.BankmlException;
import dev.bankml.models.spi.Hyperparameters;

/** The thread budget: the {@code threads} hyperparameter, where 0 means every available processor. */
final class Threads {
  private Threads() {}

  static int budget(Hyperparameters h) {
    int t = h.getInt("threads", 0);
    if (t < 0) {
      throw new BankmlException("hyperparameter 'threads' is " + t
          + "; use 0 for every available processor or a positive count");
    }
    return t == 0 ? Runtime.getRuntime().availableProcessors() : t;
  }
}
