package dev.bankml.data;

import java.util.regex.Pattern;

/**
 * Base of every error bankml reports about its input: a bad file, a bad record, a bad option, a
 * refused model bundle. Its message is written for the person who supplied the input: it says what
 * is wrong, where (file, line, column, field) and what would be valid. Tools print the message
 * alone, without a stack trace, and exit non-zero.
 */
public class BankmlException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An error described by {@code message}. */
  public BankmlException(String message) {
    super(message);
  }

  /** An error described by {@code message}, caused by {@code cause}. */
  public BankmlException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The longest value a message echoes; longer values are cut (a 50 MB field is never echoed whole). */
  public static final int MAX_VALUE = 100;

  /**
   * {@code value} as a message echoes it: cut to {@value #MAX_VALUE} characters, with an ellipsis and its length when cut.
   * A value this method already cut is returned as it is, so a value passed on and cut again still names the length of
   * the original (not of the cut text).
   */
  public static String clip(String value) {
    if (value.length() <= MAX_VALUE || ALREADY_CUT.matcher(value).matches()) {
      return value;
    }
    return value.substring(0, MAX_VALUE) + "… (" + value.length() + " characters)";
  }

  private static final Pattern ALREADY_CUT = Pattern.compile("(?s).{" + MAX_VALUE + "}… \\(\\d+ characters\\)");
}
