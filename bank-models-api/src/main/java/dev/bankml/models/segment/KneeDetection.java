package dev.bankml.models.segment;

/**
 * The knee (elbow) of a decreasing curve by the Kneedle method (Satopää et al., 2011): with both
 * axes scaled to [0, 1], the knee is the point farthest below the straight line joining the ends.
 */
final class KneeDetection {
  private KneeDetection() {}

  /** The x at the knee of the curve through ({@code x[i]}, {@code y[i]}), x ascending. */
  static int knee(int[] x, double[] y) {
    int n = x.length;
    if (n == 0) {
      throw new IllegalArgumentException("no points");
    }
    if (n < 3) {
      return x[0];
    }
    double xMin = x[0];
    double xMax = x[n - 1];
    double yMin = Double.POSITIVE_INFINITY;
    double yMax = Double.NEGATIVE_INFINITY;
    for (double v : y) {
      yMin = Math.min(yMin, v);
      yMax = Math.max(yMax, v);
    }
    if (yMax == yMin || xMax == xMin) {
      return x[0];
    }
    int best = 0;
    double bestGap = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      double xn = (x[i] - xMin) / (xMax - xMin);
      double yn = (y[i] - yMin) / (yMax - yMin);
      double gap = (1 - xn) - yn;
      if (gap > bestGap + 1e-12) {
        bestGap = gap;
        best = i;
      }
    }
    return x[best];
  }
}
