package dev.bankml.models.tune;

import dev.bankml.models.spi.Hyperparameters;

/**
 * A candidate a search did not rank because its time limit ran out: not started at all
 * ({@code foldsScored} 0) or cut after {@code foldsScored} of its {@code folds} folds.
 */
public record SkippedCandidate(String algorithm, Hyperparameters hyperparameters, int foldsScored, int folds) {
  /** {@code not started} or {@code cut after 2 of 5 folds}. */
  public String reason() {
    return foldsScored == 0 ? "not started" : "cut after " + foldsScored + " of " + folds + " folds";
  }
}
