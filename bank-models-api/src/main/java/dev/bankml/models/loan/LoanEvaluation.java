package dev.bankml.models.loan;

import dev.bankml.models.metrics.BinaryMetrics;
import dev.bankml.models.tune.Leaderboard;
import dev.bankml.models.tune.SkippedCandidate;
import dev.bankml.models.tune.Trial;
import java.util.List;

/**
 * Cross-validated quality of the loan-default recipe on one table: metrics of the out-of-fold
 * probabilities at the chosen threshold, the search leaderboard and the winner. {@code selection}
 * says what the figures mean: {@link Selection#NONE} for a fixed recipe; {@link Selection#NESTED}
 * when a search chose among candidates inside each outer fold (then {@code nestedFolds} holds each
 * outer fold's winner, the leaderboard averages the inner scores of each candidate over the outer
 * folds, and {@code best} is the candidate that won most outer folds); {@link Selection#SAME_FOLDS}
 * when the same folds chose and scored (optimistic). {@code folds} says how many (outer) folds were
 * used. {@code calibration} names the calibrator ({@code none}, {@code platt}, {@code isotonic}, or
 * one per outer fold joined by commas); {@code outOfFold} and {@code metrics} are of the calibrated
 * probabilities. Without nesting the calibrator was fitted on the same out-of-fold scores, so the
 * calibration figures (ECE, Brier, log loss) are optimistic. {@code skipped} lists the candidates
 * the time limit left out (of every outer fold, when nested).
 */
public record LoanEvaluation(
    String backend, BinaryMetrics metrics, Leaderboard leaderboard, Trial best, int folds, int[] labels, double[] outOfFold,
    String calibration, Selection selection, List<NestedFold> nestedFolds, List<SkippedCandidate> skipped) {
  public LoanEvaluation {
    labels = labels.clone();
    outOfFold = outOfFold.clone();
    nestedFolds = List.copyOf(nestedFolds);
    skipped = List.copyOf(skipped);
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
