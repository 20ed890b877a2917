package dev.bankml.models.xgboost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.spi.Hyperparameters;
import dev.bankml.models.split.Split;
import dev.bankml.models.split.StratifiedSplit;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.Test;

class EarlyStoppingTest {
  static final XgboostBackend BACKEND = new XgboostBackend();
  /** A fast learning rate on noisy data: the held-out loss turns up after a few dozen rounds. */
  static final Hyperparameters OVERFITTING = Hyperparameters.DEFAULTS.with("threads", 1).with("learning_rate", 0.3)
      .with("max_depth", 6).with("rounds", 400).with("early_stopping_rounds", 15);
  static final long SEED = 11;

  @Test
  void keepsTheRoundWithTheLowestHeldOutLossAndStopsAfterThePatience() {
    Data d = Data.loans(1500, 6, 4, 0);
    XgboostClassifier stopped = (XgboostClassifier) BACKEND.classifierTrainer("gradient-boosting", OVERFITTING, SEED)
        .fit(d.x(), d.y());
    int kept = stopped.model().trees();
    assertThat(kept).as("rounds kept").isBetween(2, 100);

    // The same rows, split the way the trainer splits them, boosted without early stopping: the
    // first rounds are the same trees, and the held-out loss is lowest after exactly `kept` rounds.
    Split split = StratifiedSplit.trainTest(d.y(), 0.1, SEED);
    Data fit = new Data(d.x().selectRows(split.train()), select(d.y(), split.train()));
    XgboostClassifier full = (XgboostClassifier) BACKEND.classifierTrainer("gradient-boosting",
        OVERFITTING.with("early_stopping_rounds", 0).with("rounds", kept + 15), SEED).fit(fit.x(), fit.y());
    FeatureMatrix held = d.x().selectRows(split.test());
    int[] heldY = select(d.y(), split.test());
    int argmin = -1;
    double best = Double.POSITIVE_INFINITY;
    for (int rounds = 1; rounds <= kept + 15; rounds++) {
      XgboostClassifier cut = cut(full, rounds);
      double loss = logLoss(cut.probabilities(held), heldY);
      if (loss < best) {
        best = loss;
        argmin = rounds;
      }
    }
    assertThat(argmin).isEqualTo(kept);
    assertThat(cut(full, kept).probabilities(held)).containsExactly(stopped.probabilities(held));
  }

  @Test
  void aModelCutToItsFirstRoundsPredictsAsXgboostWithThoseRounds() throws Exception {
    Data d = Data.loans(800, 5, 5, 0.05);
    XgboostClassifier full = (XgboostClassifier) BACKEND.classifierTrainer("gradient-boosting",
        Hyperparameters.DEFAULTS.with("threads", 1).with("early_stopping_rounds", 0).with("rounds", 40), 1)
        .fit(d.x(), d.y());
    Booster all = XGBoost.loadModel(full.modelJson());
    Booster first = XGBoost.loadModel(ModelJson.firstRounds(full.modelJson(), 17, 1));
    DMatrix m = Native.matrix(d.x());
    try {
      float[][] expected = all.predict(m, true, 17);
      float[][] got = first.predict(m, true);
      assertThat(first.getNumBoostedRound()).isEqualTo(17);
      for (int i = 0; i < expected.length; i++) {
        assertThat(got[i][0]).isEqualTo(expected[i][0]);
        assertThat(cut(full, 17).margin(d.x().row(i))).isEqualTo(expected[i][0]);
      }
    } finally {
      m.dispose();
      all.dispose();
      first.dispose();
    }
  }

  @Test
  void withoutEarlyStoppingEveryRoundIsKept() {
    Data d = Data.loans(600, 5, 6, 0);
    XgboostClassifier c = (XgboostClassifier) BACKEND.classifierTrainer("gradient-boosting",
        OVERFITTING.with("early_stopping_rounds", 0).with("rounds", 60), SEED).fit(d.x(), d.y());
    assertThat(c.model().trees()).isEqualTo(60);
  }

  @Test
  void tooFewRowsOfAClassToHoldOutTrainsOnAllRowsWithoutStopping() {
    Data d = Data.loans(40, 3, 7, 0);
    int[] y = new int[d.y().length];
    y[0] = 1;
    y[1] = 1; // two positives: 10 % of them rounds to none held out
    XgboostClassifier c = (XgboostClassifier) BACKEND.classifierTrainer("gradient-boosting",
        OVERFITTING.with("rounds", 30), SEED).fit(d.x(), y);
    assertThat(c.model().trees()).isEqualTo(30);
  }

  private static XgboostClassifier cut(XgboostClassifier c, int rounds) {
    return new XgboostClassifier(c.algorithm(), c.featureCount(), ModelJson.firstRounds(c.modelJson(), rounds, 1));
  }

  private static int[] select(int[] y, int[] rows) {
    int[] out = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = y[rows[i]];
    }
    return out;
  }

  private static double logLoss(double[] p, int[] y) {
    double loss = 0;
    for (int i = 0; i < p.length; i++) {
      double q = Math.min(1 - 1e-15, Math.max(1e-15, p[i]));
      loss -= y[i] == 1 ? Math.log(q) : Math.log(1 - q);
    }
    return loss;
  }
}
