package dev.bankml.report;

import dev.bankml.models.fairness.FairnessReport;
import dev.bankml.models.fairness.GroupFairness;
import dev.bankml.models.loan.LoanEvaluation;
import java.util.List;

/**
 * The fairness table: per group of each protected attribute, on the best model's out-of-fold
 * decisions, the count, approval rate, default rate, ratio of approval rates to the most-approved
 * group and the four-fifths flag.
 */
final class FairnessSection {
  private FairnessSection() {}

  static Section build(ReportInput input, ComparedModel best) {
    StringBuilder h = new StringBuilder();
    if (input.fairnessColumns().isEmpty()) {
      h.append("<p id=\"fairness-table\">No protected columns in this data. Name the columns to treat as protected"
          + " in the report's settings (one or more); columns called gender, sex, marital_status, race, ethnicity,"
          + " religion, nationality or age_band are treated as protected automatically.</p>\n");
      return new Section("fairness", "Fairness", h.toString(), List.of());
    }
    LoanEvaluation e = best.evaluation().orElseThrow();
    double threshold = e.metrics().threshold();
    List<FairnessReport> reports =
        FairnessReport.of(input.table(), input.fairnessColumns(), e.labels(), e.outOfFold(), threshold);
    h.append("<p>Decisions of ").append(Html.escape(best.name())).append(" on held-out (out-of-fold) applications: approved")
        .append(" when the probability of default is below ").append(Fmt.num(threshold, 4)).append(". Protected columns (")
        .append(Html.escape(String.join(", ", input.protectedColumns().isEmpty() ? List.of("none") : input.protectedColumns())))
        .append(") are never model inputs");
    if (input.fairnessColumns().contains(ReportInput.AGE_BAND) && !input.protectedColumns().contains(ReportInput.AGE_BAND)) {
      h.append("; the age band is derived from the age at application for this table only");
    }
    h.append(". A ratio of approval rates below ").append(FairnessReport.FOUR_FIFTHS)
        .append(" (the four-fifths rule) is flagged: a sign of possible adverse impact to look into, not proof of it;")
        .append(" ratios from small groups are noisy.</p>\n");
    h.append("<table class=\"data\" id=\"fairness-table\">\n<tr><th>attribute</th><th>group</th><th>applications</th>"
        + "<th>approval rate</th><th>default rate</th><th>default rate of approved</th><th>ratio to most approved</th>"
        + "<th>four-fifths rule</th></tr>\n");
    for (FairnessReport r : reports) {
      for (GroupFairness g : r.groups()) {
        h.append(g.belowFourFifths() ? "<tr class=\"flag\">" : "<tr>").append(Fmt.td(r.attribute())).append(Fmt.td(g.group()))
            .append(Fmt.tdNum(String.valueOf(g.count()))).append(Fmt.tdNum(Fmt.pct(g.approvalRate())))
            .append(Fmt.tdNum(Fmt.pct(g.defaultRate()))).append(Fmt.tdNum(Fmt.pct(g.approvedDefaultRate())))
            .append(Fmt.tdNum(Fmt.num(g.approvalRatio(), 3)))
            .append(Fmt.td(g.belowFourFifths() ? "below 0.8" : g.group().equals(r.referenceGroup()) ? "reference" : "ok"))
            .append("</tr>\n");
      }
    }
    h.append("</table>\n");
    return new Section("fairness", "Fairness", h.toString(), List.of());
  }
}
