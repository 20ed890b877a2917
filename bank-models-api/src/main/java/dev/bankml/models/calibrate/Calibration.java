package dev.bankml.models.calibrate;

import dev.bankml.data.BankmlException;
import dev.bankml.models.metrics.LogLoss;
import dev.bankml.models.split.Split;
import dev.bankml.models.split.StratifiedSplit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How raw classifier scores become probabilities: a specification that {@link #fit}s out-of-fold
 * labels and scores into an immutable {@link Calibrator}, or into none when the raw scores are kept.
 * Fit on held-out (out-of-fold) scores, never on the rows the classifier was trained on: in-sample
 * scores of a forest are far more confident than its scores on new rows.
 *
 * <ul>
 *   <li>{@link #NONE}: raw scores as they are.
 *   <li>{@link #PLATT}: a logistic fit on the score's log-odds ({@link PlattCalibrator}); two
 *       parameters, suits small validation sets and sigmoid-shaped distortion.
 *   <li>{@link #ISOTONIC}: pool-adjacent-violators ({@link IsotonicCalibrator}); corrects any
 *       monotone distortion, wants a few thousand rows.
 *   <li>{@link #AUTO}: Platt, isotonic (from {@value Auto#ISOTONIC_MIN_ROWS} rows) or none,
 *       whichever gives the lowest cross-fitted log loss ({@link #crossFit}); a calibrator is kept
 *       only when it makes held-out probabilities better, and the raw scores win ties.
 * </ul>
 */
public sealed interface Calibration permits Calibration.Fixed, Calibration.Auto {
  /** Raw scores as they are. */
  Calibration NONE = new Fixed("none");
  /** Platt scaling. */
  Calibration PLATT = new Fixed("platt");
  /** Isotonic regression. */
  Calibration ISOTONIC = new Fixed("isotonic");
  /** The best of none, Platt and isotonic by cross-fitted log loss. */
  Calibration AUTO = new Auto();

  /** Parts of {@link #crossFit}. */
  int PARTS = 5;

  /**
   * The calibrator for 0/1 {@code labels} and raw {@code scores} in [0, 1] (out-of-fold scores),
   * or empty when the raw scores are kept; {@code seed} seeds {@link #AUTO}'s cross-fit.
   *
   * @throws BankmlException when labels and scores differ in number, a label is not 0/1 or a
   *     score is outside [0, 1]
   */
  Optional<Calibrator> fit(int[] labels, double[] scores, long seed);

  /** Lower-case name, as in manifests and on the command line: none, platt, isotonic, auto. */
  String key();

  /** Every calibration, in the order {@link #parse} lists them. */
  static List<Calibration> values() {
    return List.of(AUTO, NONE, PLATT, ISOTONIC);
  }

  /**
   * The calibration called {@code name} (any case).
   *
   * @throws BankmlException for any other name
   */
  static Calibration parse(String name) {
    for (Calibration c : values()) {
      if (c.key().equals(name.trim().toLowerCase(Locale.ROOT))) {
        return c;
      }
    }
    throw new BankmlException("unknown calibration '" + name + "'; valid: auto, none, platt, isotonic");
  }

  /**
   * Cross-fitted probabilities: the rows are cut into {@value #PARTS} stratified parts (seeded by
   * {@code seed}), and each part is calibrated by a fit on the other parts, so no row is
   * calibrated by a fit that saw it. What calibration would give on new rows; in-sample
   * calibration always looks better.
   */
  default double[] crossFit(int[] labels, double[] scores, long seed) {
    return crossFit(StratifiedSplit.kFold(labels, PARTS, seed), labels, scores, seed);
  }

  private double[] crossFit(List<Split> parts, int[] labels, double[] scores, long seed) {
    double[] out = new double[scores.length];
    for (Split s : parts) {
      int[] tr = s.train();
      int[] y = new int[tr.length];
      double[] x = new double[tr.length];
      for (int i = 0; i < tr.length; i++) {
        y[i] = labels[tr[i]];
        x[i] = scores[tr[i]];
      }
      Optional<Calibrator> c = fit(y, x, seed);
      for (int i : s.test()) {
        out[i] = c.isPresent() ? c.get().calibrate(scores[i]) : scores[i];
      }
    }
    return out;
  }

  /** Always the same calibration: none, Platt ({@link PlattCalibrator#fit}) or isotonic ({@link IsotonicCalibrator#fit}). */
  record Fixed(String key) implements Calibration {
    /** Checks the key names one of the three. */
    public Fixed {
      if (!List.of("none", "platt", "isotonic").contains(key)) {
        throw new BankmlException("unknown calibration '" + key + "'; valid: none, platt, isotonic");
      }
    }

    @Override
    public Optional<Calibrator> fit(int[] labels, double[] scores, long seed) {
      return switch (key) {
        case "platt" -> Optional.of(PlattCalibrator.fit(labels, scores));
        case "isotonic" -> Optional.of(IsotonicCalibrator.fit(labels, scores));
        default -> Optional.empty();
      };
    }
  }

  /**
   * Platt, isotonic (from {@value #ISOTONIC_MIN_ROWS} rows) or none, by cross-fitted log loss. With
   * fewer than {@code 2 × PARTS} rows of either class no calibrator can be judged and the raw
   * scores are kept.
   */
  record Auto() implements Calibration {
    /** Rows from which auto also tries isotonic. */
    public static final int ISOTONIC_MIN_ROWS = 5000;

    private static final Logger LOG = LoggerFactory.getLogger(Auto.class);

    /**
     * What auto chose and why: the cross-fitted log loss of each candidate, {@code none} (the raw
     * scores) first; only {@code none} when there were too few rows of a class to judge.
     */
    public record Choice(Calibration chosen, Map<String, Double> logLoss) {
      /** Copies the map, keeping its order. */
      public Choice {
        logLoss = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(logLoss));
      }
    }

    @Override
    public Optional<Calibrator> fit(int[] labels, double[] scores, long seed) {
      Choice choice = choose(labels, scores, seed);
      LOG.info("calibration by cross-fitted log loss {}: {}", choice.logLoss(), choice.chosen().key());
      return choice.chosen().fit(labels, scores, seed);
    }

    /** The candidate with the lowest cross-fitted log loss ({@link #NONE} when the raw scores have it). */
    public Choice choose(int[] labels, double[] scores, long seed) {
      CalibrationInputs.check("auto", labels, scores);
      List<Calibration> candidates = labels.length >= ISOTONIC_MIN_ROWS ? List.of(PLATT, ISOTONIC) : List.of(PLATT);
      Map<String, Double> losses = new LinkedHashMap<>();
      double bestLoss = LogLoss.of(labels, scores);
      losses.put(NONE.key(), bestLoss);
      int positives = 0;
      for (int y : labels) {
        positives += y;
      }
      if (Math.min(positives, labels.length - positives) < 2 * PARTS) {
        return new Choice(NONE, losses);
      }
      List<Split> parts = StratifiedSplit.kFold(labels, PARTS, seed);
      Calibration best = NONE;
      for (Calibration c : candidates) {
        double loss = LogLoss.of(labels, c.crossFit(parts, labels, scores, seed));
        losses.put(c.key(), loss);
        if (loss < bestLoss) {
          bestLoss = loss;
          best = c;
        }
      }
      return new Choice(best, losses);
    }

    @Override
    public String key() {
      return "auto";
    }
  }
}
