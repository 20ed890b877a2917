package dev.bankml.data.domain;

import dev.bankml.data.BankmlException;

/**
 * A domain record or a set of records breaks a rule of the bank: a negative amount, a missing
 * field, a loan applied for before its customer was born, a holding of a product that is not in
 * the catalogue. The message names the record, the field, the value and what would be valid.
 */
public class InvalidRecordException extends BankmlException {
  private static final long serialVersionUID = 1L;

  /** An invalid record described by {@code message}. */
  public InvalidRecordException(String message) {
    super(message);
  }
}
