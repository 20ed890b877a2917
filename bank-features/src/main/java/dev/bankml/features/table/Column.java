package dev.bankml.features.table;

import java.util.Optional;

/**
 * One typed column of a {@link Table}: numeric, categorical, boolean or date, each with an explicit
 * missing state. Immutable.
 */
public sealed interface Column permits NumericColumn, CategoricalColumn, BooleanColumn, DateColumn {
  /** The column's name. */
  String name();

  /** The kind of values held. */
  ColumnType type();

  /** Number of rows. */
  int size();

  /** Whether row {@code row} is missing. */
  boolean isMissing(int row);

  /** The number of missing rows. */
  default int missingCount() {
    int n = 0;
    for (int i = 0; i < size(); i++) {
      if (isMissing(i)) {
        n++;
      }
    }
    return n;
  }

  /**
   * The value at {@code row} as a plain Java object ({@code Double}, {@code String}, {@code
   * Boolean}, {@code LocalDate}), or empty when missing.
   */
  Optional<Object> value(int row);

  /** The value at {@code row} as text; the empty string when missing. */
  default String text(int row) {
    return value(row).map(String::valueOf).orElse("");
  }

  /** The rows at {@code rows}, in that order. */
  Column select(int[] rows);

  /** The same values under another name. */
  Column withName(String newName);
}
