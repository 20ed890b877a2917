package dev.bankml.web;

import java.util.List;

/** What the model page needs from the loaded loan model: held-out answers, threshold, importance, profile. */
public interface ModelInsights {
  /** The model's short name, as in {@link LoanScorer#label()}. */
  String label();

  /** The model's probabilities on held-out rows with their observed outcomes. */
  HeldOut heldOut();

  /** The decision threshold: probabilities at or above it are declined. */
  double threshold();

  /** Global importance per source column, any scale, larger is more important. */
  List<Importance> importance();

  /** The training data profile. */
  DataProfile profile();

  /** One column's global importance. */
  record Importance(String column, double value) {}
}
