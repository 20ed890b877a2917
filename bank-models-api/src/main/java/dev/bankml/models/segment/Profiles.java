package dev.bankml.models.segment;

import dev.bankml.features.table.Column;
import dev.bankml.features.table.Table;
import dev.bankml.models.spi.Clustering;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

/** Computes segment profiles from the encoded but unscaled columns and the segment labels. */
final class Profiles {
  private static final int TOP = 5;

  private Profiles() {}

  /** One profile per segment 0 … k-1, then one for noise if any row is noise. Names are left empty. */
  static List<SegmentProfile> compute(Table encoded, List<String> ids, int[] labels, int k, CustomerOutcomes outcomes) {
    int n = ids.size();
    boolean noise = Arrays.stream(labels).anyMatch(l -> l == Clustering.NOISE);
    int groups = k + (noise ? 1 : 0); // group k holds the noise rows
    long[] size = new long[groups];
    for (int l : labels) {
      size[group(l, k)]++;
    }
    List<List<FeatureProfile>> features = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      features.add(new ArrayList<>());
    }
    for (Column c : encoded.columns()) {
      addFeature(c.name(), SegmentationPipeline.numbers(c), labels, k, groups, features);
    }
    List<SegmentProfile> out = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      List<FeatureProfile> fs = features.get(g);
      List<String> top = fs.stream()
          .filter(f -> Double.isFinite(f.zScore()))
          .sorted((a, b) -> Double.compare(Math.abs(b.zScore()), Math.abs(a.zScore())))
          .limit(TOP)
          .map(FeatureProfile::feature)
          .toList();
      int segment = g < k ? g : Clustering.NOISE;
      out.add(new SegmentProfile(segment, "", size[g], n == 0 ? 0 : (double) size[g] / n, fs, top,
          defaultRate(ids, labels, segment, outcomes.defaulted()),
          holdings(ids, labels, segment, size[g], outcomes.holdings())));
    }
    return out;
  }

  private static int group(int label, int k) {
    return label == Clustering.NOISE ? k : label;
  }

  private static void addFeature(
      String name, double[] col, int[] labels, int k, int groups, List<List<FeatureProfile>> out) {
    int[] count = new int[groups];
    double[] sum = new double[groups];
    double popSum = 0;
    int popCount = 0;
    for (int i = 0; i < col.length; i++) {
      if (Double.isFinite(col[i])) {
        int g = group(labels[i], k);
        count[g]++;
        sum[g] += col[i];
        popSum += col[i];
        popCount++;
      }
    }
    double popMean = popCount == 0 ? Double.NaN : popSum / popCount;
    double ss = 0;
    for (double v : col) {
      if (Double.isFinite(v)) {
        ss += (v - popMean) * (v - popMean);
      }
    }
    double popSd = popCount < 2 ? 0 : Math.sqrt(ss / (popCount - 1));
    double[][] byGroup = new double[groups][];
    for (int g = 0; g < groups; g++) {
      byGroup[g] = new double[count[g]];
    }
    int[] fill = new int[groups];
    for (int i = 0; i < col.length; i++) {
      if (Double.isFinite(col[i])) {
        int g = group(labels[i], k);
        byGroup[g][fill[g]++] = col[i];
      }
    }
    for (int g = 0; g < groups; g++) {
      double mean = count[g] == 0 ? Double.NaN : sum[g] / count[g];
      double z = popSd > 0 && count[g] > 0 ? (mean - popMean) / popSd : 0.0;
      out.get(g).add(new FeatureProfile(name, mean, median(byGroup[g]), popMean, z));
    }
  }

  static double median(double[] v) {
    if (v.length == 0) {
      return 0;
    }
    double[] s = v.clone();
    Arrays.sort(s);
    int mid = s.length / 2;
    return s.length % 2 == 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  }

  private static OptionalDouble defaultRate(
      List<String> ids, int[] labels, int segment, Map<String, Boolean> defaulted) {
    if (defaulted.isEmpty()) {
      return OptionalDouble.empty();
    }
    long borrowers = 0;
    long defaults = 0;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] == segment) {
        Boolean d = defaulted.get(ids.get(i));
        if (d != null) {
          borrowers++;
          defaults += d ? 1 : 0;
        }
      }
    }
    return borrowers == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) defaults / borrowers);
  }

  private static Map<String, Double> holdings(
      List<String> ids, int[] labels, int segment, long size, Map<String, Set<String>> holdings) {
    Map<String, Double> out = new TreeMap<>();
    if (holdings.isEmpty() || size == 0) {
      return out;
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] == segment) {
        for (String product : holdings.getOrDefault(ids.get(i), Set.of())) {
          out.merge(product, 1.0, Double::sum);
        }
      }
    }
    out.replaceAll((p, c) -> c / size);
    return out;
  }
}
