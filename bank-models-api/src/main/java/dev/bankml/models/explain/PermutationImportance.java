package dev.bankml.models.explain;

import dev.bankml.data.BankmlException;
import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.spi.Classifier;
import dev.bankml.models.tune.ScoringMetric;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Permutation importance on held-out data: shuffle one source column at a time (all of its encoded
 * features together, so one-hot levels stay consistent) and measure how much the score drops.
 */
public final class PermutationImportance {
  private PermutationImportance() {}

  /** Importance of every source column of {@code x}, most important first; seeded. */
  public static List<ColumnImportance> of(
      Classifier classifier, FeatureMatrix x, int[] labels, ScoringMetric metric, int repeats, long seed) {
    if (repeats < 1) {
      throw new BankmlException("permutation importance needs at least 1 repeat, got " + repeats);
    }
    if (labels.length != x.rows()) {
      throw new BankmlException("permutation importance: " + x.rows() + " rows but " + labels.length + " labels");
    }
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int j = 0; j < x.cols(); j++) {
      groups.computeIfAbsent(x.sources().get(j), k -> new ArrayList<>()).add(j);
    }
    double reference = metric.score(labels, classifier.probabilities(x));
    Random random = new Random(seed);
    int n = x.rows();
    int d = x.cols();
    double[] source = x.rowMajorValues();
    List<ColumnImportance> out = new ArrayList<>();
    for (var group : groups.entrySet()) {
      double[] drops = new double[repeats];
      for (int r = 0; r < repeats; r++) {
        int[] perm = permutation(n, random);
        double[] v = source.clone();
        for (int i = 0; i < n; i++) {
          for (int j : group.getValue()) {
            v[i * d + j] = source[perm[i] * d + j];
          }
        }
        FeatureMatrix shuffled = FeatureMatrix.wrap(v, n, x.names(), x.sources());
        drops[r] = reference - metric.score(labels, classifier.probabilities(shuffled));
      }
      double mean = java.util.Arrays.stream(drops).average().orElse(0);
      double var = java.util.Arrays.stream(drops).map(a -> (a - mean) * (a - mean)).sum() / Math.max(1, repeats - 1);
      out.add(new ColumnImportance(group.getKey(), mean, Math.sqrt(var)));
    }
    out.sort(Comparator.comparingDouble(ColumnImportance::meanDrop).reversed());
    return List.copyOf(out);
  }

  private static int[] permutation(int n, Random random) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int k = random.nextInt(i + 1);
      int t = p[i];
      p[i] = p[k];
      p[k] = t;
    }
    return p;
  }
}
