package dev.bankml.models.xgboost;

import dev.bankml.features.FeatureMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Labelled rows for the tests: a noisy non-linear logit over a few features, optionally with missing values. */
record Data(FeatureMatrix x, int[] y) {
  /** The agreement tests' training rows: 2,000 rows of 8 features, 5 % missing. */
  static final Data TRAIN = loans(2000, 8, 1, 0.05);
  /** The agreement tests' held-out rows, drawn like {@link #TRAIN} with another seed. */
  static final Data TEST = loans(500, 8, 2, 0.05);

  static Data loans(int n, int features, long seed, double missingRate) {
    Random r = new Random(seed);
    double[][] rows = new double[n][features];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < features; j++) {
        rows[i][j] = j % 3 == 2 ? r.nextInt(4) : r.nextGaussian();
      }
      double logit = -1.5 + 0.9 * rows[i][0] - 0.6 * rows[i][1] + 0.7 * rows[i][0] * rows[i][features - 1]
          + (rows[i][2] == 3 ? 0.8 : 0);
      y[i] = r.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
      for (int j = 0; j < features; j++) {
        if (r.nextDouble() < missingRate) {
          rows[i][j] = Double.NaN;
        }
      }
    }
    List<String> names = new ArrayList<>();
    for (int j = 0; j < features; j++) {
      names.add("f" + j);
    }
    return new Data(FeatureMatrix.of(rows, names), y);
  }
}
