package dev.bankml.features.drift;

import dev.bankml.features.table.CategoricalColumn;
import dev.bankml.features.table.Column;
import dev.bankml.features.table.NumericColumn;
import dev.bankml.features.table.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Population stability index between an expected (baseline, e.g. training) and an actual (new)
 * sample of one feature or score: PSI = Σ (actual share - expected share) · ln(actual / expected)
 * over bins. Numeric bins are the expected sample's quantiles; categorical bins are the levels;
 * missing values form their own bin. An empty share is floored at {@value #FLOOR} so the sum
 * stays finite.
 */
public final class Psi {
  /** The share used in place of zero. */
  public static final double FLOOR = 1e-4;

  private Psi() {}

  /** PSI of column {@code column} between two tables, with 10 quantile bins for numerics. */
  public static PsiResult between(Table expected, Table actual, String column) {
    Column e = expected.column(column);
    Column a = actual.column(column);
    if (e instanceof CategoricalColumn ec && a instanceof CategoricalColumn ac) {
      return categorical(column, ec, ac);
    }
    if (e instanceof NumericColumn en && a instanceof NumericColumn an) {
      return numeric(column, en.values(), an.values(), 10);
    }
    throw new dev.bankml.features.table.ColumnTypeException(
        "PSI of column '" + column + "' needs the same numeric or categorical type in both tables, got "
            + e.type() + " and " + a.type());
  }

  /** PSI of numeric samples (NaN missing), binned at {@code bins} quantiles of {@code expected}. */
  public static PsiResult numeric(String column, double[] expected, double[] actual, int bins) {
    double[] s = Arrays.stream(expected).filter(v -> !Double.isNaN(v)).sorted().toArray();
    List<Double> cuts = new ArrayList<>();
    for (int b = 1; b < bins && s.length > 0; b++) {
      double q = s[(int) Math.min(s.length - 1, Math.floor((double) b * s.length / bins))];
      if ((cuts.isEmpty() || q > cuts.get(cuts.size() - 1)) && q < s[s.length - 1]) {
        cuts.add(q);
      }
    }
    return withCuts(column, expected, actual, cuts.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** PSI of numeric samples over fixed ascending cut points (bin i is (cuts[i-1], cuts[i]]). */
  public static PsiResult withCuts(String column, double[] expected, double[] actual, double[] cuts) {
    int k = cuts.length + 2; // last slot: missing
    double[] e = counts(expected, cuts, k);
    double[] a = counts(actual, cuts, k);
    List<String> labels = new ArrayList<>();
    for (int b = 0; b < k - 1; b++) {
      double lo = b == 0 ? Double.NEGATIVE_INFINITY : cuts[b - 1];
      double hi = b == k - 2 ? Double.POSITIVE_INFINITY : cuts[b];
      labels.add("(" + lo + ", " + hi + "]");
    }
    labels.add("missing");
    return result(column, labels, e, a);
  }

  private static double[] counts(double[] x, double[] cuts, int k) {
    double[] c = new double[k];
    for (double v : x) {
      if (Double.isNaN(v)) {
        c[k - 1]++;
      } else {
        int b = Arrays.binarySearch(cuts, v);
        c[b >= 0 ? b : -b - 1]++;
      }
    }
    return c;
  }

  /** PSI of categorical samples, one bin per level seen in either sample. */
  public static PsiResult categorical(String column, CategoricalColumn expected, CategoricalColumn actual) {
    Map<String, double[]> bins = new LinkedHashMap<>();
    tally(bins, expected, 0);
    tally(bins, actual, 1);
    List<String> labels = new ArrayList<>(bins.keySet());
    double[] e = new double[labels.size()];
    double[] a = new double[labels.size()];
    for (int i = 0; i < labels.size(); i++) {
      e[i] = bins.get(labels.get(i))[0];
      a[i] = bins.get(labels.get(i))[1];
    }
    return result(column, labels, e, a);
  }

  private static void tally(Map<String, double[]> bins, CategoricalColumn c, int slot) {
    Map<Integer, String> names = new HashMap<>();
    for (int i = 0; i < c.size(); i++) {
      int code = c.code(i);
      String label = code < 0 ? "missing" : names.computeIfAbsent(code, c.levels()::get);
      bins.computeIfAbsent(label, l -> new double[2])[slot]++;
    }
  }

  private static PsiResult result(String column, List<String> labels, double[] e, double[] a) {
    double ne = Arrays.stream(e).sum();
    double na = Arrays.stream(a).sum();
    if (ne == 0 || na == 0) {
      throw new IllegalArgumentException("PSI of '" + column + "' needs rows in both samples");
    }
    List<PsiBin> out = new ArrayList<>();
    double psi = 0;
    for (int i = 0; i < labels.size(); i++) {
      if (e[i] == 0 && a[i] == 0) {
        continue;
      }
      double pe = Math.max(e[i] / ne, FLOOR);
      double pa = Math.max(a[i] / na, FLOOR);
      double c = (pa - pe) * Math.log(pa / pe);
      psi += c;
      out.add(new PsiBin(labels.get(i), e[i] / ne, a[i] / na, c));
    }
    return new PsiResult(column, psi, PsiBand.of(psi), out);
  }
}
