package dev.bankml.web;

import dev.bankml.data.BankmlException;

/** A value sent to the web API that the named field does not accept; answered with HTTP 400. */
public final class InvalidFieldException extends BankmlException {
  private static final long serialVersionUID = 1L;
  private final String field;

  /** {@code field} rejected its value for the reason in {@code message}. */
  public InvalidFieldException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The name of the field whose value was refused. */
  public String field() {
    return field;
  }
}
