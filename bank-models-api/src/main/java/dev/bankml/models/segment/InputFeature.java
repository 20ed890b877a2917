package dev.bankml.models.segment;

import java.util.Optional;

/**
 * One numeric input of a segmentation and where it comes from: a numeric or boolean column
 * ({@code level} empty), or the indicator "{@code source} equals {@code level}" of a categorical
 * column.
 */
public record InputFeature(String name, String source, Optional<String> level) {
  /** A numeric or boolean column used as it is. */
  public static InputFeature numeric(String column) {
    return new InputFeature(column, column, Optional.empty());
  }

  /** The 0/1 indicator of {@code column} taking {@code level}. */
  public static InputFeature indicator(String column, String level) {
    return new InputFeature(column + "=" + level, column, Optional.of(level));
  }
}
