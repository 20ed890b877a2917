package dev.bankml.features.profile;

import dev.bankml.features.table.BinaryTarget;
import dev.bankml.features.table.BooleanColumn;
import dev.bankml.features.table.CategoricalColumn;
import dev.bankml.features.table.Column;
import dev.bankml.features.table.ColumnRole;
import dev.bankml.features.table.ColumnType;
import dev.bankml.features.table.DateColumn;
import dev.bankml.features.table.NumericColumn;
import dev.bankml.features.table.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Computes a {@link Profile}. */
final class Profiler {
  private static final int TOP_LEVELS = 10;
  private static final int TARGET_BINS = 5;
  private static final int MAX_CORRELATED = 40;
  private static final int HIGH_CARDINALITY = 50;

  private final Table table;
  private final Optional<String> target;
  private final double[] y;

  Profiler(Table table, Optional<BinaryTarget> target) {
    this.table = table;
    this.target = target.map(BinaryTarget::column);
    this.y = target.map(this::targetValues).orElse(new double[0]);
  }

  /** 0/1 per row, NaN where the target is missing. */
  private double[] targetValues(BinaryTarget t) {
    return Arrays.stream(t.labelsOrMissing(table)).mapToDouble(v -> v < 0 ? Double.NaN : v).toArray();
  }

  Profile profile() {
    List<ColumnProfile> cols = new ArrayList<>();
    List<ProfileWarning> warnings = new ArrayList<>();
    for (Column c : table.columns()) {
      ColumnProfile p = column(c);
      cols.add(p);
      warn(c, p, warnings);
    }
    return new Profile(table.rows(), target, cols, correlations(), warnings);
  }

  private ColumnProfile column(Column c) {
    int n = c.size();
    int missing = c.missingCount();
    long count = n - missing;
    double share = n == 0 ? 0 : (double) missing / n;
    boolean isTarget = target.map(c.name()::equals).orElse(false);
    switch (c.type()) {
      case NUMERIC -> {
        double[] s = ((NumericColumn) c).sortedPresent();
        long distinct = distinct(s);
        Optional<NumericSummary> sum = s.length == 0 ? Optional.empty() : Optional.of(summary(s));
        List<TargetRate> rates = target.isPresent() && !isTarget ? numericRates(((NumericColumn) c).values(), s) : List.of();
        return new ColumnProfile(c.name(), c.type(), table.role(c.name()), count, missing, share, distinct, sum, List.of(), Optional.empty(), rates);
      }
      case CATEGORICAL -> {
        CategoricalColumn cc = (CategoricalColumn) c;
        int[] counts = cc.counts();
        List<String> labels = cc.levels();
        return levelProfile(c, count, missing, share, counts, labels, cc.codes(), isTarget);
      }
      case BOOLEAN -> {
        BooleanColumn b = (BooleanColumn) c;
        int[] counts = new int[2];
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
          codes[i] = b.state(i) == 1 ? 1 : b.state(i) == 0 ? 0 : -1;
          if (codes[i] >= 0) {
            counts[codes[i]]++;
          }
        }
        return levelProfile(c, count, missing, share, counts, List.of("false", "true"), codes, isTarget);
      }
      default -> {
        DateColumn d = (DateColumn) c;
        long[] days = new long[(int) count];
        int k = 0;
        for (int i = 0; i < n; i++) {
          if (!d.isMissing(i)) {
            days[k++] = d.epochDay(i);
          }
        }
        Arrays.sort(days);
        long distinct = 0;
        for (int i = 0; i < days.length; i++) {
          if (i == 0 || days[i] != days[i - 1]) {
            distinct++;
          }
        }
        Optional<DateRange> range = days.length == 0 ? Optional.empty()
            : Optional.of(new DateRange(LocalDate.ofEpochDay(days[0]), LocalDate.ofEpochDay(days[days.length - 1])));
        return new ColumnProfile(c.name(), c.type(), table.role(c.name()), count, missing, share, distinct,
            Optional.empty(), List.of(), range, List.of());
      }
    }
  }

  private ColumnProfile levelProfile(
      Column c, long count, int missing, double share, int[] counts, List<String> labels, int[] codes, boolean isTarget) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > 0) {
        order.add(i);
      }
    }
    order.sort((a, b) -> counts[b] != counts[a] ? Integer.compare(counts[b], counts[a]) : labels.get(a).compareTo(labels.get(b)));
    List<LevelCount> top = order.stream().limit(TOP_LEVELS).map(i -> new LevelCount(labels.get(i), counts[i])).toList();
    List<TargetRate> rates = new ArrayList<>();
    if (target.isPresent() && !isTarget) {
      double[] sum = new double[counts.length + 1];
      long[] n = new long[counts.length + 1];
      for (int i = 0; i < codes.length; i++) {
        if (Double.isNaN(y[i])) {
          continue;
        }
        int slot = codes[i] < 0 ? counts.length : codes[i];
        sum[slot] += y[i];
        n[slot]++;
      }
      for (int i : order.subList(0, Math.min(order.size(), TOP_LEVELS))) {
        rates.add(new TargetRate(labels.get(i), n[i], n[i] == 0 ? Double.NaN : sum[i] / n[i]));
      }
      if (n[counts.length] > 0) {
        rates.add(new TargetRate("missing", n[counts.length], sum[counts.length] / n[counts.length]));
      }
    }
    return new ColumnProfile(c.name(), c.type(), table.role(c.name()), count, missing, share, order.size(),
        Optional.empty(), top, Optional.empty(), rates);
  }

  private List<TargetRate> numericRates(double[] x, double[] sorted) {
    if (sorted.length == 0) {
      return List.of();
    }
    List<Double> cuts = new ArrayList<>();
    for (int b = 1; b < TARGET_BINS; b++) {
      double q = sorted[(int) Math.min(sorted.length - 1, Math.floor((double) b * sorted.length / TARGET_BINS))];
      if ((cuts.isEmpty() || q > cuts.get(cuts.size() - 1)) && q < sorted[sorted.length - 1]) {
        cuts.add(q);
      }
    }
    double[] c = cuts.stream().mapToDouble(Double::doubleValue).toArray();
    int k = c.length + 1;
    double[] sum = new double[k + 1];
    long[] n = new long[k + 1];
    double[] lo = new double[k];
    double[] hi = new double[k];
    Arrays.fill(lo, Double.POSITIVE_INFINITY);
    Arrays.fill(hi, Double.NEGATIVE_INFINITY);
    for (int i = 0; i < x.length; i++) {
      if (Double.isNaN(y[i])) {
        continue;
      }
      int slot;
      if (Double.isNaN(x[i])) {
        slot = k;
      } else {
        int p = Arrays.binarySearch(c, x[i]);
        slot = p >= 0 ? p : -p - 1;
        lo[slot] = Math.min(lo[slot], x[i]);
        hi[slot] = Math.max(hi[slot], x[i]);
      }
      sum[slot] += y[i];
      n[slot]++;
    }
    List<TargetRate> out = new ArrayList<>();
    for (int b = 0; b < k; b++) {
      if (n[b] > 0) {
        out.add(new TargetRate("[" + fmt(lo[b]) + ", " + fmt(hi[b]) + "]", n[b], sum[b] / n[b]));
      }
    }
    if (n[k] > 0) {
      out.add(new TargetRate("missing", n[k], sum[k] / n[k]));
    }
    return out;
  }

  private static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v);
  }

  static long distinct(double[] sorted) {
    long d = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        d++;
      }
    }
    return d;
  }

  static NumericSummary summary(double[] s) {
    int n = s.length;
    Moments m = Moments.of(s);
    double mean = m.mean();
    double m2 = m.sumSquares();
    double m3 = m.sumCubes();
    double std = n > 1 ? Math.sqrt(m2 / (n - 1)) : 0;
    double skew = 0;
    if (n > 2 && m2 > 0) {
      double g1 = (m3 / n) / Math.pow(m2 / n, 1.5);
      skew = Math.sqrt((double) n * (n - 1)) / (n - 2) * g1;
    }
    return new NumericSummary(mean, std, s[0], q(s, 0.01), q(s, 0.05), q(s, 0.25), q(s, 0.5), q(s, 0.75), q(s, 0.95),
        q(s, 0.99), s[n - 1], skew);
  }

  static double q(double[] s, double p) {
    double pos = p * (s.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(s.length - 1, lo + 1);
    return s[lo] + (pos - lo) * (s[hi] - s[lo]);
  }

  private void warn(Column c, ColumnProfile p, List<ProfileWarning> out) {
    boolean isTarget = target.map(c.name()::equals).orElse(false);
    if (p.distinct() <= 1) {
      out.add(new ProfileWarning(c.name(), ProfileWarning.Kind.CONSTANT,
          p.distinct() == 0 ? "has no values" : "is constant (one distinct value)"));
      return;
    }
    ColumnRole role = table.role(c.name());
    if (role == ColumnRole.ID || role == ColumnRole.IGNORED) {
      return; // identifiers and ignored columns are expected to be unique or wide
    }
    boolean wholeOrText = c.type() == ColumnType.CATEGORICAL
        || (c.type() == ColumnType.NUMERIC && p.numeric().isPresent() && isWholeNumbers((NumericColumn) c));
    if (p.count() >= 20 && p.distinct() == p.count() && wholeOrText && !isTarget) {
      out.add(new ProfileWarning(c.name(), ProfileWarning.Kind.ID_LIKE,
          "every value is distinct: looks like an identifier; give it the role ID"));
    } else if (c.type() == ColumnType.CATEGORICAL && p.distinct() > HIGH_CARDINALITY) {
      out.add(new ProfileWarning(c.name(), ProfileWarning.Kind.HIGH_CARDINALITY,
          p.distinct() + " levels: one-hot encoding would be wide; consider WoE, a minimum frequency or grouping"));
    }
    if (p.missingShare() > 0.5) {
      out.add(new ProfileWarning(c.name(), ProfileWarning.Kind.MOSTLY_MISSING,
          String.format(Locale.ROOT, "%.0f%% of values are missing", 100 * p.missingShare())));
    }
    if (target.isPresent() && !isTarget && leaks(c)) {
      out.add(new ProfileWarning(c.name(), ProfileWarning.Kind.LEAKAGE_SUSPECT,
          "almost determines the target '" + target.get() + "': check it is known before the outcome"));
    }
  }

  private static boolean isWholeNumbers(NumericColumn c) {
    for (int i = 0; i < c.size(); i++) {
      double v = c.get(i);
      if (!Double.isNaN(v) && v != Math.rint(v)) {
        return false;
      }
    }
    return true;
  }

  /** |Pearson r| with the target ≥ 0.95 (numeric, boolean), or levels that are ≥ 99% pure and cover ≥ 99% of rows. */
  private boolean leaks(Column c) {
    if (c.type() == ColumnType.NUMERIC || c.type() == ColumnType.BOOLEAN) {
      double[] x = new double[c.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = c instanceof NumericColumn n ? n.get(i) : ((BooleanColumn) c).asDouble(i);
      }
      return Math.abs(PearsonCorrelation.of(x, y)) >= 0.95;
    }
    if (c instanceof CategoricalColumn cc && cc.levels().size() * 2 < cc.size()) {
      double[] sum = new double[cc.levels().size()];
      long[] n = new long[cc.levels().size()];
      long all = 0;
      for (int i = 0; i < cc.size(); i++) {
        if (cc.code(i) >= 0 && !Double.isNaN(y[i])) {
          sum[cc.code(i)] += y[i];
          n[cc.code(i)]++;
          all++;
        }
      }
      long pure = 0;
      for (int k = 0; k < n.length; k++) {
        double r = n[k] == 0 ? 0.5 : sum[k] / n[k];
        if (r <= 0.01 || r >= 0.99) {
          pure += n[k];
        }
      }
      // a constant target makes every level pure; that is not leakage
      double rate = Arrays.stream(sum).sum() / Math.max(1, all);
      return all > 0 && rate > 0.01 && rate < 0.99 && pure >= 0.99 * all;
    }
    return false;
  }

  private List<Correlation> correlations() {
    List<NumericColumn> nums = new ArrayList<>();
    for (Column c : table.columns()) {
      if (c instanceof NumericColumn n && nums.size() < MAX_CORRELATED && n.missingCount() < n.size()) {
        nums.add(n);
      }
    }
    List<double[]> ranks = nums.stream().map(n -> ranks(n.values())).toList();
    List<Correlation> out = new ArrayList<>();
    for (int i = 0; i < nums.size(); i++) {
      for (int j = i + 1; j < nums.size(); j++) {
        out.add(new Correlation(nums.get(i).name(), nums.get(j).name(),
            PearsonCorrelation.of(nums.get(i).values(), nums.get(j).values()), PearsonCorrelation.of(ranks.get(i), ranks.get(j))));
      }
    }
    return out;
  }

  /** Average ranks (1-based) of the present values; NaN stays NaN. */
  static double[] ranks(double[] x) {
    Integer[] idx = new Integer[x.length];
    int k = 0;
    for (int i = 0; i < x.length; i++) {
      if (!Double.isNaN(x[i])) {
        idx[k++] = i;
      }
    }
    Integer[] present = Arrays.copyOf(idx, k);
    Arrays.sort(present, (a, b) -> Double.compare(x[a], x[b]));
    double[] r = new double[x.length];
    Arrays.fill(r, Double.NaN);
    for (int i = 0; i < k;) {
      int j = i;
      while (j < k && x[present[j]] == x[present[i]]) {
        j++;
      }
      double avg = (i + j + 1) / 2.0;
      for (int m = i; m < j; m++) {
        r[present[m]] = avg;
      }
      i = j;
    }
    return r;
  }
}
