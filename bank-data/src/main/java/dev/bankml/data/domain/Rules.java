package dev.bankml.data.domain;

import java.util.Objects;

/** Field checks shared by the domain records; each failure names record, field and value. */
final class Rules {
  private Rules() {}

  static <T> T present(String record, String field, T value) {
    if (value == null) {
      throw new InvalidRecordException(record + ": " + field + " is missing; a value is required");
    }
    return value;
  }

  static String id(String record, String field, String value) {
    present(record, field, value);
    if (value.isBlank()) {
      throw new InvalidRecordException(record + ": " + field + " is blank; an identifier is required");
    }
    return value;
  }

  static double nonNegative(String record, String field, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new InvalidRecordException(
          record + ": " + field + " is " + value + "; must be a finite number >= 0");
    }
    return value;
  }

  static double positive(String record, String field, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new InvalidRecordException(
          record + ": " + field + " is " + value + "; must be a finite number > 0");
    }
    return value;
  }

  static int range(String record, String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new InvalidRecordException(
          record + ": " + field + " is " + value + "; must be between " + min + " and " + max);
    }
    return value;
  }

  static double range(String record, String field, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new InvalidRecordException(
          record + ": " + field + " is " + value + "; must be between " + min + " and " + max);
    }
    return value;
  }

  static String describe(String kind, String id) {
    return kind + " " + Objects.toString(id, "<no id>");
  }
}
