package dev.bankml.models.fairness;

import dev.bankml.features.table.BooleanColumn;
import dev.bankml.features.table.CategoricalColumn;
import dev.bankml.features.table.Column;
import dev.bankml.features.table.DateColumn;
import dev.bankml.features.table.NumericColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The group each row of a protected column falls in, as text. */
public final class ProtectedGroups {
  /** Numeric columns with at most this many distinct values are grouped by value; others by quintile. */
  public static final int MAX_NUMERIC_LEVELS = 12;

  /** The label of rows whose value is missing. */
  public static final String MISSING = "(missing)";

  private ProtectedGroups() {}

  /** The group of every row of {@code column}. */
  public static List<String> of(Column column) {
    List<String> out = new ArrayList<>(column.size());
    if (column instanceof NumericColumn n) {
      double[] sorted = n.sortedPresent();
      double[] distinct = Arrays.stream(sorted).distinct().toArray();
      double[] edges = distinct.length <= MAX_NUMERIC_LEVELS ? new double[0] : quintileEdges(sorted);
      for (int i = 0; i < n.size(); i++) {
        out.add(n.isMissing(i) ? MISSING : edges.length == 0 ? number(n.get(i)) : band(n.get(i), edges));
      }
      return out;
    }
    if (column instanceof DateColumn d) {
      for (int i = 0; i < d.size(); i++) {
        out.add(d.value(i).map(v -> String.valueOf(((java.time.LocalDate) v).getYear())).orElse(MISSING));
      }
      return out;
    }
    if (column instanceof CategoricalColumn || column instanceof BooleanColumn) {
      for (int i = 0; i < column.size(); i++) {
        out.add(column.value(i).map(String::valueOf).orElse(MISSING));
      }
      return out;
    }
    throw new IllegalStateException("unknown column kind " + column.type());
  }

  /** Inner quintile edges (distinct, ascending) of non-empty sorted values. */
  private static double[] quintileEdges(double[] sorted) {
    double[] e = new double[4];
    for (int q = 1; q <= 4; q++) {
      e[q - 1] = sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length / 5.0))];
    }
    return Arrays.stream(e).distinct().toArray();
  }

  private static String band(double v, double[] edges) {
    int k = 0;
    while (k < edges.length && v >= edges[k]) {
      k++;
    }
    if (k == 0) {
      return "< " + number(edges[0]);
    }
    if (k == edges.length) {
      return ">= " + number(edges[k - 1]);
    }
    return number(edges[k - 1]) + " to < " + number(edges[k]);
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.4g", v);
  }
}
