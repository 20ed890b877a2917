package dev.bankml.features.pipeline;

import java.util.List;
import java.util.Objects;

/**
 * One raw input a fitted pipeline reads, with what a form needs to ask for it: the training range,
 * a step, the known levels and a typical value. NaN marks "not applicable" for min/max/step.
 *
 * @param min the smallest training value (numbers; dates as epoch day), NaN otherwise
 * @param max the largest training value, NaN otherwise
 * @param step 1 for whole-number columns, 0.01 otherwise; NaN for non-numbers
 * @param levels the training levels, most frequent first (categories), else empty
 * @param typical a typical value as text: the median number or date, the most frequent level or boolean
 * @param missingShare the share of training rows where it was missing
 */
public record InputField(
    String name, InputType type, double min, double max, double step, List<String> levels, String typical, double missingShare) {
  /** Copies the levels. */
  public InputField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    levels = List.copyOf(levels);
    Objects.requireNonNull(typical, "typical");
  }
}
