package dev.bankml.report;

import dev.bankml.features.profile.PearsonCorrelation;

import dev.bankml.features.profile.ColumnProfile;
import dev.bankml.features.profile.Profile;
import dev.bankml.features.profile.ProfileWarning;
import dev.bankml.features.profile.TargetRate;
import dev.bankml.features.table.BinaryTarget;
import dev.bankml.features.table.Column;
import dev.bankml.features.table.ColumnRole;
import dev.bankml.features.table.NumericColumn;
import dev.bankml.features.table.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The data profile: a summary table of the columns, histograms of the numeric inputs most related
 * to the target, the default rate by level, a correlation heat map and a missing-value map.
 */
final class ProfileSection {
  static final int HISTOGRAMS = 6;
  static final int RATE_CHARTS = 4;
  static final int CORRELATED = 12;
  static final int MISSING_COLUMNS = 30;
  static final int ROW_BLOCKS = 10;
  private static final int BINS = 20;

  private ProfileSection() {}

  static Section build(ReportInput input, String target, int[] labels) {
    double[] y = Arrays.stream(labels).asDoubleStream().toArray();
    Table t = input.table().with(NumericColumn.of(target, y));
    Profile profile = Profile.of(t, BinaryTarget.of(target));
    List<String> inputs = new ArrayList<>();
    for (Column c : t.columns()) {
      ColumnRole r = t.role(c.name());
      if (!c.name().equals(target) && (r == ColumnRole.FEATURE || r == ColumnRole.PROTECTED)) {
        inputs.add(c.name());
      }
    }
    List<String> numeric = inputs.stream().filter(n -> t.column(n) instanceof NumericColumn)
        .sorted(Comparator.comparingDouble((String n) -> -Math.abs(PearsonCorrelation.orZero(t.numeric(n).values(), y))))
        .toList();
    List<ChartImage> charts = new ArrayList<>();
    for (String n : numeric.subList(0, Math.min(HISTOGRAMS, numeric.size()))) {
      charts.add(histogram(t.numeric(n)));
    }
    List<ChartImage> rates = targetRates(profile, inputs, numeric, target);
    ChartImage corr = correlations(t, numeric.subList(0, Math.min(CORRELATED, numeric.size())), target, y);
    ChartImage missing = missingMap(t, inputs);

    StringBuilder h = new StringBuilder();
    h.append("<p>").append(t.rows()).append(" rows, ").append(inputs.size()).append(" input columns; ")
        .append(Html.escape(Fmt.pct(Arrays.stream(labels).average().orElse(0)))).append(" of rows have ")
        .append("<code>").append(Html.escape(target)).append("</code> = default.</p>\n");
    h.append(summaryTable(profile, inputs));
    if (!profile.warnings().isEmpty()) {
      h.append("<h3>Warnings</h3>\n<ul class=\"warnings\">\n");
      for (ProfileWarning w : profile.warnings()) {
        h.append("<li><code>").append(Html.escape(w.column())).append("</code>: ").append(Html.escape(w.message())).append("</li>\n");
      }
      h.append("</ul>\n");
    }
    h.append("<h3>Distributions of the inputs most related to the target</h3>\n<div class=\"grid\">\n");
    charts.forEach(c -> h.append(c.imgTag()).append('\n'));
    h.append("</div>\n<h3>Default rate by level</h3>\n<div class=\"grid\">\n");
    rates.forEach(c -> h.append(c.imgTag()).append('\n'));
    h.append("</div>\n<h3>Correlations</h3>\n<p>Pearson correlation among the numeric inputs most related to the target,"
        + " and the target itself (blue negative, red positive).</p>\n").append(corr.imgTag()).append('\n');
    long missingCells = inputs.stream().mapToLong(n -> t.column(n).missingCount()).sum();
    h.append("<h3>Missing values</h3>\n<p>Share of missing values per column in ").append(ROW_BLOCKS)
        .append(" consecutive blocks of rows (white none, red all); columns with the most missing values first. ")
        .append(missingCells == 0 ? "This data has no missing values." : missingCells + " missing cells in all.")
        .append("</p>\n")
        .append(missing.imgTag()).append('\n');
    List<String> ids = new ArrayList<>();
    charts.forEach(c -> ids.add(c.id()));
    rates.forEach(c -> ids.add(c.id()));
    ids.add(corr.id());
    ids.add(missing.id());
    return new Section("profile", "Data profile", h.toString(), ids);
  }

  private static String summaryTable(Profile p, List<String> inputs) {
    StringBuilder h = new StringBuilder("<table class=\"data\">\n<tr><th>column</th><th>type</th><th>role</th>"
        + "<th>missing</th><th>distinct</th><th>mean or top level</th><th>median</th></tr>\n");
    for (String n : inputs) {
      ColumnProfile c = p.column(n);
      String centre = c.numeric().map(s -> Fmt.axis(s.mean()))
          .orElse(c.topLevels().isEmpty() ? "" : c.topLevels().get(0).level() + " (" + c.topLevels().get(0).count() + ")");
      h.append("<tr>").append(Fmt.td(n)).append(Fmt.td(c.type().name().toLowerCase(Locale.ROOT)))
          .append(Fmt.td(c.role().name().toLowerCase(Locale.ROOT))).append(Fmt.tdNum(Fmt.pct(c.missingShare())))
          .append(Fmt.tdNum(String.valueOf(c.distinct()))).append(Fmt.td(centre))
          .append(Fmt.tdNum(c.numeric().map(s -> Fmt.axis(s.p50())).orElse(""))).append("</tr>\n");
    }
    return h.append("</table>\n").toString();
  }

  /** A histogram between the 1st and 99th percentiles (values outside go to the end bins). */
  static ChartImage histogram(NumericColumn c) {
    double[] v = c.sortedPresent();
    if (v.length == 0) {
      return Charts.bars("histogram-" + Fmt.id(c.name()), "Distribution of " + c.name(), c.name(), "rows",
          List.of("(all missing)"), List.of("rows"), List.of(new double[] {c.size()}));
    }
    double[] distinct = Arrays.stream(v).distinct().toArray();
    if (distinct.length <= BINS) {
      // few values (counts, flags, terms): one bar per value
      double[] counts = new double[distinct.length];
      for (double x : v) {
        counts[Arrays.binarySearch(distinct, x)]++;
      }
      return Charts.bars("histogram-" + Fmt.id(c.name()), "Distribution of " + c.name(), c.name(), "rows",
          Arrays.stream(distinct).mapToObj(Fmt::axis).toList(), List.of("rows"), List.of(counts));
    }
    double lo = v[(int) Math.floor(0.01 * (v.length - 1))];
    double hi = v[(int) Math.ceil(0.99 * (v.length - 1))];
    int bins = hi > lo ? BINS : 1;
    double[] counts = new double[bins];
    for (double x : v) {
      int b = hi > lo ? (int) Math.floor((x - lo) / (hi - lo) * bins) : 0;
      counts[Math.max(0, Math.min(bins - 1, b))]++;
    }
    List<String> labels = new ArrayList<>();
    for (int b = 0; b < bins; b++) {
      labels.add(Fmt.axis(lo + (b + 0.5) * (hi - lo) / bins));
    }
    return Charts.bars("histogram-" + Fmt.id(c.name()), "Distribution of " + c.name(), c.name(), "rows", labels,
        List.of("rows"), List.of(counts));
  }

  /** Bar charts of the default rate by level of the categorical inputs whose rates differ most, then by quintile of the top numeric ones. */
  private static List<ChartImage> targetRates(Profile p, List<String> inputs, List<String> numeric, String target) {
    List<String> categorical = inputs.stream().filter(n -> !numeric.contains(n))
        .filter(n -> !p.column(n).targetRates().isEmpty())
        .sorted(Comparator.comparingDouble((String n) -> -spread(p.column(n).targetRates()))).toList();
    List<String> chosen = new ArrayList<>(categorical.subList(0, Math.min(RATE_CHARTS, categorical.size())));
    for (String n : numeric) {
      if (chosen.size() >= RATE_CHARTS + 2) {
        break;
      }
      if (!p.column(n).targetRates().isEmpty()) {
        chosen.add(n);
      }
    }
    List<ChartImage> out = new ArrayList<>();
    for (String n : chosen) {
      List<TargetRate> rates = p.column(n).targetRates();
      List<String> groups = rates.stream().map(TargetRate::group).toList();
      double[] values = rates.stream().mapToDouble(TargetRate::rate).toArray();
      out.add(Charts.bars("target-rate-" + Fmt.id(n), "Default rate by " + n, n, "share with " + target + " = 1",
          groups, List.of("default rate"), List.of(values)));
    }
    return out;
  }

  private static double spread(List<TargetRate> rates) {
    double lo = rates.stream().mapToDouble(TargetRate::rate).min().orElse(0);
    double hi = rates.stream().mapToDouble(TargetRate::rate).max().orElse(0);
    return rates.size() < 2 ? 0 : hi - lo;
  }

  private static ChartImage correlations(Table t, List<String> numeric, String target, double[] y) {
    List<String> names = new ArrayList<>(numeric);
    names.add(target);
    List<double[]> cols = new ArrayList<>();
    numeric.forEach(n -> cols.add(t.numeric(n).values()));
    cols.add(y);
    double[][] m = new double[names.size()][names.size()];
    for (int a = 0; a < names.size(); a++) {
      for (int b = 0; b < names.size(); b++) {
        m[a][b] = a == b ? 1 : PearsonCorrelation.orZero(cols.get(a), cols.get(b));
      }
    }
    return Charts.heatMap("correlation", "Correlation heat map", names, names, m, -1, 1);
  }

  private static ChartImage missingMap(Table t, List<String> inputs) {
    List<String> cols = inputs.stream()
        .sorted(Comparator.comparingInt((String n) -> -t.column(n).missingCount())).toList();
    cols = cols.subList(0, Math.min(MISSING_COLUMNS, cols.size()));
    int blocks = Math.max(1, Math.min(ROW_BLOCKS, t.rows()));
    List<String> rows = new ArrayList<>();
    double[][] share = new double[blocks][cols.size()];
    for (int b = 0; b < blocks; b++) {
      int from = (int) ((long) b * t.rows() / blocks);
      int to = (int) ((long) (b + 1) * t.rows() / blocks);
      rows.add("rows " + (from + 1) + "-" + to);
      for (int c = 0; c < cols.size(); c++) {
        Column col = t.column(cols.get(c));
        int miss = 0;
        for (int i = from; i < to; i++) {
          miss += col.isMissing(i) ? 1 : 0;
        }
        share[b][c] = to > from ? (double) miss / (to - from) : 0;
      }
    }
    // the diverging palette's white sits at 0: missing shares 0..1 run from white to red
    return Charts.heatMap("missing-values", "Missing-value map", cols, rows, share, -1, 1);
  }
}
