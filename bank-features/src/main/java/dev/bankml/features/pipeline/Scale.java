package dev.bankml.features.pipeline;

import dev.bankml.data.BankmlException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Scaling of numeric columns to (x - center) / scale: standard (mean, standard deviation), robust
 * (median, interquartile range) or min-max (min, max - min). A zero spread scales by 1. Missing
 * values stay missing.
 */
public record Scale(Columns columns, Kind kind) implements Step {
  /** The kind of scaling. */
  public enum Kind {
    /** Mean 0, standard deviation 1 (population standard deviation). */
    STANDARD,
    /**
     * Mean 0, sample standard deviation (n − 1) 1, as R's {@code scale()}: sums in row order over
     * the present values. Put it after an imputer so every row counts.
     */
    STANDARD_SAMPLE,
    /** Median 0, interquartile range 1: insensitive to outliers. */
    ROBUST,
    /** Training range mapped to [0, 1]. */
    MIN_MAX
  }

  /** Checks the settings. */
  public Scale {
    Objects.requireNonNull(columns, "columns");
    Objects.requireNonNull(kind, "kind");
  }

  /** Standard scaling of {@code columns}. */
  public static Scale standard(Columns columns) {
    return new Scale(columns, Kind.STANDARD);
  }

  /** Scaling of {@code columns} to mean 0 and sample standard deviation 1. */
  public static Scale standardSample(Columns columns) {
    return new Scale(columns, Kind.STANDARD_SAMPLE);
  }

  /** Robust scaling of {@code columns}. */
  public static Scale robust(Columns columns) {
    return new Scale(columns, Kind.ROBUST);
  }

  /** Min-max scaling of {@code columns}. */
  public static Scale minMax(Columns columns) {
    return new Scale(columns, Kind.MIN_MAX);
  }

  /**
   * Mean and population standard deviation of {@code s} computed on values divided by the largest
   * magnitude, so that values near the limit of a double (1e308) do not overflow the sums; used only
   * when the plain sums overflow, so ordinary data keep their exact bits.
   */
  static double[] scaledMeanAndDeviation(double[] s) {
    double m = 0;
    for (double v : s) {
      m = Math.max(m, Math.abs(v));
    }
    double mean = 0;
    for (double v : s) {
      mean += v / m;
    }
    mean /= s.length;
    double ss = 0;
    for (double v : s) {
      double d = v / m - mean;
      ss += d * d;
    }
    return new double[] {mean * m, Math.sqrt(ss / s.length) * m};
  }

  @Override
  public ScalerFit fit(FitContext ctx) {
    Map<String, Double> center = new LinkedHashMap<>();
    Map<String, Double> scale = new LinkedHashMap<>();
    for (String name : ctx.resolve(columns)) {
      if (kind == Kind.STANDARD_SAMPLE) {
        double[] v = Work.numbers(ctx.table(), name);
        double mean = sampleMean(v);
        double sd = sampleSd(v, mean);
        if (!Double.isFinite(mean) || !Double.isFinite(sd)) {
          throw new BankmlException("column '" + name + "' holds values too large to standardise (its mean or standard"
              + " deviation overflows; largest " + largest(v) + "); rescale it or leave it out");
        }
        center.put(name, mean);
        scale.put(name, sd);
        continue;
      }
      double[] s = Work.sortedPresent(Work.numbers(ctx.table(), name));
      double c;
      double w;
      switch (kind) {
        case STANDARD -> {
          double mean = 0;
          for (double v : s) {
            mean += v;
          }
          mean = s.length == 0 ? 0 : mean / s.length;
          double ss = 0;
          for (double v : s) {
            ss += (v - mean) * (v - mean);
          }
          c = mean;
          w = s.length == 0 ? 1 : Math.sqrt(ss / s.length);
          if (!Double.isFinite(c) || !Double.isFinite(w)) {
            double[] cw = scaledMeanAndDeviation(s);
            c = cw[0];
            w = cw[1];
          }
        }
        case ROBUST -> {
          c = s.length == 0 ? 0 : Work.quantile(s, 0.5);
          w = s.length == 0 ? 1 : Work.quantile(s, 0.75) - Work.quantile(s, 0.25);
        }
        default -> {
          c = s.length == 0 ? 0 : s[0];
          w = s.length == 0 ? 1 : s[s.length - 1] - s[0];
        }
      }
      if (!Double.isFinite(c) || Double.isInfinite(w)) {
        throw new BankmlException("column '" + name + "' holds values from " + s[0] + " to " + s[s.length - 1]
            + ", too far apart to scale within the range of a double; clip them (Clip.winsorise) or rescale the column");
      }
      center.put(name, c);
      scale.put(name, w > 0 && Double.isFinite(w) ? w : 1.0);
    }
    return new ScalerFit(kind, center, scale);
  }

  private static double largest(double[] v) {
    double m = 0;
    for (double x : v) {
      if (Math.abs(x) > Math.abs(m)) {
        m = x;
      }
    }
    return m;
  }

  /** Mean of the present values, summed in row order; 0 when there are none. */
  private static double sampleMean(double[] v) {
    double sum = 0;
    int n = 0;
    for (double x : v) {
      if (!Double.isNaN(x)) {
        sum += x;
        n++;
      }
    }
    return n == 0 ? 0 : sum / n;
  }

  /** Sample standard deviation of the present values around {@code mean}; 1 when it is 0 or undefined. */
  private static double sampleSd(double[] v, double mean) {
    double ss = 0;
    int n = 0;
    for (double x : v) {
      if (!Double.isNaN(x)) {
        ss += (x - mean) * (x - mean);
        n++;
      }
    }
    double sd = n < 2 ? 0 : Math.sqrt(ss / (n - 1));
    return sd > 0 ? sd : 1.0;
  }
}
