package dev.bankml.models.loan;

/**
 * One principal reason behind an assessment.
 *
 * @param column the source column it comes from, e.g. {@code debt_to_income}
 * @param text the reason worded for a person, e.g. {@code Debt-to-income ratio too high}
 * @param logOdds how much the column raised the log-odds of default (positive; the explainer's
 *     contribution in the classifier's raw, uncalibrated log-odds)
 */
public record Reason(String column, String text, double logOdds) {}
