package dev.bankml.web;

import dev.bankml.data.BankmlException;
import dev.bankml.features.table.BooleanColumn;
import dev.bankml.features.table.CategoricalColumn;
import dev.bankml.features.table.Column;
import dev.bankml.features.table.NumericColumn;
import dev.bankml.features.table.Table;
import java.util.Locale;
import java.util.Set;

/** Reads a 0/1, boolean or yes/no target column of a table as labels for the model page. */
final class TargetColumn {
  private static final Set<String> POSITIVE = Set.of("1", "true", "yes", "y", "bad", "default", "defaulted", "t");

  private TargetColumn() {}

  /** 1 for a positive row, 0 for a negative one, -1 for a missing target. */
  static int[] labels(Table table, String target, String positiveLabel) {
    if (!table.has(target)) {
      throw new BankmlException("the data has no target column '" + target + "'; columns: "
          + String.join(", ", table.columnNames()));
    }
    Column c = table.column(target);
    int[] y = new int[c.size()];
    for (int i = 0; i < y.length; i++) {
      if (c.isMissing(i)) {
        y[i] = -1;
      } else if (c instanceof BooleanColumn b) {
        y[i] = b.asDouble(i) > 0 ? 1 : 0;
      } else if (c instanceof NumericColumn n) {
        y[i] = n.get(i) > 0 ? 1 : 0;
      } else if (c instanceof CategoricalColumn cat) {
        String v = cat.text(i).trim();
        y[i] = positiveLabel.isEmpty() ? (POSITIVE.contains(v.toLowerCase(Locale.ROOT)) ? 1 : 0)
            : (v.equals(positiveLabel) ? 1 : 0);
      } else {
        throw new BankmlException("target column '" + target + "' is a " + c.type() + "; expected 0/1, boolean or a label");
      }
    }
    return y;
  }
}
