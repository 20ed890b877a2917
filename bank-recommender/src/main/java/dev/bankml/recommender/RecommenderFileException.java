package dev.bankml.recommender;

import dev.bankml.data.BankmlException;

/** A saved recommender that cannot be read: not a recommender file, another format version, or tampered. */
public final class RecommenderFileException extends BankmlException {
  private static final long serialVersionUID = 1L;

  /** An error described by {@code message}, naming the file and what is wrong with it. */
  public RecommenderFileException(String message) {
    super(message);
  }

  /** An error described by {@code message}, caused by {@code cause}. */
  public RecommenderFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
