package dev.bankml.web;

import dev.bankml.features.profile.ColumnProfile;
import dev.bankml.features.profile.Correlation;
import dev.bankml.features.profile.LevelCount;
import dev.bankml.features.profile.Profile;
import dev.bankml.features.profile.TargetRate;
import dev.bankml.features.table.BinaryTarget;
import dev.bankml.features.table.Column;
import dev.bankml.features.table.NumericColumn;
import dev.bankml.features.table.Table;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Builds the model page's {@link DataProfile} from a table and bank-features' {@link Profile}. */
final class ProfileData {
  private static final int BINS = 20;
  /** Columns in the correlation heat map at most. */
  static final int MAX_CORRELATION_COLUMNS = 12;

  private ProfileData() {}

  /** The profile of {@code table} over {@code columns} (the model's inputs) against {@code target}. */
  static DataProfile of(Table table, List<String> columns, BinaryTarget binaryTarget) {
    String target = binaryTarget.column();
    Table selected = table.select(withTarget(columns, target));
    Profile profile = Profile.of(selected, binaryTarget);
    List<DataProfile.Distribution> distributions = new ArrayList<>();
    List<DataProfile.LevelRates> rates = new ArrayList<>();
    for (ColumnProfile c : profile.columns()) {
      if (c.name().equals(target)) {
        continue;
      }
      Column column = selected.column(c.name());
      if (column instanceof NumericColumn n && c.numeric().isPresent()) {
        distributions.add(histogram(c.name(), n, c.numeric().get().p1(), c.numeric().get().p99()));
      } else if (!c.topLevels().isEmpty()) {
        distributions.add(new DataProfile.Distribution(c.name(),
            c.topLevels().stream().map(LevelCount::level).toList(),
            c.topLevels().stream().mapToDouble(LevelCount::count).toArray()));
      }
      if (!c.targetRates().isEmpty()) {
        rates.add(new DataProfile.LevelRates(c.name(), c.targetRates().stream().map(TargetRate::group).toList(),
            c.targetRates().stream().mapToDouble(TargetRate::rate).toArray()));
      }
    }
    List<String> numeric = new ArrayList<>();
    for (Correlation r : profile.correlations()) {
      if (!r.a().equals(target) && !numeric.contains(r.a())) {
        numeric.add(r.a());
      }
      if (!r.b().equals(target) && !numeric.contains(r.b())) {
        numeric.add(r.b());
      }
    }
    numeric = strongest(numeric, profile.correlations(), target);
    double[][] corr = new double[numeric.size()][numeric.size()];
    for (int i = 0; i < numeric.size(); i++) {
      corr[i][i] = 1;
    }
    for (Correlation r : profile.correlations()) {
      int a = numeric.indexOf(r.a());
      int b = numeric.indexOf(r.b());
      if (a >= 0 && b >= 0) {
        corr[a][b] = Double.isFinite(r.pearson()) ? r.pearson() : 0;
        corr[b][a] = corr[a][b];
      }
    }
    return new DataProfile(distributions, numeric, corr, rates);
  }

  /**
   * At most {@link #MAX_CORRELATION_COLUMNS} of {@code numeric}, in their order: those most correlated
   * with the target (|Pearson|), then with any other column, so a wide table still gives a
   * readable heat map.
   */
  private static List<String> strongest(List<String> numeric, List<Correlation> correlations, String target) {
    if (numeric.size() <= MAX_CORRELATION_COLUMNS) {
      return numeric;
    }
    java.util.Map<String, Double> withTarget = new java.util.HashMap<>();
    java.util.Map<String, Double> withAny = new java.util.HashMap<>();
    for (Correlation r : correlations) {
      double v = Double.isFinite(r.pearson()) ? Math.abs(r.pearson()) : 0;
      withAny.merge(r.a(), v, Math::max);
      withAny.merge(r.b(), v, Math::max);
      if (r.a().equals(target)) {
        withTarget.merge(r.b(), v, Math::max);
      } else if (r.b().equals(target)) {
        withTarget.merge(r.a(), v, Math::max);
      }
    }
    Set<String> keep = new java.util.HashSet<>(numeric.stream()
        .sorted(java.util.Comparator.comparingDouble((String c) -> -withTarget.getOrDefault(c, 0.0))
            .thenComparingDouble(c -> -withAny.getOrDefault(c, 0.0)))
        .limit(MAX_CORRELATION_COLUMNS).toList());
    return numeric.stream().filter(keep::contains).toList();
  }

  private static List<String> withTarget(List<String> columns, String target) {
    Set<String> all = new LinkedHashSet<>(columns);
    all.add(target);
    return List.copyOf(all);
  }

  /** Counts in {@link #BINS} equal bins between the 1st and 99th percentile (outer values clamp in). */
  private static DataProfile.Distribution histogram(String name, NumericColumn column, double lo, double hi) {
    double width = hi > lo ? (hi - lo) / BINS : 1;
    double[] counts = new double[BINS];
    for (int i = 0; i < column.size(); i++) {
      double v = column.get(i);
      if (Double.isNaN(v)) {
        continue;
      }
      int b = (int) Math.floor((v - lo) / width);
      counts[Math.max(0, Math.min(BINS - 1, b))]++;
    }
    List<String> labels = new ArrayList<>();
    for (int b = 0; b < BINS; b++) {
      labels.add(NumberText.format(round(lo + (b + 0.5) * width)));
    }
    return new DataProfile.Distribution(name, labels, counts);
  }

  private static double round(double v) {
    if (v == 0 || !Double.isFinite(v)) {
      return v;
    }
    double scale = Math.pow(10, 2 - (int) Math.floor(Math.log10(Math.abs(v))));
    return Math.round(v * scale) / scale;
  }
}
