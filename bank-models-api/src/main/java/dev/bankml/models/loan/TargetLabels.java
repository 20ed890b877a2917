package dev.bankml.models.loan;

import dev.bankml.data.BankmlException;
import dev.bankml.features.table.BooleanColumn;
import dev.bankml.features.table.CategoricalColumn;
import dev.bankml.features.table.Column;
import dev.bankml.features.table.NumericColumn;
import dev.bankml.features.table.Table;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Turns a target column into 0/1 labels (1 = defaulted), refusing anything ambiguous. */
final class TargetLabels {
  private static final Set<String> POSITIVE_WORDS = Set.of("1", "true", "yes", "y", "bad", "default", "defaulted", "t");

  private TargetLabels() {}

  static int[] of(Table table, String target, Optional<String> positive) {
    if (!table.has(target)) {
      throw new BankmlException("target column '" + target + "' is not in the data; columns are " + table.columnNames()
          + " (choose one with --target)");
    }
    Column c = table.column(target);
    int[] y = new int[table.rows()];
    for (int i = 0; i < y.length; i++) {
      if (c.isMissing(i)) {
        throw new BankmlException("target column '" + target + "' is missing in data row " + (i + 1)
            + "; drop unlabelled rows before training");
      }
    }
    if (c instanceof BooleanColumn b) {
      boolean positiveIsTrue = positive.map(p -> !isFalseWord(p)).orElse(true);
      for (int i = 0; i < y.length; i++) {
        y[i] = (b.state(i) == 1) == positiveIsTrue ? 1 : 0;
      }
      return y;
    }
    if (c instanceof NumericColumn n) {
      double pos = positive.map(p -> parseNumber(target, p)).orElse(1.0);
      for (int i = 0; i < y.length; i++) {
        double v = n.get(i);
        if (positive.isEmpty() && v != 0 && v != 1) {
          throw new BankmlException("target column '" + target + "' has value " + v + " in data row " + (i + 1)
              + "; a numeric target must be 0 or 1, or name the positive value with --positive");
        }
        y[i] = v == pos ? 1 : 0;
      }
      return y;
    }
    if (c instanceof CategoricalColumn cat) {
      List<String> levels = cat.levels();
      int posCode = positive.map(p -> levelIndex(levels, p, target)).orElseGet(() -> guessPositive(levels, target));
      for (int i = 0; i < y.length; i++) {
        y[i] = cat.code(i) == posCode ? 1 : 0;
      }
      return y;
    }
    throw new BankmlException("target column '" + target + "' is a " + c.type().name().toLowerCase(Locale.ROOT)
        + " column; it must be boolean, 0/1 or categorical");
  }

  private static boolean isFalseWord(String s) {
    return Set.of("0", "false", "no", "n", "f").contains(s.trim().toLowerCase(Locale.ROOT));
  }

  private static double parseNumber(String target, String p) {
    try {
      return Double.parseDouble(p.trim());
    } catch (NumberFormatException e) {
      throw new BankmlException("target column '" + target + "' is numeric but --positive is '" + p + "', not a number");
    }
  }

  private static int levelIndex(List<String> levels, String p, String target) {
    for (int i = 0; i < levels.size(); i++) {
      if (levels.get(i).equals(p.trim())) {
        return i;
      }
    }
    for (int i = 0; i < levels.size(); i++) {
      if (levels.get(i).equalsIgnoreCase(p.trim())) {
        return i;
      }
    }
    throw new BankmlException("positive value '" + p + "' never occurs in target column '" + target + "'; its values are " + levels);
  }

  private static int guessPositive(List<String> levels, String target) {
    int found = -1;
    if (levels.size() == 2) {
      for (int i = 0; i < 2; i++) {
        if (POSITIVE_WORDS.contains(levels.get(i).trim().toLowerCase(Locale.ROOT))) {
          found = found == -1 ? i : -2;
        }
      }
    }
    if (found < 0) {
      throw new BankmlException("target column '" + target + "' has values " + levels
          + "; say which one means default with --positive VALUE");
    }
    return found;
  }
}
