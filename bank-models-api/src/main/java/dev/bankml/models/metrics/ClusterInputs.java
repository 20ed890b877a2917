package dev.bankml.models.metrics;

import dev.bankml.data.BankmlException;
import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.spi.Clustering;
import java.util.TreeMap;

/** Shared work of the clustering metrics: validation and per-cluster means, ignoring noise. */
final class ClusterInputs {
  private ClusterInputs() {}

  static void check(String metric, FeatureMatrix x, int[] labels) {
    if (x.rows() != labels.length) {
      throw new BankmlException(
          metric + ": " + x.rows() + " rows but " + labels.length + " labels; they must be equal in number");
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 && labels[i] != Clustering.NOISE) {
        throw new BankmlException(metric + ": label at row " + i + " is " + labels[i]
            + "; labels must be 0 or more, or " + Clustering.NOISE + " for noise");
      }
    }
  }

  /** Maps each distinct non-noise label to 0..k-1 (in label order); noise stays -1. */
  static int[] compact(int[] labels) {
    TreeMap<Integer, Integer> ids = new TreeMap<>();
    for (int l : labels) {
      if (l != Clustering.NOISE) {
        ids.putIfAbsent(l, 0);
      }
    }
    int next = 0;
    for (var e : ids.entrySet()) {
      e.setValue(next++);
    }
    int[] out = new int[labels.length];
    for (int i = 0; i < labels.length; i++) {
      out[i] = labels[i] == Clustering.NOISE ? Clustering.NOISE : ids.get(labels[i]);
    }
    return out;
  }

  static int clusterCount(int[] compact) {
    int k = 0;
    for (int l : compact) {
      k = Math.max(k, l + 1);
    }
    return k;
  }

  static double[][] means(FeatureMatrix x, int[] compact, int k) {
    double[][] sum = new double[k][x.cols()];
    long[] n = new long[k];
    for (int i = 0; i < compact.length; i++) {
      int c = compact[i];
      if (c < 0) {
        continue;
      }
      n[c]++;
      for (int j = 0; j < x.cols(); j++) {
        sum[c][j] += x.get(i, j);
      }
    }
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < x.cols(); j++) {
        sum[c][j] /= n[c];
      }
    }
    return sum;
  }

  static double squaredDistance(FeatureMatrix x, int row, double[] point) {
    double s = 0;
    for (int j = 0; j < point.length; j++) {
      double d = x.get(row, j) - point[j];
      s += d * d;
    }
    return s;
  }

  static double squaredDistance(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      double d = a[j] - b[j];
      s += d * d;
    }
    return s;
  }
}
