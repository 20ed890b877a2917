package dev.bankml.models.segment;

import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.spi.Clustering;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Prediction strength of a clustering into {@code k} segments (Tibshirani and Walther, 2005,
 * "Cluster validation by prediction strength"): split the rows at random into two halves, cluster
 * each, and ask how well the first half's segments predict the second half's own. For every
 * segment of the second half, the share of its pairs of customers that the first half's clustering
 * also puts together; the strength is the smallest of these shares. A k that splits a real group in
 * two arbitrary ways scores low, because the two halves split it differently; every k up to the
 * true number of groups scores near 1. The authors choose the largest k whose strength is at least
 * 0.8 to 0.9.
 */
final class PredictionStrength {
  /** Segments of the second half with fewer customers than this are too small to judge and are skipped. */
  static final int MIN_SEGMENT = 10;

  private PredictionStrength() {}

  /** Random halvings averaged per k: one halving's strength swings with the k-means local optima its halves land in. */
  static final int SPLITS = 3;

  /**
   * The prediction strength of {@code k} segments on {@code x}: the mean over {@link #SPLITS}
   * random halvings drawn from {@code seed} (Tibshirani and Walther average repeated two-fold
   * cross-validation the same way); NaN when a half is too small to cluster into {@code k}.
   */
  static double of(ClusterRunner runner, FeatureMatrix x, int k, long seed) {
    return of(runner, x, k, seed, SPLITS);
  }

  /** The mean prediction strength of {@code k} segments over {@code splits} random halvings. */
  static double of(ClusterRunner runner, FeatureMatrix x, int k, long seed, int splits) {
    double sum = 0;
    for (int s = 0; s < splits; s++) {
      double one = once(runner, x, k, seed + 1000L * s);
      if (Double.isNaN(one)) {
        return Double.NaN;
      }
      sum += one;
    }
    return sum / splits;
  }

  /** The strength of one random halving drawn from {@code seed}. */
  static double once(ClusterRunner runner, FeatureMatrix x, int k, long seed) {
    int n = x.rows();
    if (n < 4 * k) {
      return Double.NaN;
    }
    int[] order = new int[n];
    Arrays.setAll(order, i -> i);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int[] training = Arrays.copyOfRange(order, 0, n / 2);
    int[] test = Arrays.copyOfRange(order, n / 2, n);
    Arrays.sort(training);
    Arrays.sort(test);
    FeatureMatrix testRows = x.selectRows(test);
    Clustering fromTraining = runner.fit(x.selectRows(training), k, seed + 1);
    Clustering ownTest = runner.fit(testRows, k, seed + 2);
    return strength(ownTest.trainingLabels(), fromTraining.assign(testRows), k);
  }

  /**
   * The smallest, over the test segments of at least {@link #MIN_SEGMENT} customers, of the share of
   * their pairs that {@code predicted} also puts in one segment; NaN when no segment is that large.
   */
  static double strength(int[] own, int[] predicted, int k) {
    int maxLabel = k;
    for (int p : predicted) {
      maxLabel = Math.max(maxLabel, p + 1);
    }
    long[][] counts = new long[k][maxLabel + 1];
    long[] sizes = new long[k];
    for (int i = 0; i < own.length; i++) {
      if (own[i] < 0 || own[i] >= k) {
        continue; // noise is no segment
      }
      sizes[own[i]]++;
      counts[own[i]][predicted[i] < 0 ? maxLabel : predicted[i]]++;
    }
    double min = Double.NaN;
    for (int j = 0; j < k; j++) {
      if (sizes[j] < MIN_SEGMENT) {
        continue;
      }
      double together = 0;
      for (int l = 0; l < maxLabel; l++) {
        together += counts[j][l] * (counts[j][l] - 1) / 2.0;
      }
      double share = together / (sizes[j] * (sizes[j] - 1) / 2.0);
      min = Double.isNaN(min) ? share : Math.min(min, share);
    }
    return min;
  }
}
