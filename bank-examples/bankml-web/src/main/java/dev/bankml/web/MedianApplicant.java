package dev.bankml.web;

import dev.bankml.features.table.Column;
import dev.bankml.features.table.NumericColumn;
import dev.bankml.features.table.Table;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The loan form's pre-filled applicant: the real row nearest the median of every numeric column
 * (distance in interquartile ranges), so its values belong together — a grade that fits its
 * interest rate, spending that fits its income — instead of a mix of per-column medians and modes.
 */
final class MedianApplicant {
  private MedianApplicant() {}

  /** The values of {@code columns} in the row of {@code rows} nearest the medians; empty when there are no rows. */
  static Map<String, String> of(Table rows, List<String> columns) {
    List<String> present = columns.stream().filter(rows::has).toList();
    List<double[]> numeric = new ArrayList<>();
    for (String name : present) {
      Column c = rows.column(name);
      if (c instanceof NumericColumn n) {
        double[] v = n.values();
        double[] sorted = Arrays.stream(v).filter(Double::isFinite).sorted().toArray();
        if (sorted.length == 0) {
          continue;
        }
        double median = sorted[sorted.length / 2];
        double iqr = sorted[(int) (sorted.length * 0.75)] - sorted[(int) (sorted.length * 0.25)];
        double scale = iqr > 0 ? iqr : 1;
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
          d[i] = Double.isFinite(v[i]) ? Math.abs(v[i] - median) / scale : Double.POSITIVE_INFINITY;
        }
        numeric.add(d);
      }
    }
    int best = -1;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int i = 0; i < rows.rows(); i++) {
      double sum = 0;
      for (double[] d : numeric) {
        sum += d[i];
      }
      if (sum < bestDistance) {
        bestDistance = sum;
        best = i;
      }
    }
    Map<String, String> out = new LinkedHashMap<>();
    if (best < 0) {
      return out;
    }
    for (String name : present) {
      Column c = rows.column(name);
      if (c.isMissing(best)) {
        continue;
      }
      out.put(name, c instanceof NumericColumn n
          ? NumberText.format(NumberText.round(n.get(best), 6, RoundingMode.HALF_EVEN)) : c.text(best));
    }
    return out;
  }
}
