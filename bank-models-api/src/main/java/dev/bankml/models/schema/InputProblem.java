package dev.bankml.models.schema;

import java.util.Objects;

/**
 * One reason an input cannot be scored as given: which field, what value, what is wrong and what
 * would be valid. Every entry point (command line, web form, JSON API, batch upload, Spark) reports
 * these same words; the entry point only adds where the record was ({@link #at}).
 *
 * @param kind what kind of problem it is
 * @param field the column or field at fault
 * @param value the offending value as text, cut to {@value #MAX_VALUE} characters (empty when absent or blank)
 * @param detail what is wrong and what would be valid, without the location
 * @param where the record's location given by the entry point (e.g. {@code "loans.csv, line 7"}); empty when none
 */
public record InputProblem(Kind kind, String field, String value, String detail, String where) {
  /** Longest value echoed in a message; longer values are cut and marked with an ellipsis. */
  public static final int MAX_VALUE = dev.bankml.data.BankmlException.MAX_VALUE;

  /** The kinds of problem, from column level to value level. */
  public enum Kind {
    /** A column the model reads is not in the input at all. */
    ABSENT,
    /** A column or field the model does not know (often a misspelling). */
    UNKNOWN,
    /** The value is blank, and the model's training data never had a blank in this column. */
    BLANK,
    /** Text that is not a number in a number field. */
    NOT_A_NUMBER,
    /** Infinity, or a number too large for a double. */
    NOT_FINITE,
    /** A number or date outside the plausible range learnt from the training data. */
    OUT_OF_RANGE,
    /** A category the model never saw in training. */
    UNKNOWN_LEVEL,
    /** Text that is not a yyyy-MM-dd date (or an impossible date) in a date field. */
    NOT_A_DATE,
    /** Text that is not true/false in a boolean field. */
    NOT_A_BOOLEAN,
    /** A list or object where one value is expected. */
    NOT_A_VALUE
  }

  /** Checks the parts and cuts the value. */
  public InputProblem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(where, "where");
    value = clip(Objects.requireNonNull(value, "value"));
  }

  /** A problem without a location. */
  public static InputProblem of(Kind kind, String field, String value, String detail) {
    return new InputProblem(kind, field, value, detail, "");
  }

  /** This problem located at {@code location} (e.g. {@code "line 7"}). */
  public InputProblem at(String location) {
    return new InputProblem(kind, field, value, detail, location);
  }

  /** The message: location, field, value and what is wrong, e.g. {@code line 7, field 'amount', value '-5': …}. */
  public String message() {
    StringBuilder m = new StringBuilder();
    if (!where.isEmpty()) {
      m.append(where).append(", ");
    }
    m.append(kind == Kind.ABSENT || kind == Kind.UNKNOWN ? "column '" : "field '").append(clip(field)).append('\'');
    if (!value.isEmpty()) {
      m.append(", value '").append(value).append('\'');
    }
    return m.append(": ").append(detail).toString();
  }

  /** {@code text} cut to {@value #MAX_VALUE} characters, with an ellipsis and the full length when cut. */
  public static String clip(String text) {
    return dev.bankml.data.BankmlException.clip(text);
  }

  @Override
  public String toString() {
    return message();
  }
}
