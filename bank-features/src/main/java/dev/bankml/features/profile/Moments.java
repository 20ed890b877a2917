package dev.bankml.features.profile;

/**
 * The first three moments of some values, summed in the order given: the mean, and the sums of
 * squared and of cubed deviations from it.
 *
 * @param n how many values
 * @param mean their mean (NaN for none)
 * @param sumSquares Σ (x − mean)²
 * @param sumCubes Σ (x − mean)³
 */
public record Moments(int n, double mean, double sumSquares, double sumCubes) {
  /** The moments of {@code v} (every value counts; filter missing ones first). */
  public static Moments of(double[] v) {
    int n = v.length;
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
    return new Moments(n, mean, m2, m3);
  }

  /** The population skewness m3 / m2^1.5 (moments divided by n); 0 for fewer than 3 values or no spread. */
  public double populationSkewness() {
    if (n < 3) {
      return 0;
    }
    double m2 = sumSquares / n;
    double m3 = sumCubes / n;
    return m2 <= 0 ? 0 : m3 / Math.pow(m2, 1.5);
  }
}
