package dev.bankml.data.domain;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Field checks shared by the domain records; each failure names record, field and value. The record's
 * name is a supplier, put together only when a check fails, so a valid record costs no string building
 * (a generated bank makes millions of transactions): every rule is stated once, with no fast path beside it.
 */
final class Rules {
  private Rules() {}

  static <T> T present(Supplier<String> record, String field, T value) {
    if (value == null) {
      throw new InvalidRecordException(record.get() + ": " + field + " is missing; a value is required");
    }
    return value;
  }

  static String id(Supplier<String> record, String field, String value) {
    present(record, field, value);
    if (value.isBlank()) {
      throw new InvalidRecordException(record.get() + ": " + field + " is blank; an identifier is required");
    }
    return value;
  }

  static double nonNegative(Supplier<String> record, String field, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new InvalidRecordException(
          record.get() + ": " + field + " is " + value + "; must be a finite number >= 0");
    }
    return value;
  }

  static double positive(Supplier<String> record, String field, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new InvalidRecordException(
          record.get() + ": " + field + " is " + value + "; must be a finite number > 0");
    }
    return value;
  }

  static int range(Supplier<String> record, String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new InvalidRecordException(
          record.get() + ": " + field + " is " + value + "; must be between " + min + " and " + max);
    }
    return value;
  }

  static double range(Supplier<String> record, String field, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new InvalidRecordException(
          record.get() + ": " + field + " is " + value + "; must be between " + min + " and " + max);
    }
    return value;
  }

  /** {@code list}, copied, or a failure naming it when it is missing. */
  static <T> List<T> list(Supplier<String> record, String field, List<T> list) {
    return List.copyOf(present(record, field, list));
  }

  /** "KIND ID", or "KIND &lt;no id&gt;" when the id is missing. */
  static Supplier<String> describe(String kind, String id) {
    return () -> kind + " " + Objects.toString(id, "<no id>");
  }

  /** A fixed name, e.g. "bank". */
  static Supplier<String> named(String name) {
    return () -> name;
  }
}
