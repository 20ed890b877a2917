package dev.bankml.report;

import dev.bankml.models.calibrate.Calibration;
import dev.bankml.models.loan.LoanEvaluation;
import dev.bankml.models.metrics.BinaryMetrics;
import dev.bankml.models.metrics.CalibrationTable;
import dev.bankml.models.metrics.ConfusionMatrix;
import dev.bankml.models.metrics.ThresholdCurves;
import java.util.ArrayList;
import java.util.List;

/**
 * The model comparison table and the charts of the chosen (best) model's out-of-fold scores: ROC
 * and precision-recall curves of every model, the KS plot, calibration curve, confusion matrix at
 * the chosen threshold and the score distribution of each class.
 */
final class ModelSection {
  private static final int SCORE_BINS = 20;
  /** Points drawn per curve. */
  static final int MAX_POINTS = 400;

  private ModelSection() {}

  static Section comparison(List<ComparedModel> models, int folds) {
    StringBuilder h = new StringBuilder();
    h.append("<p>Every backend × algorithm with its default hyperparameters, scored on the same stratified ")
        .append(folds).append("-fold cross-validation (the feature pipeline is fitted inside each fold); best AUC first."
            + " Threshold metrics are at each model's own threshold (maximum F1 on its out-of-fold scores).</p>\n");
    h.append("<table class=\"data\" id=\"model-comparison\">\n<tr><th>backend</th><th>algorithm</th><th>AUC</th><th>Gini</th>"
        + "<th>KS</th><th>average precision</th><th>Brier</th><th>log loss</th><th>ECE</th><th>threshold</th>"
        + "<th>precision</th><th>recall</th><th>F1</th><th>seconds</th></tr>\n");
    for (ComparedModel m : models) {
      h.append("<tr>").append(Fmt.td(m.backend())).append(Fmt.td(m.algorithm()));
      if (m.evaluation().isPresent()) {
        BinaryMetrics x = m.evaluation().get().metrics();
        for (double v : new double[] {x.auc(), x.gini(), x.ks(), x.averagePrecision(), x.brier(), x.logLoss(), x.ece(),
            x.threshold(), x.precision(), x.recall(), x.f1()}) {
          h.append(Fmt.tdNum(Fmt.num(v, 4)));
        }
      } else {
        h.append("<td colspan=\"11\" class=\"error\">failed: ").append(Html.escape(m.error())).append("</td>");
      }
      h.append(Fmt.tdNum(Fmt.num(m.seconds(), 1))).append("</tr>\n");
    }
    h.append("</table>\n");
    return new Section("comparison", "Model comparison", h.toString(), List.of());
  }

  static Section evaluation(List<ComparedModel> models, ComparedModel best, long seed) {
    LoanEvaluation e = best.evaluation().orElseThrow();
    int[] y = e.labels();
    double[] p = e.outOfFold();
    double threshold = e.metrics().threshold();
    List<Charts.Series> roc = new ArrayList<>();
    List<Charts.Series> pr = new ArrayList<>();
    for (ComparedModel m : models) {
      if (m.evaluation().isEmpty()) {
        continue;
      }
      LoanEvaluation me = m.evaluation().get();
      ThresholdCurves curves = ThresholdCurves.of(me.labels(), me.outOfFold());
      ThresholdCurves.Curve r = curves.roc().thinned(MAX_POINTS);
      roc.add(new Charts.Series(m.name() + " (AUC " + Fmt.num(me.metrics().auc(), 3) + ")", r.x(), r.y()));
      ThresholdCurves.Curve c = curves.precisionRecall().thinned(MAX_POINTS);
      pr.add(new Charts.Series(m.name() + " (AP " + Fmt.num(me.metrics().averagePrecision(), 3) + ")", c.x(), c.y()));
    }
    List<ChartImage> charts = new ArrayList<>();
    charts.add(Charts.lines("roc", "ROC curve", "false-positive rate", "true-positive rate", roc, true));
    charts.add(CornerLegendLines.render("precision-recall", "Precision-recall curve", "recall", "precision", pr));
    ThresholdCurves.KsCurve ks = ThresholdCurves.of(y, p).ks().thinned(MAX_POINTS);
    charts.add(Charts.lines("ks", "KS plot: KS " + Fmt.num(ks.ks(), 3) + " at p = " + Fmt.num(ks.at(), 3),
        "probability of default (threshold)", "cumulative share at or below",
        List.of(new Charts.Series("non-defaulters", ks.threshold(), ks.negatives()),
            new Charts.Series("defaulters", ks.threshold(), ks.positives())), false));
    CalibrationTable cal = CalibrationTable.of(y, p, 10);
    CalibrationTable iso = CalibrationTable.of(y, Calibration.ISOTONIC.crossFit(y, p, seed), 10);
    charts.add(Charts.lines("calibration", "Calibration curve (ECE " + Fmt.num(cal.expectedCalibrationError(), 3) + ")",
        "mean predicted probability", "observed default rate",
        List.of(series(best.name() + " (ECE " + Fmt.num(cal.expectedCalibrationError(), 3) + ")", cal),
            series("isotonic, cross-fitted (ECE " + Fmt.num(iso.expectedCalibrationError(), 3) + ")", iso)), true));
    ConfusionMatrix cm = ConfusionMatrix.at(y, p, threshold);
    double total = cm.total();
    charts.add(Charts.heatMap("confusion-matrix", "Confusion matrix at threshold " + Fmt.num(threshold, 3) + " (share of rows)",
        List.of("predicted: approve", "predicted: decline"), List.of("actual: repaid", "actual: defaulted"),
        new double[][] {{cm.trueNegatives() / total, cm.falsePositives() / total},
            {cm.falseNegatives() / total, cm.truePositives() / total}}, -1, 1));
    charts.add(scoreDistribution(y, p, threshold));

    StringBuilder h = new StringBuilder();
    h.append("<p>Charts of <b>").append(Html.escape(best.name())).append("</b>, the best model by cross-validated AUC, from its")
        .append(" out-of-fold probabilities (every row scored by a model that did not see it). ROC and precision-recall")
        .append(" curves show every compared model.</p>\n<div class=\"grid\">\n");
    for (ChartImage c : charts) {
      h.append(c.imgTag()).append('\n');
    }
    h.append("</div>\n");
    h.append("<table class=\"data small\" id=\"confusion-counts\">\n<tr><th></th><th>approved (p &lt; ")
        .append(Fmt.num(threshold, 4)).append(")</th><th>declined</th></tr>\n")
        .append("<tr><th>repaid</th>").append(Fmt.tdNum(String.valueOf(cm.trueNegatives())))
        .append(Fmt.tdNum(String.valueOf(cm.falsePositives()))).append("</tr>\n")
        .append("<tr><th>defaulted</th>").append(Fmt.tdNum(String.valueOf(cm.falseNegatives())))
        .append(Fmt.tdNum(String.valueOf(cm.truePositives()))).append("</tr>\n</table>\n");
    return new Section("evaluation", "Evaluation of the best model", h.toString(), charts.stream().map(ChartImage::id).toList());
  }

  private static Charts.Series series(String name, CalibrationTable t) {
    return new Charts.Series(name, t.bins().stream().mapToDouble(CalibrationTable.Bin::meanPredicted).toArray(),
        t.bins().stream().mapToDouble(CalibrationTable.Bin::observedRate).toArray());
  }

  /** Share of each class's rows per probability bin, overlapped, with the threshold's bin named in the title. */
  private static ChartImage scoreDistribution(int[] y, double[] p, double threshold) {
    double[][] shares = ThresholdCurves.histogramByClass(y, p, SCORE_BINS);
    double[] neg = shares[0];
    double[] pos = shares[1];
    List<String> labels = new ArrayList<>();
    for (int b = 0; b < SCORE_BINS; b++) {
      labels.add(Fmt.num((b + 0.5) / SCORE_BINS, 3));
    }
    return Charts.bars("score-distribution", "Score distribution by class (threshold " + Fmt.num(threshold, 3) + ")",
        "probability of default", "share of the class", labels, List.of("repaid", "defaulted"), List.of(neg, pos));
  }
}
