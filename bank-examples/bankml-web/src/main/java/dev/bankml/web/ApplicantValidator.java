package dev.bankml.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks one applicant sent as a JSON object against a model's input schema and turns it into the
 * canonical text values a {@link LoanScorer} takes. Every refusal names the field, the value and
 * what would be valid.
 */
final class ApplicantValidator {
  private static final int MAX_TEXT = 200;
  private final List<FormField> schema;
  private final Map<String, FormField> byName;

  ApplicantValidator(List<FormField> schema) {
    this.schema = List.copyOf(schema);
    this.byName = new LinkedHashMap<>();
    for (FormField f : schema) {
      byName.put(f.name(), f);
    }
  }

  /** The canonical values of {@code body}, one per schema field, in schema order. */
  Map<String, String> validate(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new InvalidFieldException("", "the request body must be a JSON object of field values, e.g. "
          + "{\"" + (schema.isEmpty() ? "field" : schema.get(0).name()) + "\": …}");
    }
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!byName.containsKey(name)) {
        throw new InvalidFieldException(name, "unknown field '" + clip(name) + "'; valid fields: "
            + String.join(", ", byName.keySet()));
      }
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (FormField f : schema) {
      values.put(f.name(), check(f, body.get(f.name())));
    }
    return values;
  }

  /** The canonical values of one record given as text (a CSV row), one per schema field. */
  Map<String, String> validateText(Map<String, String> record, String where) {
    Map<String, String> values = new LinkedHashMap<>();
    for (FormField f : schema) {
      String raw = record.get(f.name());
      if (raw == null) {
        throw new InvalidFieldException(f.name(), where + ": column '" + f.name() + "' is missing");
      }
      try {
        values.put(f.name(), checkText(f, raw.trim()));
      } catch (InvalidFieldException e) {
        throw new InvalidFieldException(f.name(), where + ": " + e.getMessage());
      }
    }
    return values;
  }

  private String check(FormField f, JsonNode node) {
    if (node == null || node.isNull()) {
      throw new InvalidFieldException(f.name(), f.name() + " is missing; " + valid(f));
    }
    if (node.isNumber()) {
      if (f.type() != FieldType.NUMBER) {
        throw new InvalidFieldException(f.name(), f.name() + " is a number (" + node.asText() + "); " + valid(f));
      }
      return checkNumber(f, node.asDouble(), node.asText());
    }
    if (node.isBoolean()) {
      if (f.type() != FieldType.BOOLEAN) {
        throw new InvalidFieldException(f.name(), f.name() + " is " + node.asText() + "; " + valid(f));
      }
      return node.asText();
    }
    if (!node.isTextual()) {
      throw new InvalidFieldException(f.name(), f.name() + " must be a single value, not " + node.getNodeType()
          .name().toLowerCase() + "; " + valid(f));
    }
    return checkText(f, node.asText().trim());
  }

  private String checkText(FormField f, String text) {
    if (text.isEmpty()) {
      throw new InvalidFieldException(f.name(), f.name() + " is missing; " + valid(f));
    }
    switch (f.type()) {
      case NUMBER -> {
        double v;
        try {
          v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
          throw new InvalidFieldException(f.name(), f.name() + " '" + clip(text) + "' is not a number; " + valid(f));
        }
        return checkNumber(f, v, text);
      }
      case CATEGORY -> {
        if (!f.levels().contains(text)) {
          throw new InvalidFieldException(f.name(), f.name() + " '" + clip(text) + "' is not a known level; " + valid(f));
        }
        return text;
      }
      case BOOLEAN -> {
        String lower = text.toLowerCase();
        if (!lower.equals("true") && !lower.equals("false")) {
          throw new InvalidFieldException(f.name(), f.name() + " '" + clip(text) + "' is not a boolean; " + valid(f));
        }
        return lower;
      }
      case DATE -> {
        LocalDate d;
        try {
          d = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
          throw new InvalidFieldException(f.name(), f.name() + " '" + clip(text) + "' is not a date; " + valid(f));
        }
        long day = d.toEpochDay();
        if ((!Double.isNaN(f.min()) && day < f.min()) || (!Double.isNaN(f.max()) && day > f.max())) {
          throw new InvalidFieldException(f.name(), f.name() + " " + d + " is out of range; " + valid(f));
        }
        return d.toString();
      }
      default -> throw new IllegalStateException("unhandled field type " + f.type());
    }
  }

  private static String checkNumber(FormField f, double v, String text) {
    if (!Double.isFinite(v)) {
      throw new InvalidFieldException(f.name(), f.name() + " '" + clip(text) + "' is not a finite number; " + valid(f));
    }
    if ((!Double.isNaN(f.min()) && v < f.min()) || (!Double.isNaN(f.max()) && v > f.max())) {
      throw new InvalidFieldException(f.name(), f.name() + " " + NumberText.format(v) + " is out of range; " + valid(f));
    }
    return NumberText.format(v);
  }

  /** What the field accepts, in words. */
  static String valid(FormField f) {
    return switch (f.type()) {
      case NUMBER -> "valid: a number" + range(f, NumberText.format(f.min()), NumberText.format(f.max()));
      case DATE -> "valid: a date yyyy-mm-dd" + range(f,
          Double.isNaN(f.min()) ? "" : LocalDate.ofEpochDay((long) f.min()).toString(),
          Double.isNaN(f.max()) ? "" : LocalDate.ofEpochDay((long) f.max()).toString());
      case CATEGORY -> "valid: one of " + f.levels().stream().collect(Collectors.joining(", "));
      case BOOLEAN -> "valid: true or false";
    };
  }

  private static String range(FormField f, String min, String max) {
    boolean lo = !Double.isNaN(f.min());
    boolean hi = !Double.isNaN(f.max());
    if (lo && hi) {
      return " from " + min + " to " + max;
    }
    if (lo) {
      return " of at least " + min;
    }
    return hi ? " of at most " + max : "";
  }

  private static String clip(String s) {
    return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT) + "…";
  }
}
