package dev.bankml.web;

import dev.bankml.models.metrics.ConfusionMatrix;
import dev.bankml.models.metrics.RocAuc;
import dev.bankml.models.metrics.ThresholdCurves;
import dev.bankml.report.ChartImage;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code GET /api/model}, {@code /api/model/confusion?threshold=} and {@code /api/model/charts}. */
final class ModelApi {
  private final Optional<ModelInsights> insights;
  private volatile ThresholdCurves curves;
  private volatile List<ChartImage> charts;

  ModelApi(Optional<ModelInsights> insights) {
    this.insights = insights;
  }

  void register(Javalin app) {
    app.get("/api/model", this::summary);
    app.get("/api/model/confusion", this::confusion);
    app.get("/api/model/charts", ctx -> ctx.json(ChartJson.of(charts())));
  }

  private ModelInsights insights() {
    return insights.orElseThrow(() -> ApiError.notLoaded("model evaluation data"));
  }

  private ThresholdCurves curves() {
    ThresholdCurves c = curves;
    if (c == null) {
      synchronized (this) {
        if (curves == null) {
          curves = ThresholdCurves.of(insights().heldOut().labels(), insights().heldOut().probabilities());
        }
        c = curves;
      }
    }
    return c;
  }

  private List<ChartImage> charts() {
    List<ChartImage> c = charts;
    if (c == null) {
      synchronized (this) {
        if (charts == null) {
          charts = PageCharts.model(insights(), curves());
        }
        c = charts;
      }
    }
    return c;
  }

  private void summary(Context ctx) {
    ModelInsights m = insights();
    ThresholdCurves c = curves();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("model", m.label());
    out.put("threshold", m.threshold());
    out.put("rows", c.rows());
    out.put("defaults", c.positives());
    HeldOut held = m.heldOut();
    out.put("auc", c.positives() == 0 || c.negatives() == 0 ? null : RocAuc.of(held.labels(), held.probabilities()));
    out.put("atThreshold", confusionJson(m.threshold(), c.at(m.threshold())));
    ctx.json(out);
  }

  private void confusion(Context ctx) {
    String raw = ctx.queryParam("threshold");
    double t;
    try {
      t = raw == null ? insights().threshold() : Double.parseDouble(raw);
    } catch (NumberFormatException e) {
      throw new InvalidFieldException("threshold", "threshold '" + raw + "' is not a number; valid: 0 to 1");
    }
    if (!(t >= 0 && t <= 1)) {
      throw new InvalidFieldException("threshold", "threshold " + raw + " is out of range; valid: 0 to 1");
    }
    ctx.json(confusionJson(t, curves().at(t)));
  }

  /** Counts at threshold {@code t}: declined (positive) at or above it, approved below. */
  private static Map<String, Object> confusionJson(double t, ConfusionMatrix c) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("threshold", t);
    out.put("truePositives", c.truePositives());
    out.put("falsePositives", c.falsePositives());
    out.put("trueNegatives", c.trueNegatives());
    out.put("falseNegatives", c.falseNegatives());
    out.put("precision", c.truePositives() + c.falsePositives() == 0 ? null : c.precision());
    out.put("recall", c.recall());
    out.put("approvalRate", c.total() == 0 ? 0.0 : (double) (c.trueNegatives() + c.falseNegatives()) / c.total());
    return out;
  }
}
