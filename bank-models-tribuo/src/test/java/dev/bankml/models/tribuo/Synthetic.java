package dev.bankml.models.tribuo;

import dev.bankml.features.FeatureMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small seeded data sets for the tests. */
final class Synthetic {
  final FeatureMatrix x;
  final int[] y;
  final double[] trueLogit;

  private Synthetic(FeatureMatrix x, int[] y, double[] trueLogit) {
    this.x = x;
    this.y = y;
    this.trueLogit = trueLogit;
  }

  /**
   * Loans-like data: 4 standardised numerics and a 3-level one-hot category (with zeros), label
   * drawn from a logistic model with a mild non-linearity; about 20 % positives.
   */
  static Synthetic loans(int n, long seed) {
    Random r = new Random(seed);
    int cols = 7;
    double[] v = new double[n * cols];
    int[] y = new int[n];
    double[] logit = new double[n];
    for (int i = 0; i < n; i++) {
      double a = r.nextGaussian();
      double b = r.nextGaussian();
      double c = r.nextGaussian();
      double d = r.nextGaussian();
      int level = r.nextInt(3);
      int o = i * cols;
      v[o] = a;
      v[o + 1] = b;
      v[o + 2] = c;
      v[o + 3] = d;
      v[o + 4 + level] = 1.0;
      double z = -1.8 + 1.2 * a - 0.8 * b + 0.4 * c * c - 0.4 + (level == 2 ? 0.9 : level == 1 ? 0.3 : 0);
      logit[i] = z;
      y[i] = r.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
    }
    List<String> names = List.of("a", "b", "c", "d", "grade_A", "grade_B", "grade_C");
    List<String> sources = List.of("a", "b", "c", "d", "grade", "grade", "grade");
    return new Synthetic(FeatureMatrix.wrap(v, n, names, sources), y, logit);
  }

  /** {@code k} well-separated Gaussian blobs in {@code dims} dimensions; labels are the blob. */
  static Synthetic blobs(int n, int k, int dims, double spread, long seed) {
    Random r = new Random(seed);
    double[][] centres = new double[k][dims];
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < dims; j++) {
        centres[c][j] = r.nextDouble() * 20 - 10;
      }
    }
    double[] v = new double[n * dims];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      int c = i % k;
      y[i] = c;
      for (int j = 0; j < dims; j++) {
        v[i * dims + j] = centres[c][j] + r.nextGaussian() * spread;
      }
    }
    List<String> names = new ArrayList<>();
    for (int j = 0; j < dims; j++) {
      names.add("x" + j);
    }
    return new Synthetic(FeatureMatrix.wrap(v, n, names, names), y, new double[n]);
  }
}
