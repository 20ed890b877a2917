package dev.bankml.models.loan;

import dev.bankml.models.metrics.BinaryMetrics;
import dev.bankml.models.tune.Leaderboard;
import dev.bankml.models.tune.Trial;

/**
 * Cross-validated quality of the loan-default recipe on one table: metrics of the out-of-fold
 * probabilities of the winning configuration at the chosen threshold, the search leaderboard and
 * the winner. When a search chose among several candidates, these figures are slightly optimistic
 * (the same folds chose and scored); {@code folds} says how many folds were used. {@code calibration}
 * names the calibrator fitted on the out-of-fold scores ({@code none}, {@code platt}, {@code isotonic});
 * {@code outOfFold} and {@code metrics} are of the calibrated probabilities, so their calibration
 * figures (ECE, Brier, log loss) are in-sample for the calibrator and optimistic.
 */
public record LoanEvaluation(
    String backend, BinaryMetrics metrics, Leaderboard leaderboard, Trial best, int folds, int[] labels, double[] outOfFold,
    String calibration) {
  public LoanEvaluation {
    labels = labels.clone();
    outOfFold = outOfFold.clone();
  }

  /** A copy of the 0/1 labels. */
  @Override
  public int[] labels() {
    return labels.clone();
  }

  /** A copy of each row's out-of-fold probability of default. */
  @Override
  public double[] outOfFold() {
    return outOfFold.clone();
  }
}
