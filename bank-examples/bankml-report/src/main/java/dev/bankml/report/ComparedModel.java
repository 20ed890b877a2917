package dev.bankml.report;

import dev.bankml.models.loan.LoanEvaluation;
import java.util.Optional;

/**
 * One row of the model comparison: a backend's algorithm with its defaults, cross-validated, or
 * the reason it could not be.
 */
record ComparedModel(String backend, String algorithm, Optional<LoanEvaluation> evaluation, double seconds, String error) {
  /** Display name, e.g. {@code tribuo logistic}. */
  String name() {
    return backend + " " + algorithm;
  }

  /** Cross-validated AUC, or NaN when the model failed. */
  double auc() {
    return evaluation.map(e -> e.metrics().auc()).orElse(Double.NaN);
  }
}
