package dev.bankml.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bankml.models.schema.CheckedRecord;
import dev.bankml.models.schema.InputProblem;
import dev.bankml.models.schema.InputSchema;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what the web API receives (a JSON object, a CSV row) into a record for the model's {@link
 * InputSchema}, which checks it with the same rules and words as every other entry point, and
 * turns the values that pass into the canonical text a {@link LoanScorer} takes.
 */
final class ApplicantValidator {
  private final InputSchema schema;

  ApplicantValidator(InputSchema schema) {
    this.schema = schema;
  }

  /** An applicant that passed: its canonical values, and what lenient mode ignored. */
  record Valid(Map<String, String> values, List<InputProblem> ignored) {}

  /** The canonical values of {@code body}, one per schema field, in schema order; strict. */
  Map<String, String> validate(JsonNode body) {
    return validate(body, false).values();
  }

  /**
   * The canonical values of {@code body}. Strict: any problem is refused (HTTP 400) naming every
   * problem. Lenient: fields the model does not know are ignored and reported; other problems are
   * still refused, since one applicant cannot be scored in part.
   */
  Valid validate(JsonNode body, boolean lenient) {
    if (body == null || !body.isObject()) {
      throw new InvalidFieldException("", "the request body must be a JSON object of field values, e.g. "
          + "{\"" + (schema.fields().isEmpty() ? "field" : schema.fields().get(0).name()) + "\": …}");
    }
    Map<String, Object> record = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      record.put(e.getKey(), value(e.getValue()));
    }
    return valid(schema.check(record), lenient, "");
  }

  /** The canonical values of one CSV row given as text, its problems located at {@code where}; strict or lenient as above. */
  Valid validateText(Map<String, String> record, String where, boolean lenient) {
    return valid(schema.check(record), lenient, where);
  }

  /** Problems with a CSV header: absent and unknown columns. */
  List<InputProblem> columnProblems(List<String> header) {
    return schema.columnProblems(header);
  }

  private static Valid valid(CheckedRecord c, boolean lenient, String where) {
    List<InputProblem> problems = new ArrayList<>();
    List<InputProblem> ignored = new ArrayList<>();
    for (InputProblem p : c.problems()) {
      (lenient && p.kind() == InputProblem.Kind.UNKNOWN ? ignored : problems).add(where.isEmpty() ? p : p.at(where));
    }
    if (!problems.isEmpty()) {
      throw new InvalidFieldException(problems);
    }
    return new Valid(canonical(c.values()), ignored);
  }

  /** A JSON value as the schema reads it: text, a number, a boolean, null; a list or object stays one (and is refused). */
  private static Object value(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isNumber()) {
      return node.numberValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    return node.isArray() ? List.of(node) : Map.of("object", node);
  }

  /** Checked values as the text a {@link LoanScorer} takes: plain decimals, levels, ISO dates, true/false, "" for blank. */
  static Map<String, String> canonical(Map<String, Object> values) {
    Map<String, String> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(k, v == null ? ""
        : v instanceof Double d ? NumberText.format(d)
        : v instanceof LocalDate d ? d.toString()
        : v.toString()));
    return out;
  }
}
