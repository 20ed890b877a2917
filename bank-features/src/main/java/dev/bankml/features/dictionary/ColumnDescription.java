package dev.bankml.features.dictionary;

import java.util.Map;
import java.util.Objects;

/**
 * What one column means, for people: a label to show instead of its name, its unit, a one-line
 * description and the group it belongs to (e.g. {@code Applicant}, {@code Account behaviour · 90 days}).
 *
 * @param name the column's name in the data, e.g. {@code txn_count_90d}
 * @param label a short readable label, e.g. {@code Transactions}
 * @param unit the unit of a number ({@code $}, {@code months}, {@code share}, …); empty when none
 * @param description one line saying what the value is; empty when unknown
 * @param group the section of a form or table the column belongs to
 * @param levels readable labels of a category's values ({@code P08} → {@code Personal loan}); values
 *     without one are shown through {@link DataDictionary#readableLevel(String)}
 */
public record ColumnDescription(
    String name, String label, String unit, String description, String group, Map<String, String> levels) {
  /** Checks every part is present and copies the levels. */
  public ColumnDescription {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(group, "group");
    levels = Map.copyOf(levels);
  }

  /** The readable label of one of this column's values. */
  public String levelLabel(String value) {
    String known = levels.get(value);
    return known != null ? known : DataDictionary.readableLevel(value);
  }

  /** This description with {@code more} level labels added (they win over existing ones). */
  public ColumnDescription withLevels(Map<String, String> more) {
    Map<String, String> all = new java.util.LinkedHashMap<>(levels);
    all.putAll(more);
    return new ColumnDescription(name, label, unit, description, group, all);
  }
}
