package dev.bankml.features.table;

import dev.bankml.data.BankmlException;
import dev.bankml.data.SettingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A binary outcome: the column that holds it and, optionally, which of its values is the positive
 * class (1, e.g. "defaulted"). The one label parser of bankml: training, evaluation, validation,
 * profiling and the web all turn a target column into 0/1 labels here, with one rule:
 *
 * <ul>
 *   <li>a <b>boolean</b> column: true is 1, unless the positive value names false (false/no/0/n/f);
 *   <li>a <b>numeric</b> column without a positive value: 0 or 1, anything else refused; with one:
 *       at most two distinct values, the positive one is 1;
 *   <li>a <b>text</b> column: at most two distinct values (trimmed); the positive one is named
 *       (matched exactly, else ignoring case) or, when not named, is the one value that reads as
 *       a positive word (1, true, yes, y, t, bad, default, defaulted);
 *   <li>a named positive value that does not occur must not be a third outcome: with two other
 *       values in the column it is refused (a typo), with one it simply did not happen (all 0).
 * </ul>
 *
 * Errors name the column, the value and the data row (1-based); those that the positive value or
 * another target column would fix are {@link SettingException}s naming the setting
 * ({@code positive} or {@code target}).
 *
 * @param column the target column
 * @param positive the value that means 1, or empty to use the rule above
 */
public record BinaryTarget(String column, Optional<String> positive) {
  /** The setting that names the target column. */
  public static final String TARGET_SETTING = "target";
  /** The setting that names the positive value. */
  public static final String POSITIVE_SETTING = "positive";

  private static final Set<String> TRUE_WORDS = Set.of("1", "true", "yes", "y", "t");
  private static final Set<String> FALSE_WORDS = Set.of("0", "false", "no", "n", "f");
  private static final Set<String> POSITIVE_WORDS = Set.of("1", "true", "yes", "y", "t", "bad", "default", "defaulted");

  /** Checks the settings; a blank positive value counts as none. */
  public BinaryTarget {
    Objects.requireNonNull(column, "column");
    positive = positive.map(String::trim).filter(p -> !p.isEmpty());
  }

  /** The target {@code column} with its positive value found by the rule. */
  public static BinaryTarget of(String column) {
    return new BinaryTarget(column, Optional.empty());
  }

  /** The target {@code column} whose value {@code positive} means 1. */
  public static BinaryTarget of(String column, String positive) {
    return new BinaryTarget(column, Optional.of(positive));
  }

  /**
   * The 0/1 label of every row of {@code table}.
   *
   * @throws BankmlException when the column is absent, a row has no value, or the values are not
   *     a binary outcome by the rule above
   */
  public int[] labels(Table table) {
    return read(table, false);
  }

  /** The label of every row of {@code table}, {@code -1} where the target is missing; otherwise as {@link #labels}. */
  public int[] labelsOrMissing(Table table) {
    return read(table, true);
  }

  private int[] read(Table table, boolean allowMissing) {
    if (!table.has(column)) {
      throw new SettingException(TARGET_SETTING, "target column '" + column + "' is not in the data; columns are "
          + table.columnNames());
    }
    Column c = table.column(column);
    int[] y = new int[c.size()];
    for (int i = 0; i < y.length; i++) {
      if (c.isMissing(i)) {
        if (!allowMissing) {
          throw new TargetValueException(column, i, "is missing", "every row needs an observed outcome", Optional.empty());
        }
        y[i] = -1;
      }
    }
    if (c instanceof BooleanColumn b) {
      boolean positiveIsTrue = positive.map(p -> booleanPositive(p)).orElse(true);
      for (int i = 0; i < y.length; i++) {
        if (y[i] >= 0) {
          y[i] = (b.state(i) == 1) == positiveIsTrue ? 1 : 0;
        }
      }
      return y;
    }
    if (c instanceof NumericColumn n) {
      return positive.isEmpty() ? zeroOne(n, y) : numeric(n, y, number(positive.get()));
    }
    if (c instanceof CategoricalColumn) {
      return text(c, y);
    }
    throw new SettingException(TARGET_SETTING, "target column '" + column + "' is a "
        + c.type().name().toLowerCase(Locale.ROOT) + " column; a target must be boolean, 0/1 or two values");
  }

  private boolean booleanPositive(String p) {
    String v = p.toLowerCase(Locale.ROOT);
    if (!TRUE_WORDS.contains(v) && !FALSE_WORDS.contains(v)) {
      throw new SettingException(POSITIVE_SETTING, "target column '" + column + "' is boolean but the positive value is '"
          + p + "'; give true/false, yes/no or 1/0");
    }
    return TRUE_WORDS.contains(v);
  }

  private double number(String p) {
    try {
      return Double.parseDouble(p);
    } catch (NumberFormatException e) {
      throw new SettingException(POSITIVE_SETTING, "target column '" + column + "' is numeric but the positive value '"
          + p + "' is not a number");
    }
  }

  private int[] zeroOne(NumericColumn n, int[] y) {
    for (int i = 0; i < y.length; i++) {
      if (y[i] < 0) {
        continue;
      }
      double v = n.get(i);
      if (v != 0 && v != 1) {
        throw new TargetValueException(column, i, "has value " + n.text(i),
            "a numeric target must be 0 or 1, or name the value that means 1", Optional.of(POSITIVE_SETTING));
      }
      y[i] = (int) v;
    }
    return y;
  }

  private int[] numeric(NumericColumn n, int[] y, double pos) {
    List<Double> seen = new ArrayList<>(2);
    List<String> seenText = new ArrayList<>(2);
    for (int i = 0; i < y.length; i++) {
      if (y[i] < 0) {
        continue;
      }
      double v = n.get(i);
      if (!seen.contains(v)) {
        if (seen.size() == 2) {
          throw third(i, n.text(i), seenText);
        }
        seen.add(v);
        seenText.add(n.text(i));
      }
      y[i] = v == pos ? 1 : 0;
    }
    if (!seen.contains(pos) && seen.size() == 2) {
      throw neverOccurs(seenText);
    }
    return y;
  }

  private int[] text(Column c, int[] y) {
    List<String> seen = new ArrayList<>(2);
    for (int i = 0; i < y.length; i++) {
      if (y[i] >= 0) {
        String v = c.text(i).trim();
        if (!seen.contains(v)) {
          if (seen.size() == 2) {
            throw third(i, v, seen);
          }
          seen.add(v);
        }
      }
    }
    String pos = positive.isPresent() ? level(seen, positive.get()) : guess(seen);
    for (int i = 0; i < y.length; i++) {
      if (y[i] >= 0) {
        y[i] = c.text(i).trim().equals(pos) ? 1 : 0;
      }
    }
    return y;
  }

  private String level(List<String> seen, String p) {
    for (String s : seen) {
      if (s.equals(p)) {
        return s;
      }
    }
    for (String s : seen) {
      if (s.equalsIgnoreCase(p)) {
        return s;
      }
    }
    if (seen.size() == 2) {
      throw neverOccurs(seen);
    }
    return p;
  }

  private String guess(List<String> seen) {
    List<String> positives = seen.stream().filter(s -> POSITIVE_WORDS.contains(s.toLowerCase(Locale.ROOT))).toList();
    if (positives.size() == 1) {
      return positives.get(0);
    }
    throw new SettingException(POSITIVE_SETTING, "target column '" + column + "' has values " + seen
        + "; name the value that means 1 (default)");
  }

  private TargetValueException third(int row, String value, List<String> seen) {
    return new TargetValueException(column, row, "has a third value '" + BankmlException.clip(value) + "'",
        "besides '" + seen.get(0) + "' and '" + seen.get(1) + "'; a target has two outcomes (default or not)",
        Optional.empty());
  }

  private SettingException neverOccurs(List<String> seen) {
    return new SettingException(POSITIVE_SETTING, "positive value '" + BankmlException.clip(positive.orElse("")) + "' never occurs in target column '"
        + column + "'; its values are " + seen);
  }
}
