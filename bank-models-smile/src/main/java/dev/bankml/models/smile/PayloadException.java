package dev.bankml.models.smile;

import dev.bankml.data.BankmlException;

/**
 * A Smile model payload that cannot be loaded: truncated, corrupt, oversized, of an unknown format
 * version, of the wrong kind, or (format 1) naming a class or shape the legacy reader refuses. The
 * message names the model part and the value at fault.
 */
final class PayloadException extends BankmlException {
  private static final long serialVersionUID = 1L;

  PayloadException(String message) {
    super(message);
  }

  PayloadException(String message, Throwable cause) {
    super(message, cause);
  }
}
