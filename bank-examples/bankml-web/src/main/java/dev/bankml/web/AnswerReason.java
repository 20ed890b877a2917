package dev.bankml.web;

import dev.bankml.models.loan.ScoreScaling;
import java.util.Objects;

/**
 * One principal reason behind an assessment, or one column's contribution.
 *
 * @param field the source column it is about
 * @param text the reason worded for a person ("Debt-to-income ratio too high"); empty for a bare contribution
 * @param contribution how much it raised (positive) or lowered the risk, in log-odds
 * @param points the score points it cost (positive) or earned (negative): the contribution on the
 *     model's score scale (points to double the odds ÷ ln 2 × log-odds)
 */
public record AnswerReason(String field, String text, double contribution, double points) {
  /** Checks the parts are present. */
  public AnswerReason {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(text, "text");
  }

  /** A reason with its points on the default score scale (600 at 19 : 1, 50 points to double the odds). */
  public AnswerReason(String field, String text, double contribution) {
    this(field, text, contribution, points(contribution, ScoreScaling.DEFAULT));
  }

  /** The score points a contribution of {@code logOdds} (towards default) costs on {@code scaling}. */
  static double points(double logOdds, ScoreScaling scaling) {
    return scaling.pointsToDoubleOdds() / Math.log(2) * logOdds;
  }
}
