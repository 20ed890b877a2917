package dev.bankml.recommender;

import dev.bankml.data.BankmlException;

/** Invalid input to the recommender: an index out of range, a negative weight, a bad option. */
public final class RecommenderInputException extends BankmlException {
  private static final long serialVersionUID = 1L;

  /** An error described by {@code message}, which says what, where and what would be valid. */
  public RecommenderInputException(String message) {
    super(message);
  }
}
