package dev.bankml.models.explain;

/**
 * Global importance of one source column: the mean drop in the score (ROC AUC by default) when
 * the column's values are shuffled among held-out rows, and the standard deviation of that drop
 * over repeats. Near zero means the model does not rely on the column.
 */
public record ColumnImportance(String column, double meanDrop, double stdDrop) {}
