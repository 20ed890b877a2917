package dev.bankml.models.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bankml.data.BankmlException;
import dev.bankml.models.spi.Classifier;
import dev.bankml.models.spi.Hyperparameters;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ClassifierTrainingTest {
  static final TribuoBackend BACKEND = new TribuoBackend();

  @Test
  void forestIsTheSameWhateverTheThreadCount() {
    Synthetic s = Synthetic.loans(600, 31);
    Hyperparameters h = Hyperparameters.DEFAULTS.with("trees", 25);
    Classifier one = BACKEND.classifierTrainer("random-forest", h.with("threads", 1), 4).fit(s.x, s.y);
    Classifier two = BACKEND.classifierTrainer("random-forest", h.with("threads", 2), 4).fit(s.x, s.y);
    assertThat(two.probabilities(s.x)).containsExactly(one.probabilities(s.x));
  }

  @Test
  void zeroWeightRowsAreIgnoredByLogistic() {
    Synthetic s = Synthetic.loans(1000, 32);
    double[] w = new double[s.y.length];
    int[] flipped = s.y.clone();
    for (int i = 0; i < w.length; i++) {
      w[i] = i < 500 ? 1 : 0;
      if (i >= 500) {
        flipped[i] = 1 - flipped[i];
      }
    }
    Classifier c = BACKEND.classifierTrainer("logistic", Hyperparameters.DEFAULTS, 1).fit(s.x, flipped, w);
    double[] coef = ((LinearClassifier) c).coefficients();
    assertThat(coef[0]).as("weight of a, which raises the true risk").isPositive();
  }

  @Test
  void singleClassLabelsAreRefused() {
    Synthetic s = Synthetic.loans(50, 33);
    int[] zeros = new int[50];
    assertThatThrownBy(() -> BACKEND.classifierTrainer("logistic", Hyperparameters.DEFAULTS, 1).fit(s.x, zeros))
        .isInstanceOf(BankmlException.class).hasMessageContaining("only class 0");
  }

  @Test
  void negativeWeightsAndBadLabelsAreRefused() {
    Synthetic s = Synthetic.loans(50, 34);
    double[] w = new double[50];
    Arrays.fill(w, 1);
    w[3] = -1;
    assertThatThrownBy(() -> BACKEND.classifierTrainer("logistic", Hyperparameters.DEFAULTS, 1).fit(s.x, s.y, w))
        .isInstanceOf(BankmlException.class).hasMessageContaining("row 3");
    int[] y = s.y.clone();
    y[4] = 2;
    assertThatThrownBy(() -> BACKEND.classifierTrainer("logistic", Hyperparameters.DEFAULTS, 1).fit(s.x, y))
        .isInstanceOf(BankmlException.class).hasMessageContaining("row 4");
  }

  @Test
  void outOfRangeHyperparametersAreRefusedWithTheValidRange() {
    assertThatThrownBy(() -> BACKEND.classifierTrainer("xgboost", Hyperparameters.DEFAULTS.with("eta", 5), 1))
        .isInstanceOf(BankmlException.class).hasMessageContaining("eta").hasMessageContaining("between");
    assertThatThrownBy(() -> BACKEND.classifierTrainer("random-forest", Hyperparameters.DEFAULTS.with("trees", 0), 1))
        .isInstanceOf(BankmlException.class).hasMessageContaining("trees");
  }
}
