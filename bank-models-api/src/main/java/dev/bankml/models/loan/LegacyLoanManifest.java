package dev.bankml.models.loan;

import dev.bankml.data.BankmlException;
import dev.bankml.data.bundle.Bundle;
import dev.bankml.data.bundle.DataFingerprint;
import dev.bankml.data.bundle.Provenance;
import dev.bankml.features.pipeline.InputField;
import dev.bankml.models.calibrate.Calibrator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The manifest of a format-1 loan bundle (bankml before signed bundles): flat provenance fields
 * and an untyped {@code extensions} map. Read only to turn it into {@link Provenance} and
 * {@link LoanSettings}; the defaults for absent extensions are those that bankml applied.
 */
record LegacyLoanManifest(
    int formatVersion,
    String bankmlVersion,
    String backend,
    String backendVersion,
    String algorithm,
    Map<String, Object> hyperparameters,
    long seed,
    String target,
    String positiveLabel,
    double threshold,
    List<InputField> inputSchema,
    DataFingerprint trainingData,
    Map<String, Double> metrics,
    String createdAt,
    Map<String, Object> extensions) {

  Provenance provenance() {
    return new Provenance(bankmlVersion, backend, backendVersion, algorithm, hyperparameters, seed, trainingData, metrics,
        createdAt);
  }

  /**
   * The typed settings.
   *
   * @throws dev.bankml.data.bundle.BundleFormatException naming the bundle if a value is missing or out of range
   */
  LoanSettings settings(Bundle bundle) {
    try {
      Object s = extensions.get("score_scaling");
      ScoreScaling scaling = ScoreScaling.DEFAULT;
      if (s instanceof Map<?, ?> sm) {
        scaling = new ScoreScaling(number(sm.get("base_score"), 600), number(sm.get("base_odds"), 19),
            number(sm.get("pdo"), 50));
      }
      Object cal = extensions.get("calibration");
      Optional<Calibrator> calibrator = cal == null || "none".equals(cal) ? Optional.empty()
          : Optional.of(Calibrator.fromManifest(cal));
      List<LoanSettings.Trial> board = new ArrayList<>();
      if (extensions.get("leaderboard") instanceof List<?> list) {
        for (Object o : list) {
          if (o instanceof Map<?, ?> t) {
            @SuppressWarnings("unchecked")
            Map<String, Object> hp = t.get("hyperparameters") instanceof Map<?, ?> h ? (Map<String, Object>) h : Map.of();
            board.add(new LoanSettings.Trial(String.valueOf(t.get("algorithm")), hp, number(t.get("score"), Double.NaN),
                number(t.get("score_std"), Double.NaN)));
          }
        }
      }
      List<LoanSettings.Skipped> skipped = new ArrayList<>();
      if (extensions.get("skipped_candidates") instanceof List<?> list) {
        for (Object o : list) {
          if (o instanceof Map<?, ?> t) {
            @SuppressWarnings("unchecked")
            Map<String, Object> hp = t.get("hyperparameters") instanceof Map<?, ?> h ? (Map<String, Object>) h : Map.of();
            skipped.add(new LoanSettings.Skipped(String.valueOf(t.get("algorithm")), hp, String.valueOf(t.get("reason"))));
          }
        }
      }
      Selection selection = Selection.NONE;
      for (Selection kind : Selection.values()) {
        if (kind.key().equals(extensions.get("selection"))) {
          selection = kind;
        }
      }
      return new LoanSettings(target, positiveLabel, threshold, text("threshold_policy"),
          number(extensions.get("review_band"), 0), scaling, RiskGrades.fromManifest(extensions.get("risk_grades")),
          LoanSettings.Calibration.of(calibrator), doubles(extensions.get("explainer_baseline"), bundle),
          strings(extensions.get("id_columns")), (int) number(extensions.get("cv_folds"), 0), text("tuning"), selection,
          skipped, board, text("leaderboard_metric"), inputSchema);
    } catch (dev.bankml.data.bundle.BundleException e) {
      throw e;
    } catch (BankmlException | ClassCastException e) {
      throw bundle.refused(Bundle.MANIFEST, e.getMessage());
    }
  }

  private String text(String key) {
    Object v = extensions.get(key);
    return v == null ? "" : v.toString();
  }

  private static double number(Object o, double fallback) {
    return o instanceof Number n ? n.doubleValue() : fallback;
  }

  private static List<String> strings(Object o) {
    List<String> out = new ArrayList<>();
    if (o instanceof List<?> list) {
      list.forEach(v -> out.add(String.valueOf(v)));
    }
    return out;
  }

  private static List<Double> doubles(Object o, Bundle bundle) {
    if (!(o instanceof List<?> list)) {
      throw bundle.refused(Bundle.MANIFEST, "extensions have no 'explainer_baseline'");
    }
    List<Double> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof Number n)) {
        throw bundle.refused(Bundle.MANIFEST, "'explainer_baseline' holds a non-number at " + i);
      }
      out.add(n.doubleValue());
    }
    return out;
  }
}
