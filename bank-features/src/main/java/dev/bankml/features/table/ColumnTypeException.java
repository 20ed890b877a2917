package dev.bankml.features.table;

import dev.bankml.data.BankmlException;

/** A column or value does not have the type an operation needs (for example text in a numeric field). */
public final class ColumnTypeException extends BankmlException {
  private static final long serialVersionUID = 1L;

  /** An error described by {@code message}. */
  public ColumnTypeException(String message) {
    super(message);
  }
}
