package dev.bankml.models.explain;

/**
 * How much one source column moved a prediction, in log-odds of the positive class: positive
 * values raised the predicted risk, negative values lowered it.
 */
public record ColumnContribution(String column, double logOdds) {}
