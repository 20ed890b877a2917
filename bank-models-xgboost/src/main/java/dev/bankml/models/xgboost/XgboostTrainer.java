package dev.bankml.models.xgboost;

import dev.bankml.data.BankmlException;
import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.spi.Classifier;
import dev.bankml.models.spi.ClassifierTrainer;
import dev.bankml.models.spi.TrainingData;
import dev.bankml.models.split.Split;
import dev.bankml.models.split.StratifiedSplit;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains {@code logistic}, {@code gradient-boosting} or {@code random-forest} with xgboost4j. With early stopping, a
 * stratified, seeded slice of the training rows is held out; after every round the held-out
 * (weighted) log loss is computed from XGBoost's margins, training stops when it has not improved
 * for the patience, and the model is cut back to the round with the lowest loss. The fitted
 * classifier keeps XGBoost's JSON model and scores from it in Java.
 */
record XgboostTrainer(String algorithm, BoosterSettings settings, long seed) implements ClassifierTrainer {
  private static final Logger LOG = LoggerFactory.getLogger(XgboostTrainer.class);
  /** Probabilities are clipped to [EPS, 1 - EPS] in the log loss, as in the metrics module. */
  private static final double EPS = 1e-15;

  @Override
  public Classifier fit(FeatureMatrix x, int[] y, double[] weights) {
    checkTrainingData(x, y, weights);
    Split split = earlyStoppingSplit(y);
    byte[] json = Native.call("training " + algorithm, () -> train(x, y, weights, split));
    return XgboostModel.of(algorithm, x.cols(), json);
  }

  /** The rows to fit on and to hold out, or all rows and none when early stopping is off or impossible. */
  private Split earlyStoppingSplit(int[] y) {
    int all = y.length;
    int pos = 0;
    for (int v : y) {
      pos += v;
    }
    if (settings.earlyStoppingRounds() == 0 || pos < 2 || all - pos < 2
        || Math.round(Math.min(pos, all - pos) * settings.validationFraction()) < 1) {
      int[] rows = new int[all];
      for (int i = 0; i < all; i++) {
        rows[i] = i;
      }
      return new Split(rows, new int[0]);
    }
    return StratifiedSplit.trainTest(y, settings.validationFraction(), seed);
  }

  private byte[] train(FeatureMatrix x, int[] y, double[] w, Split split) throws XGBoostError {
    DMatrix train = labelled(x, y, w, split.train());
    DMatrix held = split.test().length == 0 ? null : labelled(x, y, w, split.test());
    Booster booster = null;
    try {
      Map<String, Object> params = settings.paramsFor(totalWeight(w, split.train()));
      // Zero rounds: XGBoost.train only builds the booster (its constructor is not public); the
      // held-out matrix is registered in its prediction cache so each round's margins are incremental.
      booster = XGBoost.train(train, params, 0, held == null ? Map.of() : Map.of("held", held), null, null);
      int best = settings.rounds();
      if (held == null) {
        for (int r = 0; r < settings.rounds(); r++) {
          booster.update(train, r);
        }
      } else {
        best = boostWithEarlyStopping(booster, train, held, y, w, split.test());
      }
      if (settings.linear()) {
        // The explanations' baseline travels inside XGBoost's own model, as one of its attributes.
        booster.setAttr(LinearModel.BASELINE_ATTRIBUTE, LinearModel.formatBaseline(LinearModel.baselineOf(x)));
      }
      byte[] json = booster.toByteArray("json");
      if (!settings.linear() && best < booster.getNumBoostedRound()) {
        json = ModelJson.firstRounds(json, best, 1);
      }
      LOG.debug("{}: {} rounds kept of {} trained", algorithm, best, booster.getNumBoostedRound());
      return json;
    } finally {
      if (booster != null) {
        booster.dispose();
      }
      train.dispose();
      if (held != null) {
        held.dispose();
      }
    }
  }

  /** Boosts until the held-out log loss has not improved for the patience; returns the best number of rounds. */
  private int boostWithEarlyStopping(Booster booster, DMatrix train, DMatrix held, int[] y, double[] w, int[] rows)
      throws XGBoostError {
    double bestLoss = Double.POSITIVE_INFINITY;
    int best = 0;
    for (int r = 0; r < settings.rounds(); r++) {
      booster.update(train, r);
      float[][] margins = booster.predict(held, true);
      double loss = logLoss(margins, y, w, rows);
      if (loss < bestLoss) {
        bestLoss = loss;
        best = r + 1;
      } else if (r + 1 - best >= settings.earlyStoppingRounds()) {
        break;
      }
    }
    return best;
  }

  private static double totalWeight(double[] w, int[] rows) {
    double sum = 0;
    for (int r : rows) {
      sum += (float) w[r];
    }
    return sum;
  }

  private static double logLoss(float[][] margins, int[] y, double[] w, int[] rows) {
    double loss = 0;
    for (int i = 0; i < rows.length; i++) {
      double p = 1 / (1 + Math.exp(-(double) margins[i][0]));
      p = Math.min(1 - EPS, Math.max(EPS, p));
      loss -= w[rows[i]] * (y[rows[i]] == 1 ? Math.log(p) : Math.log(1 - p));
    }
    return loss;
  }

  private static DMatrix labelled(FeatureMatrix x, int[] y, double[] w, int[] rows) throws XGBoostError {
    int cols = x.cols();
    double[] v = x.rowMajorValues();
    float[] data = new float[rows.length * cols];
    float[] labels = new float[rows.length];
    float[] weights = new float[rows.length];
    for (int i = 0; i < rows.length; i++) {
      int r = rows[i];
      for (int j = 0; j < cols; j++) {
        data[i * cols + j] = (float) v[r * cols + j];
      }
      labels[i] = y[r];
      weights[i] = (float) w[r];
    }
    DMatrix m = new DMatrix(data, rows.length, cols, Float.NaN);
    m.setLabel(labels);
    m.setWeight(weights);
    return m;
  }

  private static void checkTrainingData(FeatureMatrix x, int[] y, double[] weights) {
    TrainingData.checkLabelled(x, y, weights);
    double weightSum = 0;
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] > Float.MAX_VALUE) {
        throw new BankmlException("weight at row " + i + " is " + weights[i] + "; XGBoost takes weights within float range");
      }
      weightSum += weights[i];
    }
    if (!(weightSum > 0)) {
      throw new BankmlException("every training weight is 0; at least one row must count");
    }
    double[] v = x.rowMajorValues();
    for (int i = 0; i < v.length; i++) {
      if (Math.abs(v[i]) > Float.MAX_VALUE) {
        throw new BankmlException("feature '" + x.names().get(i % x.cols()) + "' at row " + i / x.cols() + " is "
            + v[i] + "; XGBoost takes finite values within float range (NaN means missing)");
      }
    }
  }

  @Override
  public String toString() {
    return "XgboostTrainer[" + algorithm + ", rounds " + settings.rounds() + ", " + settings.params() + "]";
  }
}
