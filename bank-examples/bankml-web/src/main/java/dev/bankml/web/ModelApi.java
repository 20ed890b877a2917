package dev.bankml.web;

import dev.bankml.features.dictionary.DataDictionary;
import dev.bankml.models.metrics.BinaryMetrics;
import dev.bankml.models.metrics.CalibrationTable;
import dev.bankml.models.metrics.ConfusionMatrix;
import dev.bankml.models.metrics.RocAuc;
import dev.bankml.models.metrics.ThresholdCurves;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/models}, {@code /api/model?model=}, {@code /api/model/confusion?model=&threshold=}
 * and {@code /api/model/charts?model=} (chart data as JSON; the page draws it). {@code model} is the
 * index in {@code /api/models}, 0 by default.
 */
final class ModelApi {
  /** Loss given default for the expected loss at a threshold: the Basel foundation value for senior unsecured loans. */
  static final double LGD = 0.45;
  private static final int SCORE_BINS = 20;
  private static final int MAX_POINTS = 200;
  private static final int MAX_IMPORTANCE = 15;
  private static final int MAX_DRIFT = 15;
  private static final int MAX_DISTRIBUTIONS = 8;
  private static final int MAX_RATE_CHARTS = 6;

  private final List<Evaluated> models = new ArrayList<>();
  private final DataDictionary dictionary;

  ModelApi(List<ModelInsights> insights, DataDictionary dictionary) {
    for (int i = 0; i < insights.size(); i++) {
      models.add(new Evaluated(i, insights.get(i)));
    }
    this.dictionary = dictionary;
  }

  void register(Javalin app) {
    app.get("/api/models", this::models);
    app.get("/api/model", ctx -> ctx.json(named(ctx).summary()));
    app.get("/api/model/confusion", this::confusion);
    app.get("/api/model/charts", ctx -> ctx.json(named(ctx).charts()));
  }

  /** The model {@code ?model=} names: its index in {@code /api/models}, 0 by default. */
  private Evaluated named(Context ctx) {
    if (models.isEmpty()) {
      throw ApiError.notLoaded("model evaluation data");
    }
    String raw = ctx.queryParam("model");
    if (raw == null || raw.isBlank()) {
      return models.get(0);
    }
    try {
      int i = Integer.parseInt(raw.trim());
      if (i >= 0 && i < models.size()) {
        return models.get(i);
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new InvalidFieldException("model", "model '" + raw + "' is not loaded; valid: 0 to " + (models.size() - 1));
  }

  private void models(Context ctx) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Evaluated e : models) {
      ModelInsights m = e.model;
      list.add(Map.of("id", e.id, "label", m.label(), "evaluatedOn", m.evaluatedOn(), "heldOut", m.heldOutRows()));
    }
    ctx.json(Map.of("models", list));
  }

  private void confusion(Context ctx) {
    Evaluated chosen = named(ctx);
    String raw = ctx.queryParam("threshold");
    double t;
    try {
      t = raw == null ? chosen.model.threshold() : Double.parseDouble(raw);
    } catch (NumberFormatException e) {
      throw new InvalidFieldException("threshold", "threshold '" + raw + "' is not a number; valid: 0 to 1");
    }
    if (!(t >= 0 && t <= 1)) {
      throw new InvalidFieldException("threshold", "threshold " + raw + " is out of range; valid: 0 to 1");
    }
    ctx.json(chosen.confusion(t));
  }

  private static Map<String, Object> headline(double auc, double gini, double ks, double brier, double logLoss,
      double ap) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("auc", finite(auc));
    out.put("gini", finite(gini));
    out.put("ks", finite(ks));
    out.put("brier", finite(brier));
    out.put("logLoss", finite(logLoss));
    out.put("averagePrecision", finite(ap));
    return out;
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  private static double[][] points(ThresholdCurves.Curve curve) {
    double[][] out = new double[curve.x().length][];
    for (int i = 0; i < out.length; i++) {
      out[i] = new double[] {curve.x()[i], curve.y()[i]};
    }
    return out;
  }

  private Map<String, Object> profile(DataProfile p) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("distributions", p.distributions().stream().limit(MAX_DISTRIBUTIONS)
        .map(d -> Map.of("label", dictionary.describe(d.column()).label(), "bins", levels(d.column(), d.bins()),
            "counts", d.counts())).toList());
    out.put("correlations", Map.of(
        "labels", p.correlationColumns().stream().map(col -> dictionary.describe(col).label()).toList(),
        "matrix", p.correlations()));
    out.put("rates", p.targetRates().stream().limit(MAX_RATE_CHARTS)
        .map(r -> Map.of("label", dictionary.describe(r.column()).label(), "levels", levels(r.column(), r.levels()),
            "rates", r.rates())).toList());
    return out;
  }

  private List<String> levels(String column, List<String> values) {
    return values.stream().map(v -> dictionary.describe(column).levelLabel(v)).toList();
  }

  /** One loaded model as the model page reads it: what is known of it and the threshold curves of its held-out rows. */
  private final class Evaluated {
    final int id;
    final ModelInsights model;
    private ThresholdCurves curves;

    Evaluated(int id, ModelInsights model) {
      this.id = id;
      this.model = model;
    }

    /** The counts at every threshold of the held-out rows, computed on first use. */
    synchronized ThresholdCurves curves() {
      if (curves == null) {
        curves = ThresholdCurves.of(model.heldOut().labels(), model.heldOut().probabilities());
      }
      return curves;
    }

    /** Headline metrics (held-out, else cross-validated), costs, grades and the counts at the model's threshold. */
    Map<String, Object> summary() {
      ThresholdCurves c = curves();
      HeldOut h = model.heldOut();
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("id", id);
      out.put("model", model.label());
      out.put("evaluatedOn", model.evaluatedOn());
      out.put("heldOut", model.heldOutRows());
      out.put("threshold", model.threshold());
      out.put("rows", c.rows());
      out.put("defaults", c.positives());
      boolean bothClasses = c.positives() > 0 && c.negatives() > 0;
      out.put("auc", bothClasses ? RocAuc.of(h.labels(), h.probabilities()) : null);
      Map<String, Double> cv = model.crossValidated();
      if (model.heldOutRows() && bothClasses) {
        BinaryMetrics b = BinaryMetrics.of(h.labels(), h.probabilities(), model.threshold());
        out.put("metrics", headline(b.auc(), b.gini(), b.ks(), b.brier(), b.logLoss(), b.averagePrecision()));
        out.put("metricsSource", "held-out");
      } else if (!cv.isEmpty()) {
        out.put("metrics", headline(cv.getOrDefault("auc", Double.NaN), cv.getOrDefault("gini", Double.NaN),
            cv.getOrDefault("ks", Double.NaN), cv.getOrDefault("brier", Double.NaN),
            cv.getOrDefault("log_loss", Double.NaN), cv.getOrDefault("average_precision", Double.NaN)));
        out.put("metricsSource", "cross-validated");
      } else {
        out.put("metrics", Map.of());
        out.put("metricsSource", "none");
      }
      out.put("cvFolds", model.cvFolds());
      out.put("crossValidatedAuc", cv.containsKey("auc") ? cv.get("auc") : null);
      ModelInsights.Costs costs = model.costs();
      out.put("costs", Map.of("missedDefault", costs.missedDefault(), "declinedGood", costs.declinedGood(),
          "source", costs.source()));
      out.put("lgd", LGD);
      out.put("grades", grades(h));
      out.put("atThreshold", confusion(model.threshold()));
      return out;
    }

    /** Rows, defaults, observed default rate and mean predicted probability per grade, A first. */
    private List<Map<String, Object>> grades(HeldOut h) {
      Map<String, long[]> counts = new LinkedHashMap<>();
      Map<String, Double> sumP = new LinkedHashMap<>();
      for (String g : model.gradeLetters()) {
        counts.put(g, new long[2]);
        sumP.put(g, 0.0);
      }
      for (int r = 0; r < h.size(); r++) {
        String g = model.grade(h.probabilities()[r]);
        counts.computeIfAbsent(g, k -> new long[2]);
        counts.get(g)[0]++;
        counts.get(g)[1] += h.labels()[r];
        sumP.merge(g, h.probabilities()[r], Double::sum);
      }
      List<Map<String, Object>> out = new ArrayList<>();
      for (Map.Entry<String, long[]> e : counts.entrySet()) {
        long n = e.getValue()[0];
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("grade", e.getKey());
        g.put("rows", n);
        g.put("share", h.size() == 0 ? 0 : (double) n / h.size());
        g.put("defaults", e.getValue()[1]);
        g.put("defaultRate", n == 0 ? null : (double) e.getValue()[1] / n);
        g.put("meanProbability", n == 0 ? null : sumP.get(e.getKey()) / n);
        out.add(g);
      }
      return out;
    }

    /** Counts at threshold {@code t}: declined (positive) at or above it, approved below. */
    Map<String, Object> confusion(double t) {
      ConfusionMatrix c = curves().at(t);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("threshold", t);
      out.put("truePositives", c.truePositives());
      out.put("falsePositives", c.falsePositives());
      out.put("trueNegatives", c.trueNegatives());
      out.put("falseNegatives", c.falseNegatives());
      out.put("precision", c.truePositives() + c.falsePositives() == 0 ? null : c.precision());
      out.put("recall", c.recall());
      long approved = c.trueNegatives() + c.falseNegatives();
      long n = c.total();
      out.put("approvalRate", n == 0 ? 0.0 : (double) approved / n);
      out.put("badRateApproved", approved == 0 ? null : (double) c.falseNegatives() / approved);
      ModelInsights.Costs costs = model.costs();
      out.put("costPerApplication", n == 0 ? null
          : (costs.missedDefault() * c.falseNegatives() + costs.declinedGood() * c.falsePositives()) / n);
      double[] exposure = model.exposure();
      HeldOut h = model.heldOut();
      if (exposure.length == h.size() && h.size() > 0) {
        double loss = 0;
        double lent = 0;
        for (int r = 0; r < h.size(); r++) {
          if (h.probabilities()[r] < t && Double.isFinite(exposure[r])) {
            loss += h.probabilities()[r] * LGD * exposure[r];
            lent += exposure[r];
          }
        }
        out.put("expectedLoss", loss);
        out.put("expectedLossRate", lent == 0 ? null : loss / lent);
        out.put("approvedAmount", lent);
      } else {
        out.put("expectedLoss", null);
        out.put("expectedLossRate", null);
        out.put("approvedAmount", null);
      }
      return out;
    }

    /** The page's chart data: ROC, precision-recall, calibration, scores by outcome, importance, drift, profile. */
    Map<String, Object> charts() {
      ThresholdCurves c = curves();
      HeldOut h = model.heldOut();
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("roc", points(c.roc().thinned(MAX_POINTS)));
      out.put("pr", points(c.precisionRecall().thinned(MAX_POINTS)));
      out.put("calibration", CalibrationTable.of(h.labels(), h.probabilities()).bins().stream()
          .filter(b -> b.count() > 0)
          .map(b -> new double[] {b.meanPredicted(), b.observedRate(), b.count()}).toList());
      double[][] hist = ThresholdCurves.histogramByClass(h.labels(), h.probabilities(), SCORE_BINS);
      List<Double> bins = new ArrayList<>();
      for (int b = 0; b < SCORE_BINS; b++) {
        bins.add((b + 0.5) / SCORE_BINS);
      }
      out.put("scores", Map.of("bins", bins, "repaid", hist[0], "defaulted", hist[1]));
      out.put("importance", model.importance().stream()
          .sorted(Comparator.comparingDouble(ModelInsights.Importance::value).reversed()).limit(MAX_IMPORTANCE)
          .map(x -> Map.of("label", dictionary.describe(x.column()).label(), "value", x.value())).toList());
      out.put("drift", model.drift().stream()
          .filter(d -> Double.isFinite(d.psi()))
          .sorted(Comparator.comparingDouble(ModelInsights.Drift::psi).reversed()).limit(MAX_DRIFT)
          .map(d -> Map.of("label", dictionary.describe(d.column()).label(), "psi", d.psi())).toList());
      out.put("profile", profile(model.profile()));
      return out;
    }
  }
}
