package dev.bankml.features.table;

/** What a column is for; only {@link #FEATURE} columns become model inputs. */
public enum ColumnRole {
  /** An identifier: kept for joining and reporting, never a feature. */
  ID,
  /** The label a model learns. */
  TARGET,
  /** A model input (the default role). */
  FEATURE,
  /** A protected attribute, kept for fairness checks, never a feature. */
  PROTECTED,
  /** Carried along but never used (personal data, hidden truth, notes). */
  IGNORED
}
