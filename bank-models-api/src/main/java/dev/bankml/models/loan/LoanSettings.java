package dev.bankml.models.loan;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.bankml.data.BankmlException;
import dev.bankml.features.pipeline.InputField;
import dev.bankml.models.calibrate.Calibrator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything a loan model decides with besides its pipeline and classifier, as stored in the
 * manifest of its bundle next to the {@link dev.bankml.data.bundle.Provenance}. Every value is
 * range-checked when it is made — at training and when a bundle is loaded — so a bundle edited to
 * a threshold of NaN or -1 is refused, not used.
 *
 * @param target the target column
 * @param positiveLabel the target value meaning "defaulted"; empty for the default 0/1 rule
 * @param threshold decline at or above this probability of default; finite, in (0, 1)
 * @param thresholdPolicy how the threshold was chosen, e.g. {@code max-f1}
 * @param reviewBand probabilities within this distance of the threshold are referred; in [0, 0.5)
 * @param scoreScaling how probabilities become score points
 * @param riskGrades the grade bands
 * @param calibration the calibrator applied to the classifier's raw scores
 * @param explainerBaseline the feature values explanations are relative to (training means)
 * @param idColumns columns that identify a row and are never features
 * @param cvFolds cross-validation folds of the training run
 * @param tuning the hyperparameter search, described
 * @param selection how the stored metrics relate to the choice of model (a selection score when a
 *     search chose among candidates on the same folds)
 * @param skippedCandidates candidates the search left out when its time limit was reached
 * @param leaderboard every configuration the search scored, best first
 * @param leaderboardMetric the metric the leaderboard is sorted by
 * @param inputSchema the raw inputs the model reads, with ranges and levels
 */
public record LoanSettings(
    String target,
    String positiveLabel,
    double threshold,
    String thresholdPolicy,
    double reviewBand,
    ScoreScaling scoreScaling,
    RiskGrades riskGrades,
    Calibration calibration,
    List<Double> explainerBaseline,
    List<String> idColumns,
    int cvFolds,
    String tuning,
    Selection selection,
    List<Skipped> skippedCandidates,
    List<Trial> leaderboard,
    String leaderboardMetric,
    List<InputField> inputSchema) {

  public LoanSettings {
    require(target != null && !target.isBlank(), "target", "must name the target column");
    require(positiveLabel != null, "positive_label", "is missing");
    require(Double.isFinite(threshold) && threshold > 0 && threshold < 1, "threshold",
        "is " + threshold + "; must be a finite number strictly between 0 and 1");
    require(Double.isFinite(reviewBand) && reviewBand >= 0 && reviewBand < 0.5, "review_band",
        "is " + reviewBand + "; must be a finite number from 0 to below 0.5");
    require(scoreScaling != null, "score_scaling", "is missing");
    require(Double.isFinite(scoreScaling.baseOdds()) && Double.isFinite(scoreScaling.pointsToDoubleOdds())
        && Math.abs(scoreScaling.baseScore()) <= 1e6 && scoreScaling.pointsToDoubleOdds() <= 1e4, "score_scaling",
        "is " + scoreScaling + "; base score must be within ±1,000,000, base odds and points to double the odds finite"
            + " and points to double at most 10,000");
    require(riskGrades != null, "risk_grades", "is missing");
    require(calibration != null, "calibration", "is missing");
    require(explainerBaseline != null && explainerBaseline.stream().allMatch(v -> v != null && Double.isFinite(v)),
        "explainer_baseline", "must be a list of finite numbers");
    require(noNulls(idColumns), "id_columns", "must be a list of column names");
    require(cvFolds >= 0 && cvFolds <= 1000, "cv_folds", "is " + cvFolds + "; must be from 0 to 1000");
    require(tuning != null && thresholdPolicy != null && leaderboardMetric != null, "tuning",
        "tuning, threshold_policy and leaderboard_metric must be present");
    require(noNulls(leaderboard), "leaderboard", "must be a list");
    require(noNulls(inputSchema), "input_schema", "must be a list");
    explainerBaseline = List.copyOf(explainerBaseline);
    idColumns = List.copyOf(idColumns);
    skippedCandidates = List.copyOf(skippedCandidates);
    leaderboard = List.copyOf(leaderboard);
    inputSchema = List.copyOf(inputSchema);
  }

  private static boolean noNulls(List<?> list) {
    return list != null && list.stream().allMatch(java.util.Objects::nonNull);
  }

  private static void require(boolean ok, String field, String problem) {
    if (!ok) {
      throw new BankmlException("loan model setting '" + field + "' " + problem);
    }
  }

  /** The positive label, if one was given (else the default 0/1 rule applies). */
  public Optional<String> positiveValue() {
    return positiveLabel.isEmpty() ? Optional.empty() : Optional.of(positiveLabel);
  }

  /** {@link #explainerBaseline} as an array. */
  double[] baseline() {
    return explainerBaseline.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /**
   * One configuration the hyperparameter search scored.
   *
   * @param algorithm the algorithm
   * @param hyperparameters its settings
   * @param score mean cross-validated score of {@code leaderboard_metric}
   * @param scoreStd standard deviation of that score over the folds
   */
  public record Trial(String algorithm, Map<String, Object> hyperparameters, double score, double scoreStd) {
    public Trial {
      require(algorithm != null && hyperparameters != null, "leaderboard", "entries need an algorithm and hyperparameters");
      hyperparameters = java.util.Collections.unmodifiableMap(new TreeMap<>(hyperparameters));
    }
  }

  /**
   * A candidate the search did not score.
   *
   * @param algorithm the algorithm
   * @param hyperparameters its settings
   * @param reason why it was left out, e.g. the time limit
   */
  public record Skipped(String algorithm, Map<String, Object> hyperparameters, String reason) {
    public Skipped {
      require(algorithm != null && hyperparameters != null && reason != null, "skipped_candidates",
          "entries need an algorithm, hyperparameters and a reason");
      hyperparameters = java.util.Collections.unmodifiableMap(new TreeMap<>(hyperparameters));
    }
  }

  /**
   * The stored form of the calibrator (JSON {@code {"method": "platt", "slope": …, "intercept": …}},
   * {@code {"method": "isotonic", "scores": […], "probabilities": […]}} or {@code {"method": "none"}}).
   */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "method")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = Calibration.None.class, name = "none"),
    @JsonSubTypes.Type(value = Calibration.Platt.class, name = "platt"),
    @JsonSubTypes.Type(value = Calibration.Isotonic.class, name = "isotonic")
  })
  public sealed interface Calibration {
    /** No calibration: probabilities are the classifier's own. */
    record None() implements Calibration {}

    /** Platt scaling: {@code sigmoid(slope · logit(score) + intercept)}. */
    record Platt(double slope, double intercept) implements Calibration {
      public Platt {
        require(Double.isFinite(slope) && Double.isFinite(intercept), "calibration",
            "platt slope and intercept must be finite, got " + slope + " and " + intercept);
      }
    }

    /** Isotonic regression: a non-decreasing step function from scores to probabilities. */
    record Isotonic(List<Double> scores, List<Double> probabilities) implements Calibration {
      public Isotonic {
        require(scores != null && probabilities != null && scores.size() == probabilities.size() && !scores.isEmpty(),
            "calibration", "isotonic scores and probabilities must be non-empty lists of one length");
        scores = List.copyOf(scores);
        probabilities = List.copyOf(probabilities);
      }
    }

    /** The stored form of {@code calibrator} ({@link None} when empty). */
    static Calibration of(Optional<Calibrator> calibrator) {
      if (calibrator.isEmpty()) {
        return new None();
      }
      Map<String, Object> m = calibrator.get().toManifest();
      return switch (String.valueOf(m.get("method"))) {
        case "platt" -> new Platt(((Number) m.get("slope")).doubleValue(), ((Number) m.get("intercept")).doubleValue());
        case "isotonic" -> new Isotonic(numbers(m.get("scores")), numbers(m.get("probabilities")));
        default -> throw new IllegalStateException("unknown calibration method " + m.get("method"));
      };
    }

    /**
     * The calibrator this stored form describes.
     *
     * @throws BankmlException if its values do not make a valid calibrator
     */
    default Optional<Calibrator> calibrator() {
      Map<String, Object> m = new LinkedHashMap<>();
      if (this instanceof Platt p) {
        m.put("method", "platt");
        m.put("slope", p.slope());
        m.put("intercept", p.intercept());
      } else if (this instanceof Isotonic i) {
        m.put("method", "isotonic");
        m.put("scores", i.scores());
        m.put("probabilities", i.probabilities());
      } else {
        return Optional.empty();
      }
      return Optional.of(Calibrator.fromManifest(m));
    }

    private static List<Double> numbers(Object list) {
      List<Double> out = new ArrayList<>();
      for (Object o : (List<?>) list) {
        out.add(((Number) o).doubleValue());
      }
      return out;
    }
  }
}
