package dev.bankml.web;

import java.util.List;
import java.util.Objects;

/**
 * A loan model's answer for one applicant.
 *
 * @param probability probability of default, 0..1
 * @param decision approve, review or decline
 * @param score score points (higher is safer)
 * @param grade the risk grade letter, {@code A} safest (the model's own grades; A to G by default)
 * @param reasons the principal reasons, most risk-raising first (at most four)
 * @param contributions every input column's contribution in log-odds (text empty), largest magnitude
 *     first; empty when the model gives no explanation
 */
public record ModelAnswer(
    double probability, String decision, double score, String grade, List<AnswerReason> reasons, List<AnswerReason> contributions) {
  /** Checks the parts are present and the probability is one. */
  public ModelAnswer {
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(grade, "grade");
    reasons = List.copyOf(reasons);
    contributions = List.copyOf(contributions);
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability " + probability + " is outside 0..1");
    }
  }

  /** An answer without per-column contributions. */
  public ModelAnswer(double probability, String decision, double score, String grade, List<AnswerReason> reasons) {
    this(probability, decision, score, grade, reasons, List.of());
  }
}
