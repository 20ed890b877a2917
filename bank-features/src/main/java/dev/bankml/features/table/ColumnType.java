package dev.bankml.features.table;

/** The kind of values a {@link Column} holds. */
public enum ColumnType {
  /** Doubles; missing is NaN. */
  NUMERIC,
  /** Dictionary-encoded strings; missing is code -1. */
  CATEGORICAL,
  /** True/false; missing is its own state. */
  BOOLEAN,
  /** Calendar dates (ISO yyyy-MM-dd in text). */
  DATE
}
