package dev.bankml.features.pipeline;

import dev.bankml.data.BankmlException;

/**
 * A value the model needs is missing (or the record lacks the column) and no imputer in the
 * pipeline fills it. Names the column and the row.
 */
public final class MissingFeatureException extends BankmlException {
  private static final long serialVersionUID = 1L;

  private final String column;

  /** Column {@code column} (feeding feature {@code feature}) is missing in row {@code row}. */
  public MissingFeatureException(String column, String feature, int row) {
    super("column '" + column + "' is missing" + (row >= 0 ? " in row " + row : "")
        + " (needed for feature '" + feature + "') and no imputer in the pipeline fills it;"
        + " supply a value or add an Impute step for it");
    this.column = column;
  }

  /** The missing source column. */
  public String column() {
    return column;
  }
}
