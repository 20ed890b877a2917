package dev.bankml.features.profile;

/** Pearson correlation of two numeric columns whose missing values are NaN. */
public final class PearsonCorrelation {
  private PearsonCorrelation() {}

  /**
   * Pearson r over the rows where both values are present; NaN when there are fewer than two such
   * rows or either column has no spread over them.
   */
  public static double of(double[] a, double[] b) {
    double sa = 0;
    double sb = 0;
    int n = 0;
    for (int i = 0; i < a.length; i++) {
      if (!Double.isNaN(a[i]) && !Double.isNaN(b[i])) {
        sa += a[i];
        sb += b[i];
        n++;
      }
    }
    if (n < 2) {
      return Double.NaN;
    }
    double ma = sa / n;
    double mb = sb / n;
    double cov = 0;
    double va = 0;
    double vb = 0;
    for (int i = 0; i < a.length; i++) {
      if (!Double.isNaN(a[i]) && !Double.isNaN(b[i])) {
        cov += (a[i] - ma) * (b[i] - mb);
        va += (a[i] - ma) * (a[i] - ma);
        vb += (b[i] - mb) * (b[i] - mb);
      }
    }
    return va == 0 || vb == 0 ? Double.NaN : cov / Math.sqrt(va * vb);
  }

  /** {@link #of} with 0 in place of NaN, for ranking and thresholds. */
  public static double orZero(double[] a, double[] b) {
    double r = of(a, b);
    return Double.isNaN(r) ? 0 : r;
  }
}
