package dev.bankml.models.loan;

import java.util.Locale;

/** How the figures of a {@link LoanEvaluation} relate to the choice of model they measure. */
public enum Selection {
  /** One candidate, nothing chosen: the cross-validated estimate of a fixed recipe. */
  NONE,
  /**
   * A search chose the winner on the same folds that scored it: a selection score, optimistic by
   * about the spread between the best candidates (what {@code train} reports).
   */
  SAME_FOLDS,
  /**
   * Nested cross-validation: the search (pipeline, candidates, calibration) ran inside each outer
   * training fold and the outer test folds only scored its winner, so the estimate is honest for
   * the whole recipe, search included.
   */
  NESTED;

  /** {@code none}, {@code same-folds} or {@code nested}, as in JSON. */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
