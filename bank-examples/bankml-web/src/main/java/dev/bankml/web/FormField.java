package dev.bankml.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One input of the loan form, built from the loaded model's input schema.
 *
 * @param name the source column name the model expects
 * @param type the kind of value
 * @param min smallest valid value (numbers; dates as epoch days); NaN when unbounded or not applicable
 * @param max largest valid value (numbers; dates as epoch days); NaN when unbounded or not applicable
 * @param step the input's step (e.g. 1 for whole numbers, 0.01 for rates); NaN for "any"
 * @param levels the valid values of a category or boolean field; empty otherwise
 * @param typical the value the form is pre-filled with (a typical applicant)
 */
public record FormField(
    String name, FieldType type, double min, double max, double step, List<String> levels, String typical) {

  /** Checks the field is self-consistent. */
  public FormField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(typical, "typical");
    levels = List.copyOf(levels);
    if (type == FieldType.CATEGORY && levels.isEmpty()) {
      throw new IllegalArgumentException("category field '" + name + "' has no levels");
    }
    if (!Double.isNaN(min) && !Double.isNaN(max) && min > max) {
      throw new IllegalArgumentException("field '" + name + "': min " + min + " > max " + max);
    }
  }

  /** A number field valid in {@code [min, max]} with the given step (NaN for any). */
  public static FormField number(String name, double min, double max, double step, double typical) {
    return new FormField(name, FieldType.NUMBER, min, max, step, List.of(), NumberText.format(typical));
  }

  /** A categorical field taking one of {@code levels}. */
  public static FormField category(String name, List<String> levels, String typical) {
    return new FormField(name, FieldType.CATEGORY, Double.NaN, Double.NaN, Double.NaN, levels, typical);
  }

  /** A date field valid in {@code [min, max]}. */
  public static FormField date(String name, LocalDate min, LocalDate max, LocalDate typical) {
    return new FormField(
        name, FieldType.DATE, min.toEpochDay(), max.toEpochDay(), Double.NaN, List.of(), typical.toString());
  }

  /** A true/false field. */
  public static FormField bool(String name, boolean typical) {
    return new FormField(
        name, FieldType.BOOLEAN, Double.NaN, Double.NaN, Double.NaN, List.of("false", "true"), Boolean.toString(typical));
  }
}
