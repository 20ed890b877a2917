package dev.bankml.models.loan;

import dev.bankml.models.explain.Explanation;
import java.util.List;

/**
 * The model's answer for one application.
 *
 * @param probability calibrated probability of default (when the model has a calibrator)
 * @param decision approve, review or decline
 * @param score score points (PDO scaling of {@code probability})
 * @param reasons up to four principal reasons worded for a person, most risk first: the texts of
 *     {@code principalReasons}
 * @param explanation the full per-column explanation, in the classifier's raw log-odds (its
 *     probability is the uncalibrated one)
 * @param grade the risk grade letter, {@code A} safest (see {@link RiskGrades})
 * @param principalReasons the reasons with their source column and contribution; a declined
 *     application always has at least one
 */
public record Assessment(
    double probability, Decision decision, long score, List<String> reasons, Explanation explanation, String grade,
    List<Reason> principalReasons) {
  public Assessment {
    reasons = List.copyOf(reasons);
    principalReasons = List.copyOf(principalReasons);
  }
}
