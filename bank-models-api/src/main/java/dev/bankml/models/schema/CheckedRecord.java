package dev.bankml.models.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One record checked against an {@link InputSchema}.
 *
 * @param values the values to score with, by column: {@code Double}, {@code String} (a level),
 *     {@code Boolean} or {@code LocalDate}; a blank value is there as null (the pipeline imputes it)
 * @param problems every problem found, in schema order (empty when the record can be scored)
 */
public record CheckedRecord(Map<String, Object> values, List<InputProblem> problems) {
  /** Copies the parts. */
  public CheckedRecord {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    problems = List.copyOf(problems);
  }

  /** Whether the record can be scored as given. */
  public boolean valid() {
    return problems.isEmpty();
  }
}
