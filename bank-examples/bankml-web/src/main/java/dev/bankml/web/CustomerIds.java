package dev.bankml.web;

/** Checks a customer id taken from a URL before it is looked up or echoed. */
final class CustomerIds {
  private static final int MAX_LENGTH = 64;

  private CustomerIds() {}

  static String check(String id) {
    String trimmed = id.trim();
    if (trimmed.isEmpty() || trimmed.length() > MAX_LENGTH) {
      throw new InvalidFieldException("id", "customer id must be 1 to " + MAX_LENGTH + " characters");
    }
    return trimmed;
  }
}
