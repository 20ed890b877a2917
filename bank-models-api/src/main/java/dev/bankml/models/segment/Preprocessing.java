package dev.bankml.models.segment;

import dev.bankml.features.FeatureMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The per-column scaling of a segmentation, fitted on the training rows. Immutable. */
record Preprocessing(List<ColumnScaling> columns) {
  /** Skewness above which (in absolute value) a column is log-compressed. */
  static final double SKEW_LIMIT = 1.0;
  /** Standardised values are clipped to this many standard deviations. */
  static final double CLIP = 5.0;

  Preprocessing {
    columns = List.copyOf(columns);
  }

  /** Learns imputation, compression and standardisation for every column of {@code raw}. */
  static Preprocessing fit(RawColumns raw) {
    List<ColumnScaling> out = new ArrayList<>();
    for (int j = 0; j < raw.cols(); j++) {
      out.add(fitColumn(raw.features().get(j).name(), raw.values().get(j)));
    }
    return new Preprocessing(out);
  }

  private static ColumnScaling fitColumn(String name, double[] values) {
    double[] present = Arrays.stream(values).filter(Double::isFinite).toArray();
    double skew = skewness(present);
    boolean log = Math.abs(skew) > SKEW_LIMIT;
    ColumnScaling probe = new ColumnScaling(name, skew, log, 0, 0, 1, Double.MAX_VALUE);
    double[] compressed = new double[present.length];
    for (int i = 0; i < present.length; i++) {
      compressed[i] = probe.compress(present[i]);
    }
    double median = median(compressed);
    // mean and standard deviation after imputing the median, so the scaled column has mean ~0, sd ~1
    int missing = values.length - present.length;
    double sum = median * missing;
    for (double v : compressed) {
      sum += v;
    }
    double mean = values.length == 0 ? 0 : sum / values.length;
    double ss = missing * (median - mean) * (median - mean);
    for (double v : compressed) {
      ss += (v - mean) * (v - mean);
    }
    double sd = values.length < 2 ? 0 : Math.sqrt(ss / (values.length - 1));
    return new ColumnScaling(name, skew, log, median, mean, sd > 0 ? sd : 1.0, CLIP);
  }

  /** The standardised matrix of {@code raw}'s rows, with {@code names} as feature names. */
  FeatureMatrix transform(List<double[]> rawColumns, int rows) {
    int d = columns.size();
    double[] out = new double[rows * d];
    for (int j = 0; j < d; j++) {
      ColumnScaling c = columns.get(j);
      double[] col = rawColumns.get(j);
      for (int i = 0; i < rows; i++) {
        out[i * d + j] = c.apply(col[i]);
      }
    }
    List<String> names = columns.stream().map(ColumnScaling::name).toList();
    return FeatureMatrix.wrap(out, rows, names, names);
  }

  /** The standardised vector of one raw row (values in column order, NaN for missing). */
  double[] transformRow(double[] raw) {
    double[] out = new double[columns.size()];
    for (int j = 0; j < out.length; j++) {
      out[j] = columns.get(j).apply(raw[j]);
    }
    return out;
  }

  static double skewness(double[] v) {
    int n = v.length;
    if (n < 3) {
      return 0;
    }
    double mean = 0;
    for (double x : v) {
      mean += x;
    }
    mean /= n;
    double m2 = 0;
    double m3 = 0;
    for (double x : v) {
      double d = x - mean;
      m2 += d * d;
      m3 += d * d * d;
    }
    m2 /= n;
    m3 /= n;
    return m2 <= 0 ? 0 : m3 / Math.pow(m2, 1.5);
  }

  static double median(double[] v) {
    if (v.length == 0) {
      return 0;
    }
    double[] s = v.clone();
    Arrays.sort(s);
    int mid = s.length / 2;
    return s.length % 2 == 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  }
}
