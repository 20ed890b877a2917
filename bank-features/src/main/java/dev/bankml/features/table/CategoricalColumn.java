package dev.bankml.features.table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A dictionary-encoded column of strings: every row holds an int code into {@link #levels()}, and
 * code -1 marks a missing value.
 */
public final class CategoricalColumn implements Column {
  /** The code of a missing value. */
  public static final int MISSING = -1;

  private final String name;
  private final int[] codes;
  private final List<String> levels;

  private CategoricalColumn(String name, int[] codes, List<String> levels) {
    this.name = Objects.requireNonNull(name, "name");
    this.codes = codes;
    this.levels = levels;
  }

  /**
   * A column from plain strings, in order of first appearance; an empty string is a missing value.
   */
  public static CategoricalColumn of(String name, String... values) {
    return of(name, List.of(values));
  }

  /** A column from plain strings; an empty string is a missing value. */
  public static CategoricalColumn of(String name, List<String> values) {
    Map<String, Integer> dict = new HashMap<>();
    List<String> levels = new ArrayList<>();
    int[] codes = new int[values.size()];
    for (int i = 0; i < codes.length; i++) {
      String v = values.get(i);
      if (v.isEmpty()) {
        codes[i] = MISSING;
      } else {
        codes[i] = dict.computeIfAbsent(v, k -> {
          levels.add(k);
          return levels.size() - 1;
        });
      }
    }
    return new CategoricalColumn(name, codes, List.copyOf(levels));
  }

  /**
   * A column over {@code codes} (not copied; the caller must not modify it) into {@code levels};
   * every code is -1 or a valid index into {@code levels}.
   */
  public static CategoricalColumn wrap(String name, int[] codes, List<String> levels) {
    List<String> lv = List.copyOf(levels);
    for (int i = 0; i < codes.length; i++) {
      if (codes[i] < MISSING || codes[i] >= lv.size()) {
        throw new IllegalArgumentException(
            "column " + name + " row " + i + ": code " + codes[i] + " is outside -1.." + (lv.size() - 1));
      }
    }
    return new CategoricalColumn(name, codes, lv);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ColumnType type() {
    return ColumnType.CATEGORICAL;
  }

  @Override
  public int size() {
    return codes.length;
  }

  /** The code at {@code row}; -1 when missing. */
  public int code(int row) {
    return codes[row];
  }

  /** The backing code array, read only. */
  public int[] codes() {
    return codes;
  }

  /** The dictionary: the level of code {@code i} is {@code levels().get(i)}. */
  public List<String> levels() {
    return levels;
  }

  /** The level at {@code row}, or empty when missing. */
  public Optional<String> level(int row) {
    int c = codes[row];
    return c == MISSING ? Optional.empty() : Optional.of(levels.get(c));
  }

  /** The number of rows per code (index = code). */
  public int[] counts() {
    int[] n = new int[levels.size()];
    for (int c : codes) {
      if (c != MISSING) {
        n[c]++;
      }
    }
    return n;
  }

  @Override
  public boolean isMissing(int row) {
    return codes[row] == MISSING;
  }

  @Override
  public Optional<Object> value(int row) {
    return level(row).map(s -> s);
  }

  @Override
  public CategoricalColumn select(int[] rows) {
    int[] c = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      c[i] = codes[rows[i]];
    }
    return new CategoricalColumn(name, c, levels);
  }

  @Override
  public CategoricalColumn withName(String newName) {
    return new CategoricalColumn(newName, codes, levels);
  }

  @Override
  public String toString() {
    return "CategoricalColumn[" + name + ", " + codes.length + " rows, " + levels.size() + " levels]";
  }
}
