package dev.bankml.spark;

import dev.bankml.data.BankmlException;

/**
 * Input a Spark job cannot use: a missing or unreadable table, a missing column, a column of the
 * wrong type, a model that does not fit the data. Raised on the driver before any stage runs; the
 * message names the table or file, the column and what would be valid.
 */
public final class BankInputException extends BankmlException {
  private static final long serialVersionUID = 1L;

  /** An exception with {@code message}. */
  public BankInputException(String message) {
    super(message);
  }

  /** An exception with {@code message} caused by {@code cause}. */
  public BankInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
