package dev.bankml.features.pipeline;

import dev.bankml.features.table.BooleanColumn;
import dev.bankml.features.table.CategoricalColumn;
import dev.bankml.features.table.Column;
import dev.bankml.features.table.ColumnTypeException;
import dev.bankml.features.table.DateColumn;
import dev.bankml.features.table.NumericColumn;
import dev.bankml.features.table.Table;
import java.util.Arrays;

/** Column access shared by fitted steps. */
final class Work {
  private Work() {}

  /**
   * A fresh copy of column {@code name} as doubles: numeric as is, boolean as 1/0, date as epoch
   * day; all NaN when the table lacks the column.
   */
  static double[] numbers(Table t, String name) {
    if (!t.has(name)) {
      double[] v = new double[t.rows()];
      Arrays.fill(v, Double.NaN);
      return v;
    }
    Column c = t.column(name);
    if (c instanceof NumericColumn n) {
      return n.toArray();
    }
    double[] v = new double[t.rows()];
    if (c instanceof BooleanColumn b) {
      for (int i = 0; i < v.length; i++) {
        v[i] = b.asDouble(i);
      }
      return v;
    }
    if (c instanceof DateColumn d) {
      for (int i = 0; i < v.length; i++) {
        v[i] = d.isMissing(i) ? Double.NaN : d.epochDay(i);
      }
      return v;
    }
    throw new ColumnTypeException("column '" + name + "' is categorical but this step needs numbers; encode it first");
  }

  /** Column {@code name} as categorical; an all-missing column when the table lacks it. */
  static CategoricalColumn categories(Table t, String name) {
    if (!t.has(name)) {
      int[] codes = new int[t.rows()];
      Arrays.fill(codes, CategoricalColumn.MISSING);
      return CategoricalColumn.wrap(name, codes, java.util.List.of());
    }
    Column c = t.column(name);
    if (c instanceof CategoricalColumn cc) {
      return cc;
    }
    String[] text = new String[t.rows()];
    for (int i = 0; i < text.length; i++) {
      text[i] = c.text(i);
    }
    return CategoricalColumn.of(name, text);
  }

  /** The table with numeric column {@code name} set to {@code values}. */
  static Table put(Table t, String name, double[] values) {
    return t.with(NumericColumn.wrap(name, values));
  }

  /** Median of the non-NaN values (NaN when none). */
  static double quantile(double[] sortedPresent, double q) {
    int n = sortedPresent.length;
    if (n == 0) {
      return Double.NaN;
    }
    double pos = q * (n - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(n - 1, lo + 1);
    double a = sortedPresent[lo];
    double b = sortedPresent[hi];
    double f = pos - lo;
    double gap = b - a;
    if (Double.isInfinite(gap)) {
      // two huge values of opposite sign: interpolate without forming their difference
      return f == 0 ? a : a * (1 - f) + b * f;
    }
    return a + f * gap;
  }

  /** The non-NaN values of {@code v}, sorted. */
  static double[] sortedPresent(double[] v) {
    return Arrays.stream(v).filter(x -> !Double.isNaN(x)).sorted().toArray();
  }
}
