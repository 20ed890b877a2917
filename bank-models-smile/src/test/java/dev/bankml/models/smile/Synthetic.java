package dev.bankml.models.smile;

import dev.bankml.features.FeatureMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small seeded data sets for the tests. */
final class Synthetic {
  private Synthetic() {}

  /** Rows with {@code p} standard-normal features and a label drawn from a known logistic model. */
  record Labelled(FeatureMatrix x, int[] y) {}

  static Labelled credit(int n, int p, long seed) {
    Random r = new Random(seed);
    double[][] rows = new double[n][p];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      double z = -1.5;
      for (int j = 0; j < p; j++) {
        rows[i][j] = r.nextGaussian();
        z += (j % 2 == 0 ? 1.0 : -0.5) * rows[i][j] / (1 + j / 2.0);
      }
      z += 0.8 * rows[i][0] * rows[i][Math.min(1, p - 1)];
      y[i] = r.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
    }
    return new Labelled(FeatureMatrix.of(rows, names(p)), y);
  }

  /** {@code k} well-separated Gaussian blobs of {@code perBlob} rows in {@code p} dimensions. */
  record Blobs(FeatureMatrix x, int[] truth) {}

  static Blobs blobs(int k, int perBlob, int p, long seed) {
    Random r = new Random(seed);
    double[][] centres = new double[k][p];
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < p; j++) {
        centres[c][j] = 10 * r.nextGaussian();
      }
    }
    double[][] rows = new double[k * perBlob][p];
    int[] truth = new int[k * perBlob];
    for (int i = 0; i < rows.length; i++) {
      int c = i % k;
      truth[i] = c;
      for (int j = 0; j < p; j++) {
        rows[i][j] = centres[c][j] + 0.5 * r.nextGaussian();
      }
    }
    return new Blobs(FeatureMatrix.of(rows, names(p)), truth);
  }

  static List<String> names(int p) {
    List<String> names = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      names.add("x" + j);
    }
    return names;
  }
}
