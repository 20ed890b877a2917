package dev.bankml.web;

import java.util.Objects;

/**
 * One principal reason behind an assessment.
 *
 * @param field the source column it is about
 * @param text the reason worded for a person ("Debt-to-income ratio too high")
 * @param contribution how much it raised (positive) or lowered the risk, in log-odds
 */
public record AnswerReason(String field, String text, double contribution) {
  /** Checks the parts are present. */
  public AnswerReason {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(text, "text");
  }
}
