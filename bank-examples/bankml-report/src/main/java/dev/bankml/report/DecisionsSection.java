package dev.bankml.report;

import dev.bankml.features.table.Table;
import dev.bankml.models.explain.ColumnContribution;
import dev.bankml.models.explain.ColumnImportance;
import dev.bankml.models.loan.Assessment;
import dev.bankml.models.loan.LoanDefaultModel;
import dev.bankml.models.split.Split;
import dev.bankml.models.split.StratifiedSplit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Feature importance and explained example decisions: the best configuration is trained on 75 %
 * of the rows (stratified), permutation importance is measured on the other 25 %, and a few of
 * those held-out applications are assessed and explained (highest risk, nearest the threshold,
 * lowest risk, …).
 */
final class DecisionsSection {
  static final double TEST_SHARE = 0.25;
  static final int IMPORTANCE_REPEATS = 3;
  static final int TOP_FEATURES = 15;
  static final int CONTRIBUTIONS_SHOWN = 8;

  private DecisionsSection() {}

  static Section build(ReportOptions o, ReportInput input, ComparedModel best, int[] labels) {
    Split split = StratifiedSplit.trainTest(labels, TEST_SHARE, o.seed());
    Table train = input.table().selectRows(split.train());
    Table test = input.table().selectRows(split.test());
    o.progress().progress("report: training the best model on 75% of rows", 0, 1);
    LoanDefaultModel model = ModelComparison.options(o, input, best.backend(), best.algorithm()).fit(train);
    o.progress().progress("report: training the best model on 75% of rows", 1, 1);
    List<ColumnImportance> importance = model.permutationImportance(test, IMPORTANCE_REPEATS, o.seed());
    List<ColumnImportance> top = importance.subList(0, Math.min(TOP_FEATURES, importance.size()));
    ChartImage imp = Charts.ranking("feature-importance", "Feature importance (drop in held-out AUC when shuffled)",
        "AUC drop", top.stream().map(ColumnImportance::column).toList(),
        top.stream().mapToDouble(ColumnImportance::meanDrop).toArray());

    List<Assessment> assessed = model.assessAll(test);
    List<Integer> picks = examples(assessed, model.threshold(), o.examples());
    StringBuilder h = new StringBuilder();
    h.append("<p>").append(Html.escape(best.name())).append(" trained on ").append(train.rows())
        .append(" rows (75 %, stratified); importance and examples on the other ").append(test.rows())
        .append(" rows. Importance: how much the AUC drops when one input column is shuffled (")
        .append(IMPORTANCE_REPEATS).append(" repeats).</p>\n").append(imp.imgTag()).append('\n');
    h.append("<h3>Explained example decisions</h3>\n<p>Threshold ").append(Fmt.num(model.threshold(), 4))
        .append(" on the probability of default. Reasons are the inputs that raised the risk most (up to four);"
            + " the chart shows each input's contribution in log-odds (positive raises the risk).</p>\n");
    List<String> ids = new ArrayList<>(List.of(imp.id()));
    int k = 1;
    for (int row : picks) {
      Assessment a = assessed.get(row);
      Map<String, Object> record = test.row(row);
      h.append("<div class=\"example\" id=\"example-").append(k).append("\">\n<table class=\"data small\">\n")
          .append("<tr><th>application</th>").append(Fmt.td(describe(record, input))).append("</tr>\n")
          .append("<tr><th>probability of default</th>").append(Fmt.tdNum(Fmt.num(a.probability(), 4))).append("</tr>\n")
          .append("<tr><th>decision</th>").append("<td class=\"decision ").append(a.decision().label()).append("\">")
          .append(a.decision().label()).append("</td></tr>\n")
          .append("<tr><th>score</th>").append(Fmt.tdNum(String.valueOf(a.score()))).append("</tr>\n")
          .append("<tr><th>actual outcome</th>").append(Fmt.td(labels[split.test()[row]] == 1 ? "defaulted" : "repaid"))
          .append("</tr>\n<tr><th>reasons</th>").append(Fmt.td(a.reasons().isEmpty() ? "(none raised the risk)"
              : String.join("; ", a.reasons()))).append("</tr>\n</table>\n");
      List<ColumnContribution> cs = a.explanation().contributions().stream()
          .sorted(Comparator.comparingDouble((ColumnContribution c) -> -Math.abs(c.logOdds())))
          .limit(CONTRIBUTIONS_SHOWN).sorted(Comparator.comparingDouble(c -> -c.logOdds())).toList();
      ChartImage chart = Charts.ranking("example-" + k, "Example " + k + ": " + a.decision().label() + ", p = "
          + Fmt.num(a.probability(), 3) + " (" + a.explanation().method() + ")", "log-odds contribution",
          cs.stream().map(c -> input.table().has(c.column()) ? c.column() + " = " + value(record.get(c.column())) : c.column())
              .toList(),
          cs.stream().mapToDouble(ColumnContribution::logOdds).toArray());
      h.append(chart.imgTag()).append("\n</div>\n");
      ids.add(chart.id());
      k++;
    }
    return new Section("decisions", "Feature importance and explained decisions", h.toString(), ids);
  }

  /** Row indices: highest risk, nearest the threshold, lowest risk, then spread between. */
  static List<Integer> examples(List<Assessment> assessed, double threshold, int n) {
    List<Integer> byRisk = new ArrayList<>();
    for (int i = 0; i < assessed.size(); i++) {
      byRisk.add(i);
    }
    byRisk.sort(Comparator.comparingDouble(i -> -assessed.get(i).probability()));
    Set<Integer> out = new LinkedHashSet<>();
    if (byRisk.isEmpty() || n == 0) {
      return List.of();
    }
    out.add(byRisk.get(0));
    int nearest = byRisk.stream().min(Comparator.comparingDouble(i -> Math.abs(assessed.get(i).probability() - threshold)))
        .orElseThrow();
    if (out.size() < n) {
      out.add(nearest);
    }
    if (out.size() < n) {
      out.add(byRisk.get(byRisk.size() - 1));
    }
    for (int q = 1; out.size() < Math.min(n, byRisk.size()) && q < byRisk.size(); q++) {
      out.add(byRisk.get((int) ((long) q * byRisk.size() / (n + 1))));
    }
    return List.copyOf(out);
  }

  private static String describe(Map<String, Object> record, ReportInput input) {
    List<String> ids = input.table().namesWithRole(dev.bankml.features.table.ColumnRole.ID);
    for (String id : ids) {
      if (record.get(id) != null) {
        return id + " " + record.get(id);
      }
    }
    return "held-out row";
  }

  private static String value(Object v) {
    if (v == null) {
      return "missing";
    }
    if (v instanceof Double d) {
      return Fmt.axis(d);
    }
    String s = String.valueOf(v);
    return s.length() > 20 ? s.substring(0, 20) + "…" : s;
  }
}
